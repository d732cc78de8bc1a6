/**
 * The reading rules (src/model/reading-rules.ts) at every boundary: for each phrase, the value just
 * below / at / just above, or the day before / of / after, through the engine's own compile and evaluate
 * steps. And the README prints the same table the engine uses.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileCriteria, evaluateNode } from '../../src/engine/evaluate.ts';
import { READING_RULES, dateBound, numberBound } from '../../src/model/reading-rules.ts';
import type { Criterion } from '../../src/schemas/index.ts';

const cite = { label: 'l', at: '一' };
const status = (c: Criterion, value: unknown) => {
  const [node] = compileCriteria([c], 'direction', 'd');
  return evaluateNode(node!, { values: { f: value }, asOf: null }).status;
};
const threshold = (quote: string, op: 'gte' | 'gt' | 'lte' | 'lt', value: number): Criterion => ({ id: 't', kind: 'threshold', field: 'f', op, value, unit: '万元', quote, ...cite });

describe('numbers: just below, at and just above the bound', () => {
  const cases: Array<[phrase: string, quote: string, op: 'gte' | 'gt' | 'lte' | 'lt', expected: [string, string, string]]> = [
    ['以上', '项目总投资100万元以上', 'gte', ['unmet', 'met', 'met']],
    ['及以上', '须在100万元及以上', 'gte', ['unmet', 'met', 'met']],
    ['以下', '项目总投资100万元以下', 'lte', ['met', 'met', 'unmet']],
    ['以内', '建设周期为100万元以内', 'lte', ['met', 'met', 'unmet']],
    ['不低于', '总投入不低于100万元', 'gte', ['unmet', 'met', 'met']],
    ['不少于', '投入不少于100万元', 'gte', ['unmet', 'met', 'met']],
    ['不超过', '投入不超过100万元', 'lte', ['met', 'met', 'unmet']],
    ['未满', '投入未满100万元', 'lt', ['met', 'unmet', 'unmet']],
    ['超过', '投入超过100万元的', 'gt', ['unmet', 'unmet', 'met']],
    ['（含）', '至少100万元（含）', 'gte', ['unmet', 'met', 'met']],
  ];
  it.each(cases)('%s (“%s”)', (phrase, quote, op, expected) => {
    expect(numberBound(quote, 100)?.phrase).toBe(phrase);
    const c = threshold(quote, op, 100);
    expect([99.99, 100, 100.01].map((v) => status(c, v))).toEqual(expected);
  });

  it('原则上: exceeding a guideline is to confirm, never unmet (Jiangsu “项目实施期原则上不超过3年”)', () => {
    const c = threshold('项目实施期原则上不超过3年', 'lte', 3);
    expect([2.9, 3, 3.1].map((v) => status(c, v))).toEqual(['met', 'met', 'confirm']);
    // Without 原则上 the same bound is a bar.
    expect(status(threshold('项目实施期不超过3年', 'lte', 3), 3.1)).toBe('unmet');
  });

  it('reads 1亿元 as the 10000 万元 it stands for, and a printed range as inclusive', () => {
    expect(numberBound('总投入不低于1亿元', 10000)?.phrase).toBe('不低于');
    expect(numberBound('新增规模以上企业1-2家。', 1)?.phrase).toBe('区间');
    expect(numberBound('无边界用语的 100 万元', 100)).toBeUndefined();
  });
});

describe('dates: the day before, the day itself and the day after', () => {
  const window = (quote: string, bound: { from?: string; to?: string }, inclusive: boolean): Criterion => ({
    id: 'w',
    kind: 'dateWindow',
    field: 'f',
    ...bound,
    fromInclusive: inclusive,
    toInclusive: inclusive,
    quote,
    ...cite,
  });
  const upper: Array<[phrase: string, quote: string, inclusive: boolean, expected: [string, string, string]]> = [
    ['前', '须在2024年6月30日前建设完成', false, ['met', 'confirm', 'unmet']],
    ['以前', '须在2024年6月30日以前建设完成', false, ['met', 'confirm', 'unmet']],
    // Whatever the data's flag says, an open bound is never settled by it.
    ['前', '须在2024年6月30日前建设完成', true, ['met', 'confirm', 'unmet']],
    ['（含）', '2024年6月30日（含）前落户', true, ['met', 'met', 'unmet']],
    ['(含)', '2024 年 6 月 30 日(含)前落户', true, ['met', 'met', 'unmet']],
    ['截至', '截至2024年6月30日已投入', true, ['met', 'met', 'unmet']],
  ];
  it.each(upper)('upper end %s (“%s”, data inclusive %s)', (phrase, quote, inclusive, expected) => {
    expect(dateBound(quote, '2024-06-30', 'to')?.phrase).toBe(phrase);
    const c = window(quote, { to: '2024-06-30' }, inclusive);
    expect(['2024-06-29', '2024-06-30', '2024-07-01'].map((d) => status(c, d))).toEqual(expected);
  });

  const lower: Array<[phrase: string, quote: string, inclusive: boolean, expected: [string, string, string]]> = [
    // 2023 writes “2021年1月1日后”, 2026 “2024 年 1 月 1 日以后”: neither says whether the day counts.
    ['后', '项目应为2024年1月1日后完工项目', false, ['unmet', 'confirm', 'met']],
    ['以后', '并购企业须于2024 年 1 月 1 日以后完成企业兼并重组', true, ['unmet', 'confirm', 'met']],
    ['（含）', '自2024年1月1日（含）起新增研发投入', true, ['unmet', 'met', 'met']],
  ];
  it.each(lower)('lower end %s (“%s”)', (phrase, quote, inclusive, expected) => {
    expect(dateBound(quote, '2024-01-01', 'from')?.phrase).toBe(phrase);
    const c = window(quote, { from: '2024-01-01' }, inclusive);
    expect(['2023-12-31', '2024-01-01', '2024-01-02'].map((d) => status(c, d))).toEqual(expected);
  });

  it('an open end is to confirm only when the other end holds', () => {
    const c = window('2024年1月1日后至2024年1月1日（含）', { from: '2024-01-01', to: '2023-12-31' }, false);
    expect(status(c, '2024-01-01')).toBe('unmet');
  });

  it('cites the phrase in the reason, so the person confirming knows why', () => {
    const [node] = compileCriteria([window('须在2024年6月30日前建设完成', { to: '2024-06-30' }, false)], 'direction', 'd');
    const r = evaluateNode(node!, { values: { f: '2024-06-30' }, asOf: null });
    expect(r.threshold).toContain('原文“前”未载明是否含当日');
    expect(r.quote).toBe('须在2024年6月30日前建设完成');
  });
});

describe('the README states the same table', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  it.each(READING_RULES.map((r) => [r.phrase, r] as const))('%s', (_phrase, r) => {
    const row = readme.split('\n').find((l) => l.startsWith(`| ${r.phrase} |`));
    expect(row, `README has no row for ${r.phrase}`).toBeDefined();
    expect(row).toContain(r.engine);
    expect(row).toContain(r.basis);
  });
  it('covers every phrase the issue names', () => {
    const phrases = READING_RULES.flatMap((r) => [r.phrase, ...(r.variants ?? [])]);
    for (const p of ['以上', '以下', '不低于', '不超过', '不少于', '未满', '超过', '前', '以前', '后', '以后', '（含）', '截至', '原则上']) expect(phrases).toContain(p);
  });
});
