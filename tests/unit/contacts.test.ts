import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { matches, MORE_FILTERS, normalise, type Query } from '../../src/components/contacts/filter.ts';
import { filtersSet } from '../../src/lib/filter-form.ts';
import { getCorpus } from '../../src/lib/corpus.ts';
import {
  differByOneChar,
  directoryEntries,
  industryKey,
  people,
  personSlugOf,
  phoneHolders,
  phoneViews,
  possibleDuplicates,
  searchKey,
  sharedWith,
  splitScope,
  type ContactEntry,
} from '../../src/lib/contacts.ts';

const corpus = getCorpus();
const entries = directoryEntries(corpus);
const everyone = people(entries);
const person = (name: string) => everyone.find((p) => p.name === name);
const noQuery: Query = { q: '', policy: '', dept: '', chain: '', industry: '' };
const rowOf = (e: ContactEntry) => ({ policy: e.policy.id, dept: e.contact.department, chains: e.chains, search: searchKey(e), industry: industryKey(e) });
const found = (query: Partial<Query>) => entries.filter((e) => matches(rowOf(e), { ...noQuery, ...query }));

/** Every number the five texts print: 区号-号码, mobiles, and bare numbers that follow a 区号 number in one cell. */
function phonesInSources(dir = process.env.POLICIES_DIR ?? 'policies'): Array<{ policy: string; text: string; tel: string }> {
  const out: Array<{ policy: string; text: string; tel: string }> = [];
  for (const policy of readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)) {
    const source = readFileSync(join(dir, policy, 'source.txt'), 'utf8');
    for (const m of source.matchAll(/(0\d{2,3})-(\d{7,8})((?:[ \t]+\d{7,8}(?!\d))*)/g)) {
      out.push({ policy, text: `${m[1]}-${m[2]}`, tel: `tel:${m[1]}${m[2]}` });
      for (const extra of (m[3] ?? '').trim().split(/\s+/).filter(Boolean)) out.push({ policy, text: extra, tel: `tel:${m[1]}${extra}` });
    }
    for (const m of source.matchAll(/(?<!\d)1[3-9]\d{9}(?!\d)/g)) out.push({ policy, text: m[0], tel: `tel:${m[0]}` });
  }
  return out;
}

describe('phones as tel: links', () => {
  it('dials digits only and gives a bare second number the area code printed before it', () => {
    expect(phoneViews(['0351-3046026'])).toEqual([{ text: '0351-3046026', href: 'tel:03513046026', digits: '03513046026' }]);
    const [first, second] = phoneViews(['0515-88190572', '86660568']);
    expect(first?.href).toBe('tel:051588190572');
    expect(second).toEqual({ text: '86660568', href: 'tel:051586660568', digits: '051586660568' });
    expect(phoneViews(['13912345678'])[0]?.href).toBe('tel:13912345678');
  });

  it('lists every number printed in the five texts on some contact of the same policy', () => {
    const printed = phonesInSources();
    expect(printed.length).toBeGreaterThan(40);
    for (const p of printed) {
      const hrefs = entries.filter((e) => e.policy.id === p.policy).flatMap((e) => e.phones.map((x) => x.href));
      expect(hrefs, `${p.policy} 的 ${p.text}`).toContain(p.tel);
    }
  });
});

describe('names', () => {
  it('displays names without padding and keeps the printed form', () => {
    const guo = entries.filter((e) => e.displayName === '郭毅');
    expect(guo.length).toBeGreaterThan(0);
    expect(guo.some((e) => e.verbatimName !== '郭毅')).toBe(true); // 郭  毅 as printed in 2023 / 郭 毅 in 2026
    for (const e of entries) expect(e.displayName).not.toMatch(/\s/);
  });

  it('gives each person an ASCII slug that depends only on the name', () => {
    expect(personSlugOf('孟庆春')).toMatch(/^person-[0-9a-f]{8}$/);
    expect(personSlugOf('孟庆春')).toBe(personSlugOf('孟庆春'));
    expect(personSlugOf('胡崚')).not.toBe(personSlugOf('胡峻'));
    expect(new Set(everyone.map((p) => p.slug)).size).toBe(everyone.length);
  });

  it('treats office-only rows (Jiangsu prints no names) as offices, not people', () => {
    const jiangsu = entries.filter((e) => e.policy.id === 'jiangsu-2023-fund-guide');
    expect(jiangsu.length).toBeGreaterThan(0);
    expect(jiangsu.every((e) => e.officeOnly && e.personSlug === undefined)).toBe(true);
    expect(everyone.some((p) => p.entries.some((e) => e.officeOnly))).toBe(false);
  });
});

describe('the person view', () => {
  it('shows 孟庆春 with both numbers and their years, never merged', () => {
    const meng = person('孟庆春');
    expect(meng).toBeDefined();
    const byNumber = Object.fromEntries(meng!.numbers.map((n) => [n.phone.text, n.sources.map((s) => s.year)]));
    expect(byNumber['0351-3046026']).toEqual([2023]);
    expect(byNumber['0351-3046297']).toEqual([2026]);
  });

  it('flags 胡崚 / 胡峻 as possibly the same person without merging them', () => {
    const a = person('胡崚');
    const b = person('胡峻');
    expect(a && b).toBeTruthy();
    expect(a!.slug).not.toBe(b!.slug);
    const dupes = possibleDuplicates(a!, everyone);
    expect(dupes.map((d) => d.other.name)).toContain('胡峻');
    const hu = dupes.find((d) => d.other.name === '胡峻')!;
    expect(hu.sharedDepartments).toContain('产业处');
    expect(hu.sharedPhones).toContain('0351-2022229');
    expect(possibleDuplicates(b!, everyone).map((d) => d.other.name)).toContain('胡崚');
  });

  it('does not flag names one character apart that share neither office nor number', () => {
    expect(differByOneChar('张军', '张伸')).toBe(true);
    const zhang = person('张军');
    if (zhang) expect(possibleDuplicates(zhang, everyone).map((d) => d.other.name)).not.toContain('张伸');
    expect(differByOneChar('胡崚', '胡崚')).toBe(false);
    expect(differByOneChar('李萍', '李飞光')).toBe(false);
  });
});

describe('shared numbers', () => {
  it('shows who else uses 0351-3046280', () => {
    const holders = phoneHolders(entries).get('03513046280') ?? [];
    expect(holders.length).toBeGreaterThanOrEqual(3);
    expect(holders).toEqual(expect.arrayContaining(['张建国', '侯富余']));
    const row = entries.find((e) => e.displayName === '张建国')!;
    const note = sharedWith(row, phoneHolders(entries)).find((s) => s.phone.digits === '03513046280');
    expect(note?.others).toContain('侯富余');
    expect(note?.others).not.toContain('张建国');
  });
});

describe('filters', () => {
  it('counts the filters folded under 更多筛选: all but the name box, blanks not counted', () => {
    const folded = (q: Query) => filtersSet(q, MORE_FILTERS);
    expect(folded(noQuery)).toBe(0);
    expect(folded({ ...noQuery, q: '郭毅' })).toBe(0);
    expect(folded({ ...noQuery, dept: '节能处', industry: ' ' })).toBe(1);
    expect(folded({ q: 'x', policy: 'a', dept: 'b', chain: 'c', industry: 'd' })).toBe(4);
  });

  it('finds names however they are padded, and numbers with or without the dash', () => {
    expect(normalise(' 郭  毅 ')).toBe('郭毅');
    expect(found({ q: '郭  毅' }).every((e) => e.displayName === '郭毅')).toBe(true);
    expect(found({ q: '郭  毅' }).length).toBe(entries.filter((e) => e.displayName === '郭毅').length);
    const byDash = found({ q: '0351-3046280' });
    expect(byDash.length).toBeGreaterThan(1);
    expect(found({ q: '03513046280' })).toEqual(byDash);
    expect(found({ q: '0351 3046280' })).toEqual(byDash);
  });

  it('finds 化工处 by the industry 化工, and not the offices whose scope is another industry', () => {
    const chem = found({ industry: '化工' });
    expect(chem.some((e) => e.contact.department === '化工处')).toBe(true);
    expect(chem.some((e) => e.contact.scope.includes('钢铁'))).toBe(false);
  });

  it('filters by policy, department and industry chain', () => {
    expect(found({ policy: 'shanxi-2026-item-type' }).every((e) => e.policy.id === 'shanxi-2026-item-type')).toBe(true);
    expect(found({ dept: '节能处' }).every((e) => e.contact.department === '节能处')).toBe(true);
    const chains = [...new Set(entries.flatMap((e) => e.chains))];
    expect(chains.length).toBeGreaterThan(0);
    expect(found({ chain: chains[0]! }).every((e) => e.chains.includes(chains[0]!))).toBe(true);
    expect(splitScope(['氢能产业链', '化工'])).toEqual({ chains: ['氢能产业链'], industries: ['化工'] });
  });
});
