import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/data/load.ts';
import { readCrosswalk } from '../../src/lib/crosswalk.ts';
import { inputLowerBound, maxStatedSupport, programmesOverTimeData, supportMethodData, themeMatrixData, thresholdSupportData } from '../../src/charts/data.ts';
import { axisKind, thresholdSupportSvg, type ScatterGroup, type ScatterPoint } from '../../src/charts/threshold-support.ts';
import { supportMethodsSvg, type MethodRow } from '../../src/charts/support-methods.ts';
import { themeMatrixSvg, type MatrixColumn, type MatrixRow } from '../../src/charts/theme-matrix.ts';
import { programmesOverTimeSvg, type TimelineColumn, type TimelineStep } from '../../src/charts/programmes-over-time.ts';
import type { Criterion } from '../../src/schemas/index.ts';

/**
 * The comparison charts are pure functions from data to SVG. Each is snapshotted from a small fixed
 * fixture (and chart 4 from the real data), and its behaviour is asserted: accessible name and
 * description, rounding, log axes where the range needs them, nothing silently dropped.
 */
const text = (idPrefix: string) => ({ idPrefix, title: `标题 ${idPrefix}`, desc: `说明 ${idPrefix}` });

const GROUPS: ScatterGroup[] = [
  { id: '江苏', label: '江苏', shape: 'square', colour: '#0b4f9c' },
  { id: '山西', label: '山西', shape: 'circle', colour: '#9f1d20' },
];
const point = (key: number, group: string, x: number, y: number): ScatterPoint => ({ id: `p${key}`, key, group, x, y, title: `方向 ${key}` });
const LINEAR_POINTS = [point(1, '江苏', 3000, 2000), point(2, '江苏', 1000, 500), point(3, '山西', 1000, 500), point(4, '江苏', 2000 / 3, 1000 / 3)];
const LOG_POINTS = [point(1, '江苏', 10, 300), point(2, '江苏', 5000, 4000), point(3, '山西', 50000, 2000)];
const OPTIONS = { ...text('ts'), xLabel: '最低投入门槛', yLabel: '最高支持金额' };

const METHOD_ROWS: MethodRow[] = [
  { id: 'a', label: '甲文件', counts: { subsidy: 5, reward: 2 } },
  { id: 'b', label: '乙文件', counts: { guidance: 3 } },
  { id: 'c', label: '丙文件', counts: {} },
];

const MATRIX_ROWS: MatrixRow[] = [
  { id: 'green', label: '绿色低碳' },
  { id: 'financing', label: '融资支持（贴息、保险增信、融资租赁）' },
];
const MATRIX_COLUMNS: MatrixColumn[] = [
  { id: 'js', lines: ['江苏', '2023'], group: '江苏' },
  { id: 'sx23', lines: ['山西', '2023'], group: '山西' },
  { id: 'sx26', lines: ['山西', '2026'], group: '山西' },
];
const MATRIX_COUNTS: Record<string, number> = { 'green|js': 1, 'green|sx26': 4, 'financing|sx23': 3, 'financing|sx26': 3 };
const matrixCount = (r: string, c: string) => MATRIX_COUNTS[`${r}|${c}`] ?? 0;

const TIMELINE_COLUMNS: TimelineColumn[] = [
  { id: 'p2017', label: '2017 · 实施意见', items: [{ id: 'works', label: '八大专项工程', count: 8, kind: 'programme' }, { id: 'works/green', label: '绿色制造推广专项工程', kind: 'direction' }, { id: 'works/army', label: '军民产业融合专项工程', kind: 'direction' }] },
  { id: 'p2023', label: '2023 · 资金申报通知', items: [{ id: 'green', label: '绿色低碳转型专项', count: 1, kind: 'programme' }] },
  { id: 'p2026', label: '2026 · 资金申报通知', items: [{ id: 'green', label: '绿色低碳转型专项', count: 4, kind: 'programme' }, { id: 'growth', label: '企业增量提质专项', count: 14, kind: 'programme' }] },
];
const TIMELINE_STEPS: TimelineStep[] = [
  { id: 'rename', kind: 'renamed', from: { column: 'p2017', item: 'works/green' }, to: { column: 'p2023', item: 'green' }, title: '更名' },
  { id: 'mode', kind: 'changed-mode', from: { column: 'p2023', item: 'green' }, to: { column: 'p2026', item: 'green' }, title: '方式改变' },
  { id: 'new', kind: 'appeared', to: { column: 'p2026', item: 'growth' }, title: '新出现' },
  { id: 'gone', kind: 'disappeared', from: { column: 'p2017', item: 'works/army' }, title: '不再出现' },
  { id: 'policy-wide', kind: 'changed-mode', title: '整份文件的变化：不画' },
];

/** “threshold-support (log)” → “threshold-support-log”: the snapshot's file name. */
const slug = (name: string) => name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '');

const FIXTURE_CHARTS: Record<string, () => string> = {
  'threshold-support (linear)': () => thresholdSupportSvg(LINEAR_POINTS, GROUPS, OPTIONS),
  'threshold-support (log)': () => thresholdSupportSvg(LOG_POINTS, GROUPS, OPTIONS),
  'support-methods': () => supportMethodsSvg(METHOD_ROWS, text('sm')),
  'theme-matrix': () => themeMatrixSvg(MATRIX_ROWS, MATRIX_COLUMNS, matrixCount, text('tm')),
  'programmes-over-time': () => programmesOverTimeSvg(TIMELINE_COLUMNS, TIMELINE_STEPS, text('pt')),
};

describe('charts from fixed fixtures', () => {
  for (const [name, draw] of Object.entries(FIXTURE_CHARTS)) {
    describe(name, () => {
      const svg = draw();
      // One .svg file per chart, so a change is reviewed as an image (tests/unit/__snapshots__/charts/).
      it('matches its snapshot', async () => {
        await expect(svg).toMatchFileSnapshot(`./__snapshots__/charts/${slug(name)}.svg`);
      });
      it('is deterministic', () => {
        expect(draw()).toBe(svg);
      });
      it('has a <title> and <desc> that name the image', () => {
        const labelled = /^<svg [^>]*role="img" aria-labelledby="([^" ]+) ([^"]+)"/.exec(svg);
        expect(labelled).not.toBeNull();
        expect(svg).toContain(`<title id="${labelled![1]}">`);
        expect(svg).toContain(`<desc id="${labelled![2]}">`);
      });
      it('writes numbers with at most one decimal and uses no style attribute (CSP)', () => {
        const numbers = [...svg.matchAll(/\s(?:x|y|x1|x2|y1|y2|cx|cy|r|width|height|d|viewBox|transform)="([^"]*)"/g)].map((m) => m[1]!);
        expect(numbers.join(' ')).not.toMatch(/\d\.\d{2,}/);
        expect(svg).not.toMatch(/\sstyle=/);
      });
    });
  }
});

describe('chart 1: threshold against support', () => {
  it('uses a log axis when the values span more than 100×, a linear one otherwise', () => {
    expect(axisKind([10, 5000, 50000])).toBe('log');
    expect(axisKind([300, 4000, 2000])).toBe('linear');
    expect(axisKind([1, 100])).toBe('linear');
    expect(axisKind([1, 101])).toBe('log');
    expect(axisKind([])).toBe('linear');
    const log = thresholdSupportSvg(LOG_POINTS, GROUPS, OPTIONS);
    expect(log).toContain('class="ts-axis ts-axis--x" data-scale="log"');
    expect(log).toContain('class="ts-axis ts-axis--y" data-scale="linear"');
    expect(log).toContain('最低投入门槛（对数刻度）');
    const linear = thresholdSupportSvg(LINEAR_POINTS, GROUPS, OPTIONS);
    expect(linear).toContain('data-scale="linear"');
    expect(linear).not.toContain('对数刻度');
  });

  it('draws one mark per distinct spot and series, labelled with every number it stands for', () => {
    const svg = thresholdSupportSvg([...LINEAR_POINTS, point(5, '江苏', 1000, 500)], GROUPS, OPTIONS);
    expect(svg.match(/class="ts-mark"/g)).toHaveLength(4);
    expect(svg).toMatch(/>2、5<\/text>/);
    // The same spot in another series is drawn too (nudged), not hidden.
    expect(svg).toContain('data-group="山西" data-ids="p3"');
  });

  it('says so when nothing can be plotted', () => {
    expect(thresholdSupportSvg([], GROUPS, OPTIONS)).toContain('没有同时载明门槛和金额的方向');
  });
});

describe('chart data from the real corpus', () => {
  const ROOT = join(import.meta.dirname, '..', '..');
  const corpus = loadCorpus(join(ROOT, 'policies'), ROOT);
  const { crosswalk } = readCrosswalk(join(ROOT, 'policies'), corpus, ROOT);

  it('lists every Shanxi 2026 direction whose amount is not stated beside chart 1, none dropped', () => {
    const { plotted, notPlotted } = thresholdSupportData(corpus);
    const listed = new Set(notPlotted.map((r) => `${r.policy.id}/${r.direction.id}`));
    const sx26 = corpus.policies.find((p) => p.id === 'shanxi-2026-item-type')!;
    const silent = sx26.directions.filter((d) => d.support?.formula.kind === 'notStated');
    expect(silent.length).toBeGreaterThan(20);
    for (const d of silent) expect(listed, d.id).toContain(`${sx26.id}/${d.id}`);
    for (const r of notPlotted.filter((x) => x.policy.id === sx26.id)) expect(r.reasons.join()).toMatch(/原文未载明/);
    // Every direction of every funding call is either plotted or listed, exactly once.
    const funding = corpus.policies.filter((p) => p.kind === 'funding-call').flatMap((p) => p.directions.filter((d) => !d.guidanceOnly).map((d) => `${p.id}/${d.id}`));
    const seen = [...plotted, ...notPlotted].map((r) => `${r.policy.id}/${r.direction.id}`);
    expect([...seen].sort()).toEqual([...funding].sort());
    for (const r of plotted) {
      expect(r.threshold!.wan).toBeGreaterThan(0);
      expect(r.support!.wan).toBeGreaterThan(0);
    }
  });

  it('reads the binding input threshold: all → the largest, any → the smallest alternative', () => {
    const leaf = (id: string, field: string, value: number): Criterion => ({ id, label: id, quote: 'xx', at: 'x', kind: 'threshold', field, op: 'gte', value, unit: '万元' });
    const all: Criterion = { id: 'all', label: 'all', quote: 'xx', at: 'x', kind: 'all', items: [leaf('a', 'totalInvestmentWan', 3000), leaf('b', 'jsSoftwareCloudInvestmentWan', 300)] };
    const any: Criterion = { id: 'any', label: 'any', quote: 'xx', at: 'x', kind: 'any', items: [leaf('a', 'totalInvestmentWan', 10000), leaf('b', 'totalInvestmentWan', 5000)] };
    expect(inputLowerBound(all)?.value).toBe(3000);
    expect(inputLowerBound(any)?.value).toBe(5000);
    // Revenue is an outcome, not an input.
    expect(inputLowerBound(leaf('r', 'revenueIncrease2024Wan', 30000))).toBeUndefined();
  });

  it('takes the largest stated amount of a formula and says why when there is none', () => {
    expect(maxStatedSupport({ kind: 'rate', part: { base: 'x', baseLabel: 'x', ratePct: 10, quote: 'q', at: 'a' }, capWan: 2000, capQuote: 'c' })).toEqual({ wan: 2000, quote: 'c' });
    expect(maxStatedSupport({ kind: 'rate', part: { base: 'x', baseLabel: 'x', ratePct: 10, quote: 'q', at: 'a' } })).toEqual({ missing: '按比例支持，原文未载明上限' });
    expect(maxStatedSupport({ kind: 'fixed', amountWan: 400, quote: 'q', at: 'a' })).toEqual({ wan: 400, quote: 'q' });
    expect(maxStatedSupport({ kind: 'upTo', capWan: 3000, quote: 'q', at: 'a' })).toEqual({ wan: 3000, quote: 'q' });
    expect(maxStatedSupport({ kind: 'notStated', quote: 'q', at: 'a' })).toEqual({ missing: '原文未载明支持金额' });
    expect(maxStatedSupport({ kind: 'tiers', tiers: [{ label: 'a', quote: 'q', at: 'a' }] })).toEqual({ missing: '分档支持，原文未载明金额' });
  });

  it('counts support methods per policy over all its directions', () => {
    const rows = supportMethodData(corpus);
    expect(rows.map((r) => r.id)).toEqual(corpus.policies.map((p) => p.id));
    for (const p of corpus.policies) {
      const row = rows.find((r) => r.id === p.id)!;
      expect(Object.values(row.counts).reduce((a, b) => a + (b ?? 0), 0)).toBe(p.directions.length);
    }
    expect(rows.find((r) => r.id === 'shanxi-2017-opinion')!.counts).toEqual({ guidance: corpus.policies.find((p) => p.id === 'shanxi-2017-opinion')!.directions.length });
    expect(rows.find((r) => r.id === 'shanxi-2026-item-type')!.counts['reward-free']).toBeGreaterThan(0);
  });

  it('the theme matrix counts each theme’s distinct directions per policy', () => {
    const m = themeMatrixData(corpus, crosswalk!);
    expect(m.rows).toHaveLength(crosswalk!.themes.length);
    expect(m.columns.map((c) => c.id)).toEqual(corpus.policies.map((p) => p.id));
    const mergers = crosswalk!.themes.find((t) => t.id === 'mergers')!;
    expect(m.counts.get(`${mergers.id}\u0000shanxi-2026-item-type`)).toBe(1);
    expect(m.counts.get(`${mergers.id}\u0000jiangsu-2023-fund-guide`)).toBe(1);
  });

  it('chart 4 from the real data: one column per Shanxi document, the cited changes drawn (snapshot)', async () => {
    const { columns, steps } = programmesOverTimeData(corpus, crosswalk!, '山西');
    expect(columns.map((c) => c.label.slice(0, 4))).toEqual(['2017', '2020', '2023', '2026']);
    const svg = programmesOverTimeSvg(columns, steps, text('real'));
    expect(svg).toContain('data-step="green-manufacturing-to-green-transition" data-kind="renamed"');
    expect(svg).toContain('data-step="two-integration-service-to-award" data-kind="changed-mode"');
    expect(svg.match(/class="pt-box"/g)?.length).toBe(corpus.policies.filter((p) => p.province === '山西').reduce((n, p) => n + p.programmes.length, 0));
    await expect(svg).toMatchFileSnapshot('./__snapshots__/charts/programmes-over-time-real.svg');
  });
});
