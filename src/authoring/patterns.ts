/**
 * Figures a notice prints, found by pattern: phones, emails, dates, document numbers, amounts,
 * percentages, and (for the authoring draft) quotas and thresholds. Shared by the authoring assistant
 * (`scripts/new-policy.ts`) and the source-coverage check, so both read a text the same way.
 * Pure functions over the verbatim text: offsets are offsets into `source.txt`. Build-time only.
 */

/** What the coverage check counts. */
export const PRINTED_KINDS = ['phone', 'email', 'date', 'amount', 'percentage', 'docNumber'] as const;
export type PrintedKind = (typeof PRINTED_KINDS)[number];
export const PRINTED_KIND_LABEL: Record<PrintedKind, string> = {
  phone: '电话',
  email: '邮箱',
  date: '日期',
  amount: '金额',
  percentage: '百分比',
  docNumber: '文号',
};

/** One figure as printed, with its place in the source. `text` is the verbatim slice. */
export interface PrintedItem {
  kind: PrintedKind;
  text: string;
  start: number;
  end: number;
}

/** A quota (不超过N个) or a bound (不低于…, …以上): candidate criteria and quotas for the draft. */
export interface BoundItem {
  kind: 'quota' | 'threshold';
  text: string;
  start: number;
  end: number;
  /** The number as read (half-width), the unit as printed, and the bound word. */
  value: number;
  unit: string;
  bound: string;
}

// Spaces inside a figure (“2021 年 1 月 1 日”, “500 万元”); never a line break or a table's tab.
const S = '[ \\u3000]*';
const D = '[0-9０-９]';
const NUM = `${D}+(?:[.．,，]${D}+)*`;
// A date's optional qualifiers, kept so the draft shows 前 / 后 / （含） as printed.
const INCL = `(?:${S}[（(]${S}含${S}[）)])?`;
const SIDE = `(?:${S}(?:以前|以后|之前|之后|前|后|起|止))?`;

/** Full-width digits and punctuation to ASCII, and Chinese thousands commas dropped. */
export function readNumber(s: string): number {
  const t = s.replace(/[０-９．，]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[\s\u3000]/g, '');
  return Number(t.replace(/,(?=\d{3}(?:\D|$))/g, ''));
}

interface Rule {
  kind: PrintedKind;
  re: RegExp;
}

// Order matters: earlier rules claim their span, later rules skip anything that overlaps it, so
// “2021年1月1日” is one date (not a year-month plus a day) and “0351-3046026” never reads as a date.
const RULES: Rule[] = [
  { kind: 'email', re: /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g },
  // 0351-3046026, 025-69652940; the dash may be full-width or a dash the conversion substituted.
  { kind: 'phone', re: new RegExp(`(?<![0-9０-９\\-])0${D}{2,3}${S}[-－—–]${S}${D}{7,8}(?!${D})`, 'g') },
  { kind: 'phone', re: new RegExp(`(?<![0-9０-９])1[3-9]${D}{9}(?!${D})`, 'g') },
  // 晋工信投资字〔2026〕12号, 苏工信规〔2022〕3号.
  { kind: 'docNumber', re: new RegExp(`[\\u4e00-\\u9fff]{1,12}${S}[〔［\\[]${S}${D}{4}${S}[〕］\\]]${S}${D}+${S}号`, 'g') },
  { kind: 'date', re: new RegExp(`(?<!${D})${D}{4}${S}年${S}${D}{1,2}${S}月${S}${D}{1,2}${S}[日号]${INCL}${SIDE}`, 'g') },
  { kind: 'date', re: new RegExp(`(?<!${D})${D}{4}${S}[.．/-]${D}{1,2}[.．/-]${D}{1,2}(?!${D})${INCL}${SIDE}`, 'g') },
  { kind: 'date', re: new RegExp(`(?<!${D})${D}{4}${S}年${S}${D}{1,2}${S}月(?!${S}${D})(?:${S}(?:底|末|初|中旬|上旬|下旬))?${INCL}${SIDE}`, 'g') },
  { kind: 'date', re: new RegExp(`(?<!${D})${D}{4}${S}年${S}(?:底|末)${INCL}${SIDE}`, 'g') },
  { kind: 'date', re: new RegExp(`(?<![0-9０-９年])${D}{1,2}${S}月${S}${D}{1,2}${S}[日号]${INCL}${SIDE}`, 'g') },
  // 1亿元, 3000 万元, 500-1000万元, 2000万 (a bare 万 only where 元 is plainly meant: before punctuation).
  { kind: 'amount', re: new RegExp(`(?<!${D})${NUM}(?:${S}[-—~～至]${S}${NUM})?${S}(?:亿元|万元|元|亿(?=${S}[，,。；、）)])|万(?=${S}[，,。；、）)]))`, 'g') },
  { kind: 'amount', re: /[一二两三四五六七八九十百千]+(?:亿元|万元)/g },
  { kind: 'percentage', re: new RegExp(`(?<!${D})${NUM}(?:${S}[%％]?${S}[-—~～至]${S}${NUM})?${S}[%％]`, 'g') },
  { kind: 'percentage', re: /百分之[零一二三四五六七八九十百点]+/g },
];

/** Every phone, email, date, amount, percentage and document number printed in `source`, in order. */
export function printedItems(source: string): PrintedItem[] {
  const items: PrintedItem[] = [];
  const taken: Array<[number, number]> = [];
  const overlaps = (s: number, e: number) => taken.some(([a, b]) => s < b && a < e);
  for (const rule of RULES) {
    for (const m of source.matchAll(rule.re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (overlaps(start, end)) continue;
      items.push({ kind: rule.kind, text: m[0], start, end });
      taken.push([start, end]);
    }
  }
  // A second number printed after a phone (“0515-88190553 88190555”) is a phone of the same office.
  for (const first of items.filter((x) => x.kind === 'phone')) {
    let at = first.end;
    for (;;) {
      const m = /^[ \u3000、/，,]+([0-9]{7,8})(?![0-9])/.exec(source.slice(at, at + 24));
      if (!m) break;
      const start = at + m[0].length - m[1]!.length;
      const end = at + m[0].length;
      if (overlaps(start, end)) break;
      items.push({ kind: 'phone', text: m[1]!, start, end });
      taken.push([start, end]);
      at = end;
    }
  }
  return items.sort((a, b) => a.start - b.start);
}

const BOUND_UNIT = '(?:亿元|万元|元|%|％|个|家|人|项|年|倍|次|天|万吨标准煤|吨标准煤|万吨|吨|千瓦|台|套|平方米|亩)';
const BOUND_BEFORE = '(?:不低于|不少于|不超过|不高于|不大于|不小于|超过|低于|高于|大于|达到|最高|最多|至少)';
const BOUND_AFTER = '(?:及以上|以上|以下|以内)';

/** Quotas (不超过N个) and thresholds (不低于N万元, N万元以上), with the number read. */
export function boundItems(source: string): BoundItem[] {
  const out: BoundItem[] = [];
  const before = new RegExp(`(${BOUND_BEFORE})${S}(${NUM})${S}(${BOUND_UNIT})(?:${S}${BOUND_AFTER})?`, 'g');
  const after = new RegExp(`(?<![0-9０-９.．])(${NUM})${S}(${BOUND_UNIT})${S}(${BOUND_AFTER})`, 'g');
  const seen = new Set<number>();
  for (const re of [before, after]) {
    for (const m of source.matchAll(re)) {
      const start = m.index;
      if ([...seen].some((s) => s <= start && start < s + 4)) continue;
      const [bound, num, unit] = re === before ? [m[1]!, m[2]!, m[3]!] : [m[3]!, m[1]!, m[2]!];
      const quota = unit === '个' && /不超过|最多|以内/.test(bound);
      out.push({ kind: quota ? 'quota' : 'threshold', text: m[0], start, end: start + m[0].length, value: readNumber(num), unit: unit.replace('％', '%'), bound });
      seen.add(start);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
