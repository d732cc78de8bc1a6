import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allCriteria } from '../../src/data/checks.ts';
import { formatProblem } from '../../src/data/errors.ts';
import { loadCorpusUnchecked } from '../../src/data/load.ts';
import { quoteFound, stripSpace } from '../../src/data/text.ts';

/** The real corpus: valid, complete to the coverage list, and every fact cited. */
const { corpus, problems } = loadCorpusUnchecked('policies', '.');
const policy = (id: string) => {
  const p = corpus.policies.find((x) => x.id === id);
  if (!p) throw new Error(`policy ${id} missing`);
  return p;
};

describe('the corpus', () => {
  it('has no data problems', () => {
    expect(problems.map(formatProblem)).toEqual([]);
  });

  it('holds the five policies under their ids', () => {
    expect(corpus.policies.map((p) => p.id).sort()).toEqual(
      ['jiangsu-2023-fund-guide', 'shanxi-2017-opinion', 'shanxi-2020-double-hundred', 'shanxi-2023-tech-retrofit', 'shanxi-2026-item-type'].sort(),
    );
  });

  it('keeps each source.txt verbatim: its sha256 is the one recorded from the seed in policy.yaml', () => {
    // The hash was taken from the seed file (source.seedFile) when the text was copied in, so this needs
    // nothing outside the repository: any edit to the original, even a space, fails here.
    for (const p of corpus.policies) {
      const text = readFileSync(join('policies', p.id, 'source.txt'));
      expect(createHash('sha256').update(text).digest('hex'), p.id).toBe(p.source.sha256);
    }
  });
});

describe('coverage', () => {
  it('Shanxi 2023: 3 programmes, 5 directions, 13 contact rows (14 people), the name inconsistency', () => {
    const p = policy('shanxi-2023-tech-retrofit');
    expect(p.programmes).toHaveLength(3);
    expect(p.directions).toHaveLength(5);
    expect(p.contacts).toHaveLength(14);
    const forms = p.inconsistencies.flatMap((i) => i.forms.map((f) => f.text));
    expect(forms).toEqual(expect.arrayContaining([expect.stringContaining('产业基础再造'), expect.stringContaining('产业基础核心支撑')]));
    expect(p.dates.find((d) => d.kind === 'deadline' && d.shape === 'day' && d.date === '2023-11-10')).toBeDefined();
  });

  it('Shanxi 2026: 6 programmes, at least 30 directions, 附件5 and the 16 industry chains', () => {
    const p = policy('shanxi-2026-item-type');
    expect(p.programmes).toHaveLength(6);
    expect(p.directions.length).toBeGreaterThanOrEqual(30);
    expect(p.directions.filter((d) => d.applyFree).length).toBeGreaterThanOrEqual(2);
    const chains = new Set(p.contacts.flatMap((c) => c.scope).filter((s) => s.endsWith('产业链')));
    expect(chains.size).toBeGreaterThanOrEqual(16);
    const names = p.contacts.map((c) => stripSpace(c.name));
    for (const n of ['孟庆春', '侯富余', '张建国', '李萍', '霍丽琴', '卢长云', '康雁翔']) expect(names).toContain(n);
    expect(p.docNumber).toMatchObject({ text: '晋工信投资字〔2026〕12号' });
    expect(p.dates.find((d) => d.kind === 'deadline' && d.shape === 'day' && d.date === '2026-03-04')).toBeDefined();
  });

  it('Jiangsu 2023: 5 key directions, at least 25 project types, both contact columns', () => {
    const p = policy('jiangsu-2023-fund-guide');
    expect(p.programmes).toHaveLength(5);
    expect(p.directions.length).toBeGreaterThanOrEqual(25);
    expect(p.contacts.some((c) => c.level === 'province')).toBe(true);
    expect(p.contacts.some((c) => c.level === 'city')).toBe(true);
    expect(p.contacts.some((c) => c.phones.length >= 2)).toBe(true);
    expect(p.directions.some((d) => d.schemeSeparately)).toBe(true);
    // No application deadline is printed, so none may be recorded.
    expect([...p.dates, ...p.directions.flatMap((d) => d.dates)].some((d) => d.kind === 'deadline' && d.label.includes('申报截止'))).toBe(false);
  });

  it('Shanxi 2020: 100 + 100 and the city thousand, the duties and dates, the contact with email', () => {
    const p = policy('shanxi-2020-double-hundred');
    expect(p.directions.length).toBeGreaterThanOrEqual(3);
    expect(p.contacts.find((c) => c.email === 'tzyghc@mail.gxt.shanxi.gov.cn' && c.phones.includes('0351-3046242'))).toBeDefined();
    expect(p.dates.find((d) => d.shape === 'recurring' && d.byDay === 'FR' && d.time === '15:00' && d.until === undefined)).toBeDefined();
    expect(p.dates.find((d) => d.shape === 'day' && d.date === '2020-02-14')).toBeDefined();
    expect(p.provisions.filter((x) => x.kind === 'form').length).toBeGreaterThanOrEqual(2);
  });

  it('Shanxi 2017: no title or number, two main directions (主要方向), eight programmes, five measures, the goals', () => {
    const p = policy('shanxi-2017-opinion');
    expect(p.title).toMatchObject({ notStated: true });
    expect(p.docNumber).toMatchObject({ notStated: true });
    expect(p.dates).toEqual([]);
    expect(p.directions.every((d) => d.guidanceOnly)).toBe(true);
    expect(p.provisions.filter((x) => x.kind === 'measure')).toHaveLength(5);
    const goalValues = p.provisions.filter((x) => x.kind === 'goal').map((x) => x.value?.number);
    expect(goalValues).toEqual(expect.arrayContaining([12, 60]));
    const countIn = (level: string) => p.directions.filter((d) => p.programmes.find((g) => g.id === d.programme)?.level.includes(level)).length;
    expect(countIn('专项工程')).toBe(8);
    expect(countIn('主要方向')).toBe(2); // the text heads this section “二、主要方向”
  });
});

describe('meta: every item is cited and well-formed', () => {
  it('every direction has a name, a citation found in its source, and every criterion a quote', () => {
    for (const p of corpus.policies) {
      for (const d of p.directions) {
        expect(quoteFound(d.quote, p.sourceText), `${p.id}/${d.id}`).toBe(true);
        for (const c of allCriteria(d.criteria)) expect(quoteFound(c.quote, p.sourceText), `${p.id}/${d.id}/${c.id}`).toBe(true);
      }
    }
  });

  it('funding calls give every direction a support method, and “to confirm” conditions are kept', () => {
    for (const p of corpus.policies.filter((x) => x.kind === 'funding-call')) {
      for (const d of p.directions) expect(d.support, `${p.id}/${d.id}`).toBeDefined();
    }
    const confirms = corpus.policies.flatMap((p) => p.directions.flatMap((d) => allCriteria(d.criteria))).filter((c) => c.kind === 'confirm');
    expect(confirms.length).toBeGreaterThan(0);
  });

  it('every contact is findable: name and phones appear in its quote', () => {
    for (const p of corpus.policies) {
      for (const c of p.contacts) {
        const q = stripSpace(c.quote);
        expect(q, `${p.id}/${c.id}`).toContain(stripSpace(c.name));
        for (const ph of c.phones) expect(q).toContain(ph);
      }
    }
  });
});
