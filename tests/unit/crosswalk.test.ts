import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { formatProblem, type DataProblem } from '../../src/data/errors.ts';
import { loadCorpus } from '../../src/data/load.ts';
import { checkCrosswalk, oneSidedLinks, readCrosswalk, themeDirections, themePolicyCounts } from '../../src/lib/crosswalk.ts';
import { differingCells } from '../../src/components/compare/rows.ts';

/**
 * The crosswalk (policies/crosswalk.yaml) against the real corpus: it must place every direction and
 * quote its sources exactly; and each kind of corruption must be reported naming the field.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const corpus = loadCorpus(join(ROOT, 'policies'), ROOT);
const text = readFileSync(join(ROOT, 'policies', 'crosswalk.yaml'), 'utf8');
const FILE = 'policies/crosswalk.yaml';

/** A fresh, mutable copy of the real crosswalk as parsed YAML. */
const raw = (): any => parse(text);
const problemsOf = (input: unknown): DataProblem[] => checkCrosswalk(input, corpus, FILE).problems;

describe('the real crosswalk', () => {
  const { crosswalk, problems } = readCrosswalk(join(ROOT, 'policies'), corpus, ROOT);

  it('has no problems', () => {
    expect(problems.map(formatProblem)).toEqual([]);
    expect(crosswalk).toBeDefined();
  });

  it('places every direction of every policy in a theme or under noCounterpart, never both', () => {
    const inThemes = new Set(crosswalk!.themes.flatMap((t) => t.links.flatMap((l) => l.directions)));
    const marked = new Set(crosswalk!.noCounterpart.map((n) => n.direction));
    const all = corpus.policies.flatMap((p) => p.directions.map((d) => `${p.id}/${d.id}`));
    expect(all.length).toBeGreaterThan(50);
    expect(all.filter((ref) => !inThemes.has(ref) && !marked.has(ref))).toEqual([]);
    expect([...marked].filter((ref) => inThemes.has(ref))).toEqual([]);
  });

  it('has the themes the comparison pages are built around', () => {
    const names = crosswalk!.themes.map((t) => t.name);
    for (const n of ['智能化/数字化改造', '工业互联网与数据', '绿色低碳', '兼并重组', '中小企业与专精特新', '首台套与新材料', '医药与医疗器械', '人工智能与算力', '产业链与集群', '公共服务平台与创新中心', '人才培养']) {
      expect(names).toContain(n);
    }
    expect(names.some((n) => n.startsWith('融资支持'))).toBe(true);
  });

  it('records the Shanxi changes the brief names, each cited at both ends where it has two', () => {
    const steps = crosswalk!.evolution;
    const green = steps.find((s) => s.from?.direction === 'green-manufacturing');
    expect(green?.kind).toBe('renamed');
    expect(green?.to).toMatchObject({ policy: 'shanxi-2023-tech-retrofit', programme: 'green-low-carbon' });
    const twoIntegration = steps.find((s) => s.to?.direction === 'two-integration');
    expect(twoIntegration?.from?.policy).toBe('shanxi-2017-opinion');
    // 补助/贴息 → 以奖代补 → 免申即享
    const modes = steps.filter((s) => s.kind === 'changed-mode').map((s) => [s.from?.quote ?? '', s.to?.quote ?? ''].join(' → '));
    expect(modes.some((m) => m.includes('贴息、补助') && m.includes('以奖代补'))).toBe(true);
    expect(modes.some((m) => m.includes('以奖代补') && m.includes('免申即享'))).toBe(true);
  });

  it('each theme lists its directions once, in corpus order, and counts them per policy', () => {
    const counts = themePolicyCounts(corpus, crosswalk!);
    for (const theme of crosswalk!.themes) {
      const dirs = themeDirections(corpus, theme);
      expect(new Set(dirs.map((d) => d.ref)).size).toBe(dirs.length);
      const total = [...(counts.get(theme.id)?.values() ?? [])].reduce((a, b) => a + b, 0);
      expect(total).toBe(dirs.length);
    }
  });

  it('knows which groups of directions only one province has', () => {
    const one = oneSidedLinks(corpus, crosswalk!);
    expect(one.length).toBeGreaterThan(0);
    const leasing = one.find((o) => o.link.directions.includes('shanxi-2026-item-type/financial-leasing-subsidy'));
    expect(leasing).toMatchObject({ present: '山西', missing: ['江苏'] });
  });
});

describe('a corrupted crosswalk is reported with file, field, expected and found', () => {
  const cases: Array<{ name: string; edit: (cw: any) => void; field: string | RegExp; expected: RegExp; found?: RegExp }> = [
    {
      name: 'an unknown policy id',
      edit: (cw) => (cw.themes[0].links[0].directions[0] = 'shanxi-2099-none/smart-upgrade'),
      field: 'themes[0].links[0].directions[0]',
      expected: /已有的政策 id/,
      found: /shanxi-2099-none/,
    },
    {
      name: 'an unknown direction id',
      edit: (cw) => (cw.themes[0].links[0].directions[0] = 'shanxi-2023-tech-retrofit/smart-upgrad'),
      field: 'themes[0].links[0].directions[0]',
      expected: /shanxi-2023-tech-retrofit 已有的方向 id/,
      found: /smart-upgrad/,
    },
    {
      name: 'a malformed reference',
      edit: (cw) => (cw.themes[0].links[0].directions[0] = 'smart-upgrade'),
      field: 'themes[0].links[0].directions[0]',
      expected: /<政策 id>\/<方向 id>/,
    },
    {
      name: 'a direction missing from every theme and from noCounterpart',
      edit: (cw) => (cw.noCounterpart = cw.noCounterpart.filter((n: any) => n.direction !== 'jiangsu-2023-fund-guide/major-exhibition')),
      field: 'themes',
      expected: /noCounterpart/,
      found: /jiangsu-2023-fund-guide\/major-exhibition/,
    },
    {
      name: 'a quote that is not in the source',
      edit: (cw) => (cw.themes.find((t: any) => t.id === 'mergers').links[0].differences[0].cites[0].quote = '并购企业对目标企业的实际出资额折合人民币 50 亿元以上'),
      field: /^themes\[\d+\]\.links\[0\]\.differences\[0\]\.cites\[0\]\.quote$/,
      expected: /policies\/shanxi-2026-item-type\/source\.txt 中能找到/,
      found: /50 亿元/,
    },
    {
      name: 'a difference quoting only one side',
      edit: (cw) => {
        const d = cw.themes.find((t: any) => t.id === 'mergers').links[0].differences[0];
        d.cites = d.cites.filter((c: any) => c.policy === 'shanxi-2026-item-type');
      },
      field: /^themes\[\d+\]\.links\[0\]\.differences\[0\]\.cites$/,
      expected: /至少两份政策/,
    },
    {
      name: 'a cite from a policy the link does not compare',
      edit: (cw) => cw.themes.find((t: any) => t.id === 'mergers').links[0].differences[0].cites.push({ policy: 'shanxi-2017-opinion', quote: '二、主要方向', at: '二' }),
      field: /^themes\[\d+\]\.links\[0\]\.differences\[0\]\.cites\[\d+\]\.policy$/,
      expected: /本组方向所属的政策之一/,
    },
    {
      name: 'a direction both in a theme and under noCounterpart',
      edit: (cw) => cw.noCounterpart.push({ direction: 'shanxi-2026-item-type/merger-award', reason: '测试：同时归入主题' }),
      field: /^noCounterpart\[\d+\]\.direction$/,
      expected: /未归入任何主题的方向/,
    },
    {
      name: 'a theme id that takes a /compare/ page slug',
      edit: (cw) => (cw.themes[0].id = 'same-answers'),
      field: 'themes[0].id',
      expected: /不与 \/compare\/ 下已有页面重名/,
    },
    {
      name: 'two themes with one id',
      edit: (cw) => (cw.themes[1].id = cw.themes[0].id),
      field: 'themes[1].id',
      expected: /唯一的主题 id/,
    },
    {
      name: 'an evolution step with an unknown programme',
      edit: (cw) => (cw.evolution.find((s: any) => s.to?.programme === 'green-low-carbon').to.programme = 'green-lowcarbon'),
      field: /^evolution\[\d+\]\.to\.programme$/,
      expected: /shanxi-2023-tech-retrofit 的专项 id/,
      found: /green-lowcarbon/,
    },
    {
      name: 'a rename without its later end',
      edit: (cw) => delete cw.evolution.find((s: any) => s.kind === 'renamed').to,
      field: /^evolution\[\d+\]\.to$/,
      expected: /kind 为 renamed 时需要 to/,
    },
    {
      name: 'an evolution step running backwards in time',
      edit: (cw) => {
        const s = cw.evolution.find((x: any) => x.kind === 'renamed');
        [s.from, s.to] = [s.to, s.from];
      },
      field: /^evolution\[\d+\]\.to\.policy$/,
      expected: /晚于/,
    },
    {
      name: 'an evolution quote that is not in its source',
      edit: (cw) => (cw.evolution[0].from.quote = '（三）绿色制造推广专项行动。'),
      field: 'evolution[0].from.quote',
      expected: /source\.txt 中能找到/,
    },
    {
      name: 'a theme without links',
      edit: (cw) => (cw.themes[0].links = []),
      field: 'themes[0].links',
      expected: /.+/,
    },
    {
      name: 'an unknown key',
      edit: (cw) => (cw.themes[0].colour = 'red'),
      field: 'themes[0]',
      expected: /只含 schema 定义的字段/,
      found: /colour/,
    },
  ];

  it('the unmodified copy is clean, so each case fails only because of its corruption', () => {
    expect(problemsOf(raw()).map(formatProblem)).toEqual([]);
  });

  for (const c of cases) {
    it(c.name, () => {
      const cw = raw();
      c.edit(cw);
      const problems = problemsOf(cw);
      const hit = problems.find((p) => (typeof c.field === 'string' ? p.field === c.field : c.field.test(p.field)));
      expect(hit, `expected a problem at ${String(c.field)}; got:\n${problems.map(formatProblem).join('\n')}`).toBeDefined();
      expect(hit!.file).toBe(FILE);
      expect(hit!.expected).toMatch(c.expected);
      if (c.found) expect(hit!.found).toMatch(c.found);
      // The printed form names file and field, for the build's error message.
      expect(formatProblem(hit!)).toContain(`${FILE} › ${hit!.field}`);
    });
  }
});

describe('reading the file', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const withFile = (content: string | undefined) => {
    const root = mkdtempSync(join(tmpdir(), 'crosswalk-'));
    dirs.push(root);
    const dir = join(root, 'policies');
    mkdirSync(dir);
    if (content !== undefined) writeFileSync(join(dir, 'crosswalk.yaml'), content);
    return readCrosswalk(dir, corpus, root).problems;
  };

  it('reports invalid YAML with the parser message', () => {
    const problems = withFile('themes:\n  - id: x\n    name: [unclosed\n');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'policies/crosswalk.yaml', field: '', expected: '合法的 YAML' });
  });

  it('reports a missing file instead of building a comparison without it', () => {
    const problems = withFile(undefined);
    expect(problems).toEqual([{ file: 'policies/crosswalk.yaml', field: '', expected: expect.stringContaining('比较主题文件'), found: '（缺失）' }]);
  });
});

describe('marking differing cells', () => {
  it('marks nothing in a uniform row', () => {
    expect(differingCells(['a', 'a', 'a'])).toEqual([false, false, false]);
  });
  it('marks the cells that differ from a clear majority', () => {
    expect(differingCells(['a', 'b', 'a'])).toEqual([false, true, false]);
  });
  it('marks every cell when there is no single common value', () => {
    expect(differingCells(['a', 'b'])).toEqual([true, true]);
    expect(differingCells(['a', 'a', 'b', 'b'])).toEqual([true, true, true, true]);
  });
  it('never marks a single column', () => {
    expect(differingCells(['a'])).toEqual([false]);
  });
});
