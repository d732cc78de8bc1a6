/**
 * RFC 4180 CSV for the contact export. UTF-8 with a byte-order mark: without it Excel on Windows reads
 * the file as the local ANSI code page and the Chinese turns to mojibake.
 */
import type { ContactEntry } from './contacts.ts';

export const BOM = '\ufeff';

/**
 * One field, quoted when it holds a comma, quote or line break. A leading = + - @ would make Excel
 * evaluate the cell as a formula, so such a field gets a leading apostrophe (none of the printed data
 * starts that way today; the guard is for future rows).
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows joined with CRLF, as RFC 4180 asks; the BOM goes first. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  return BOM + [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export const CONTACT_CSV_HEADER = [
  '姓名',
  '原文姓名',
  '处室',
  '单位',
  '级别',
  '电话',
  '邮箱',
  '负责方向',
  '负责产业链/行业',
  '备注',
  '政策',
  '年份',
  '政策编号',
  '出处',
  '原文引文',
] as const;

/** Several numbers in one cell are separated by “；” (the comma is the CSV separator). */
export const MULTI_SEPARATOR = '；';

export function contactCsvRow(e: ContactEntry): string[] {
  const c = e.contact;
  return [
    e.displayName,
    c.name,
    c.department,
    c.organisation,
    e.levelLabel,
    c.phones.join(MULTI_SEPARATOR),
    c.email ?? '',
    e.directions.map((d) => d.name).join(MULTI_SEPARATOR),
    c.scope.join(MULTI_SEPARATOR),
    c.note ?? '',
    e.policy.shortTitle,
    String(e.policy.year),
    e.policy.id,
    c.at,
    // Table cells were split over lines by the conversion; one line per field reads better in Excel.
    c.quote.replace(/\s+/g, ' ').trim(),
  ];
}

export function contactsCsv(entries: readonly ContactEntry[]): string {
  return toCsv(CONTACT_CSV_HEADER, entries.map(contactCsvRow));
}
