/**
 * Every file /data/ offers, with its size in bytes and the data version. Sizes are measured on the very
 * text the endpoints serve (the same functions produce both), so the page never states a stale size.
 * Build-time only (node:crypto).
 */
import { createHash } from 'node:crypto';
import { getCorpus } from './corpus.ts';
import { directoryEntries } from './contacts.ts';
import { contactsCsv } from './csv.ts';
import { toIcs } from './ics.ts';
import { getOpenData, policiesJsonText, policyJsonText, schemaJsonText } from './open-data.ts';
import { TABLE_NAMES, TABLE_TITLES, tableCsv } from './tables/index.ts';
import { workbookBytes } from './tables/workbook.ts';
import { corpusEvents } from './timeline.ts';
import { toVcf } from './vcard.ts';
import { exportUrl, openDataUrl } from '../model/routes.ts';

export interface Download {
  href: string;
  /** The file name shown as the link text. */
  file: string;
  /** What it holds (zh-CN). */
  what: string;
  bytes: number;
}

const utf8 = (s: string) => Buffer.byteLength(s, 'utf8');

export interface DataVersion {
  /** Build date, ISO, Asia/Shanghai. */
  generated: string;
  /** First 12 hex digits of the SHA-256 of policies.json: changes whenever any published fact does. */
  dataSha256: string;
  sources: { policy: string; title: string; sha256: string }[];
}

export function dataVersion(): DataVersion {
  const data = getOpenData();
  return {
    generated: data.generated,
    dataSha256: createHash('sha256').update(policiesJsonText()).digest('hex').slice(0, 12),
    sources: data.policies.map((p) => ({ policy: p.id, title: p.shortTitle, sha256: p.source.sha256 })),
  };
}

/** The tables, the workbook, the JSON files and the exports, in the order the page lists them. */
export async function downloads(): Promise<{ tables: Download[]; json: Download[]; exports: Download[] }> {
  const data = getOpenData();
  const tables: Download[] = TABLE_NAMES.map((t) => ({ href: openDataUrl.table(t), file: `${t}.csv`, what: TABLE_TITLES[t], bytes: utf8(tableCsv(t, data)) }));
  tables.push({ href: openDataUrl.workbook(), file: 'tables.xlsx', what: '以上 7 张表合成的 Excel 工作簿，每张表一个工作表', bytes: (await workbookBytes(data)).byteLength });
  const json: Download[] = [
    { href: openDataUrl.all(), file: 'policies.json', what: '全部政策的完整数据（条件树、支持公式、日期、联系人、组合规则）及跨政策比较', bytes: utf8(policiesJsonText()) },
    { href: openDataUrl.schema(), file: 'schema.json', what: 'policies.json 的 JSON Schema，每个字段都有 description', bytes: utf8(schemaJsonText()) },
    ...data.policies.map((p) => ({ href: openDataUrl.policy(p.id), file: `${p.id}.json`, what: `${p.shortTitle}：单份政策的数据`, bytes: utf8(policyJsonText(p.id)) })),
  ];
  const corpus = getCorpus();
  const entries = directoryEntries(corpus);
  const exports: Download[] = [
    { href: exportUrl.contactsCsv(), file: 'contacts.csv', what: '联系人名录（中文表头，Excel 直接打开）', bytes: utf8(contactsCsv(entries)) },
    { href: exportUrl.contactsVcf(), file: 'contacts.vcf', what: '联系人名片（vCard 3.0，可导入手机）', bytes: utf8(toVcf(entries)) },
    {
      href: exportUrl.timelineIcs(),
      file: 'timeline.ics',
      what: '全部时间节点（iCalendar，可导入日历）',
      // The file stamps its build time (DTSTAMP); the stamp has a fixed length, so any instant measures the same.
      bytes: utf8(toIcs(corpusEvents(corpus), { name: '专项资金政策通 · 全部时间节点', generated: new Date() })),
    },
  ];
  return { tables, json, exports };
}

/** “34.1 KB”, “1.2 MB”. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
