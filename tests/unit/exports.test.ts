import { parse } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { getCorpus } from '../../src/lib/corpus.ts';
import { directoryEntries } from '../../src/lib/contacts.ts';
import { BOM, CONTACT_CSV_HEADER, contactsCsv, csvField, MULTI_SEPARATOR } from '../../src/lib/csv.ts';
import { escapeText, foldLine, toIcs } from '../../src/lib/ics.ts';
import { corpusEvents, policyEvents } from '../../src/lib/timeline.ts';
import { toVcf } from '../../src/lib/vcard.ts';

const corpus = getCorpus();
const entries = directoryEntries(corpus);
const events = corpusEvents(corpus);
const generated = new Date('2026-03-01T02:03:04Z');
const octets = (s: string) => new TextEncoder().encode(s).length;

/** Every physical line ends with CRLF and is at most 75 octets (RFC 5545 §3.1, RFC 2425 §5.8.1). */
function expectFoldedCrlf(text: string) {
  expect(text.endsWith('\r\n')).toBe(true);
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  for (const line of text.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
}

describe('contacts.csv', () => {
  const csv = contactsCsv(entries);

  it('starts with a BOM so Excel reads UTF-8', () => {
    expect(csv.startsWith(BOM)).toBe(true);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('parses back with csv-parse into one intact row per contact', () => {
    const rows: string[][] = parse(csv, { bom: true, relax_column_count: false });
    expect(rows[0]).toEqual([...CONTACT_CSV_HEADER]);
    const body = rows.slice(1);
    expect(body.length).toBe(entries.length);
    const col = (name: string) => CONTACT_CSV_HEADER.indexOf(name as (typeof CONTACT_CSV_HEADER)[number]);
    body.forEach((row, i) => {
      const e = entries[i]!;
      expect(row).toHaveLength(CONTACT_CSV_HEADER.length);
      expect(row[col('姓名')]).toBe(e.displayName);
      expect(row[col('原文姓名')]).toBe(e.contact.name);
      expect(row[col('电话')]).toBe(e.contact.phones.join(MULTI_SEPARATOR));
      expect(row[col('政策编号')]).toBe(e.policy.id);
      expect(row[col('年份')]).toBe(String(e.policy.year));
    });
  });

  it('quotes commas, quotes and line breaks, and defuses formulas', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('两行\n文字')).toBe('"两行\n文字"');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('0351-3046026')).toBe('0351-3046026');
  });
});

describe('contacts.vcf', () => {
  const vcf = toVcf(entries);

  it('is folded with CRLF and parses with ical.js into one card per contact', () => {
    expectFoldedCrlf(vcf);
    const parsed = ICAL.parse(vcf) as unknown[];
    const cards = (Array.isArray(parsed[0]) ? parsed : [parsed]).map((j) => new ICAL.Component(j as unknown[]));
    expect(cards.length).toBe(entries.length);
    expect(cards.every((c) => c.name === 'vcard' && c.getFirstPropertyValue('version') === '3.0')).toBe(true);
  });

  it('carries name, organisation and department, work phone, email and a note with the policy and directions', () => {
    const parsed = ICAL.parse(vcf) as unknown[];
    const cards = parsed.map((j) => new ICAL.Component(j as unknown[]));
    const meng = cards.filter((c) => c.getFirstPropertyValue('fn') === '孟庆春');
    expect(meng.length).toBeGreaterThan(1);
    const tels = meng.flatMap((c) => c.getAllProperties('tel').map((p) => String(p.getFirstValue())));
    expect(tels).toEqual(expect.arrayContaining(['0351-3046026', '0351-3046297']));
    const tel = meng[0]!.getFirstProperty('tel')!;
    expect(tel.getParameter('type')).toEqual(['WORK', 'VOICE']);
    expect(meng[0]!.getFirstPropertyValue('org')).toEqual(expect.arrayContaining(['山西省工业和信息化厅']));
    const note = String(meng[0]!.getFirstPropertyValue('note'));
    expect(note).toMatch(/山西/);
    expect(note).toContain('负责方向：');
    const zhou = cards.find((c) => c.getFirstPropertyValue('fn') === '周晋芳')!;
    expect(zhou.getFirstPropertyValue('email')).toBe('tzyghc@mail.gxt.shanxi.gov.cn');
    // A bare second number carries the area code printed before it, so a phone can dial it.
    expect(cards.flatMap((c) => c.getAllProperties('tel').map((p) => String(p.getFirstValue())))).toContain('0515-86660568');
  });
});

describe('timeline.ics', () => {
  const ics = toIcs(events, { name: '全部时间节点', generated });
  const cal = new ICAL.Component(ICAL.parse(ics) as unknown[]);
  const vevents = cal.getAllSubcomponents('vevent');
  const byUid = new Map(vevents.map((v) => [String(v.getFirstPropertyValue('uid')), v]));
  const start = (v: ICAL.Component) => (v.getFirstPropertyValue('dtstart') as ICAL.Time).toString().slice(0, 10);

  it('validates: CRLF, folded at 75 octets, parsed back by ical.js with one event per date', () => {
    expectFoldedCrlf(ics);
    expect(cal.name).toBe('vcalendar');
    expect(cal.getFirstPropertyValue('version')).toBe('2.0');
    expect(cal.getFirstPropertyValue('prodid')).toBeTruthy();
    expect(vevents.length).toBe(events.length);
    for (const v of vevents) expect(v.getFirstPropertyValue('dtstamp')?.toString()).toBe('2026-03-01T02:03:04Z');
  });

  it('holds 2023-11-10, 2026-03-04 and every other deadline in the data', () => {
    const starts = new Set(vevents.map(start));
    expect(starts.has('2023-11-10')).toBe(true);
    expect(starts.has('2026-03-04')).toBe(true);
    for (const e of events.filter((x) => x.kind === 'deadline' || x.kind === 'complete-by')) {
      const v = byUid.get(`${e.uid}@zhuanxiang-zijin.policy-atlas`);
      expect(v, e.uid).toBeDefined();
      expect(start(v!)).toBe(e.first);
    }
  });

  it('keeps UIDs stable between builds and unique', () => {
    const again = toIcs(events, { name: '全部时间节点', generated: new Date('2027-01-01T00:00:00Z') });
    const uids = (s: string) => [...s.matchAll(/^UID:(.+(?:\r\n .+)*)/gm)].map((m) => m[1]!.replace(/\r\n /g, ''));
    expect(uids(again)).toEqual(uids(ics));
    expect(new Set(uids(ics)).size).toBe(events.length);
  });

  it('makes days all-day events ending the day after, and windows multi-day all-day events', () => {
    for (const e of events.filter((x) => x.date.shape !== 'recurring')) {
      const v = byUid.get(`${e.uid}@zhuanxiang-zijin.policy-atlas`)!;
      const s = v.getFirstPropertyValue('dtstart') as ICAL.Time;
      const end = v.getFirstPropertyValue('dtend') as ICAL.Time;
      expect(s.isDate).toBe(true);
      expect(end.isDate).toBe(true);
      const days = Math.round((end.toJSDate().getTime() - s.toJSDate().getTime()) / 86_400_000);
      expect(days).toBe(Math.round((Date.parse(e.last!) - Date.parse(e.first)) / 86_400_000) + 1);
    }
    expect(ics).toMatch(/DTSTART;VALUE=DATE:20210101\r\nDTEND;VALUE=DATE:20220701/);
  });

  it('cites the clause and links the direction page in each description', () => {
    for (const e of events) {
      const d = String(byUid.get(`${e.uid}@zhuanxiang-zijin.policy-atlas`)!.getFirstPropertyValue('description'));
      expect(d).toContain(e.date.at);
      expect(d).toContain(e.date.quote.replace(/\s+/g, ' ').trim());
      for (const dir of e.directions) expect(d).toContain(dir.href);
    }
  });

  it('exports the unbounded weekly report once, at the issue date, saying the text gives no start or end', () => {
    const weekly = events.find((e) => e.date.shape === 'recurring' && e.date.freq === 'weekly' && !e.date.until)!;
    const v = byUid.get(`${weekly.uid}@zhuanxiang-zijin.policy-atlas`)!;
    expect(v.getFirstProperty('rrule')).toBeNull();
    const dtstart = v.getFirstProperty('dtstart')!;
    expect(dtstart.getParameter('tzid')).toBe('Asia/Shanghai');
    expect(String(dtstart.getFirstValue())).toBe('2020-02-06T15:00:00');
    expect(String(v.getFirstPropertyValue('description'))).toContain('每周五15:00前报送，原文未载明起始和截止日期。日历中按发文日期（2020-02-06）列出一次。');
    expect(cal.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Asia/Shanghai');
    expect(ics).not.toMatch(/UNTIL=|COUNT=/);
  });

  it('exports a bounded duty as recurring with UNTIL in UTC', () => {
    const p = corpus.policies.find((x) => x.id === 'shanxi-2020-double-hundred')!;
    const weekly = policyEvents(p).find((e) => e.date.shape === 'recurring' && e.date.freq === 'weekly')!;
    const bounded = { ...weekly, last: '2020-03-27', openEnded: false, date: { ...weekly.date, until: '2020-03-27' } } as typeof weekly;
    const one = toIcs([bounded], { name: 'x', generated });
    expect(one).toContain('RRULE:FREQ=WEEKLY;BYDAY=FR;UNTIL=20200327T070000Z');
    const v = new ICAL.Component(ICAL.parse(one) as unknown[]).getFirstSubcomponent('vevent')!;
    expect(new ICAL.Event(v).isRecurring()).toBe(true);
  });

  it('escapes text and folds without splitting a character', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
    const long = 'DESCRIPTION:' + '政'.repeat(60);
    const folded = foldLine(long);
    for (const line of folded.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(folded.split('\r\n').map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe(long);
  });
});
