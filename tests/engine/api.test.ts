/**
 * The engine as a library (src/engine/api.ts), on the real corpus, as the README shows it: raw answers
 * in, the CLI's output out — reasons with the fields they read (a derived field's inputs included),
 * the firm's value and the requirement; never the clock.
 */
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/data/load.ts';
import { evaluate } from '../../src/engine/api.ts';

const corpus = loadCorpus('policies');

describe('evaluate() from TypeScript', () => {
  it('runs the README example: Jiangsu judged on its cited cut-off, round status from `today`', () => {
    const result = evaluate(corpus, { province: '江苏', aboveScale: true, totalInvestmentWan: '1.2亿元' }, { today: '2026-02-01' });
    if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('；'));
    expect(result.output.asOf['jiangsu-2023-fund-guide']).toBe('2022-06-30');
    expect(result.output.asOfBasis['jiangsu-2023-fund-guide']).toBe('stated');
    const r = result.output.results.find((x) => x.direction === 'high-end-retrofit')!;
    expect(r).toMatchObject({ verdict: 'unknown', maxSupportWan: 1200, round: { state: 'no-deadline' } });
    expect(r.missing).toContain('legalEntity');
    expect(r.missing).not.toContain('totalInvestmentWan');
  });

  it('lists a derived field’s inputs among the fields a reason read, with the computed value', () => {
    const result = evaluate(corpus, { revenue2024Wan: 1200, revenue2023Wan: 1000 }, { policy: 'shanxi-2026-item-type' });
    if (!result.ok) throw new Error('invalid');
    const award = result.output.results.find((x) => x.direction === 'manufacturing-revenue-award')!;
    const growth = award.reasons.find((x) => x.criterion === 'revenue-growth')!;
    expect(growth.fields).toEqual(['revenueGrowth2024Pct', 'revenue2024Wan', 'revenue2023Wan']);
    expect(growth).toMatchObject({ status: 'met', value: 20, requirement: { op: 'gte', value: 15, unit: '%' } });
  });

  it('returns the input errors instead of throwing, and the brief form on request', () => {
    const bad = evaluate(corpus, { legalEntity: 5 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0]!.message).toContain('legalEntity');
    const brief = evaluate(corpus, { legalEntity: true }, { brief: true });
    if (!brief.ok) throw new Error('invalid');
    expect(Object.keys(brief.output.results[0]!)).not.toContain('supportWorking');
  });
});
