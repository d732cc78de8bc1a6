import { describe, expect, it } from 'vitest';
import { evaluateProfile } from '../../src/engine/index.ts';
import type { Criterion } from '../../src/schemas/index.ts';
import { c, data, deadline, direction, policy, resultOf } from './fixtures.ts';

const crits: Criterion[] = [
  c.boolean('le', 'legalEntity', true),
  c.threshold('inv', 'totalInvestmentWan', 'gte', 3000),
  c.threshold('growth', 'revenueGrowthPct', 'gte', 10, '%'),
  c.confirm('profit'),
];
const good = { legalEntity: true, totalInvestmentWan: 3000, revenue2023Wan: 1000, revenue2024Wan: 1100 };

describe('verdict aggregation', () => {
  it('eligible when every evaluable criterion is met, listing those to confirm', () => {
    const r = resultOf(crits, good);
    expect(r).toMatchObject({ verdict: 'eligible', met: 3, of: 3, confirm: ['profit'], decidingFields: [] });
  });
  it('ineligible with one unmet, unmet listed first, met N of M counted', () => {
    const r = resultOf(crits, { ...good, totalInvestmentWan: 2999 });
    expect(r.verdict).toBe('ineligible');
    expect(r.reasons[0]).toMatchObject({ criterion: 'inv', status: 'unmet' });
    expect(r.reasons.map((x) => x.status)).toEqual(['unmet', 'confirm', 'met', 'met']);
    expect([r.met, r.of]).toEqual([2, 3]);
  });
  it('ineligible beats unknown', () => {
    const r = resultOf(crits, { legalEntity: false });
    expect(r.verdict).toBe('ineligible');
    expect(r.reasons.map((x) => x.status)).toEqual(['unmet', 'unknown', 'unknown', 'confirm']);
  });
  it('unknown lists exactly the asked fields that would decide it (inputs of derived values)', () => {
    const r = resultOf(crits, { legalEntity: true, revenue2023Wan: 1000 });
    expect(r.verdict).toBe('unknown');
    expect(r.decidingFields.sort()).toEqual(['revenue2024Wan', 'totalInvestmentWan']);
    expect([r.met, r.of]).toEqual([1, 3]);
  });
  it('lists a derived field itself when no answer could settle it (growth over a zero base)', () => {
    const r = resultOf(crits, { ...good, revenue2023Wan: 0 });
    expect(r.verdict).toBe('unknown');
    expect(r.decidingFields).toEqual(['revenueGrowthPct']);
  });
  it('does not ask for fields inside a group that is already decided', () => {
    const any = c.any('either', [c.boolean('le', 'legalEntity', true), c.threshold('inv', 'totalInvestmentWan', 'gte', 3000)]);
    expect(resultOf([any], { legalEntity: true }).verdict).toBe('eligible');
    const r = resultOf([any, c.threshold('links', 'linksCount', 'gte', 4, '个')], { legalEntity: false });
    expect(r.verdict).toBe('unknown');
    expect(r.decidingFields.sort()).toEqual(['linksCount', 'totalInvestmentWan']);
  });
  it('is eligible with no evaluable criteria only vacuously, and still lists confirmations', () => {
    expect(resultOf([c.confirm('x')], {})).toMatchObject({ verdict: 'eligible', met: 0, of: 0, confirm: ['x'] });
  });
  it('never says eligible with an unmet or unknown evaluable criterion (exhaustive over small profiles)', () => {
    const values = { legalEntity: [true, false, undefined], totalInvestmentWan: [2999, 3000, undefined], revenue2024Wan: [1099, 1100, undefined] };
    let eligible = 0;
    for (const le of values.legalEntity)
      for (const inv of values.totalInvestmentWan)
        for (const rev of values.revenue2024Wan) {
          const r = resultOf(crits, { legalEntity: le, totalInvestmentWan: inv, revenue2023Wan: 1000, revenue2024Wan: rev });
          const statuses = r.reasons.map((x) => x.status);
          if (r.verdict === 'eligible') {
            eligible++;
            expect(statuses.every((s) => s === 'met' || s === 'confirm')).toBe(true);
          }
          if (statuses.includes('unmet')) expect(r.verdict).toBe('ineligible');
          else if (statuses.includes('unknown')) expect(r.verdict).toBe('unknown');
          else expect(r.verdict).toBe('eligible');
        }
    expect(eligible).toBe(1);
  });
});

describe('scheme announced separately (具体方案另行通知)', () => {
  const scheme = { quote: '具体方案另行通知。', at: '四' };
  it('is never eligible: unknown when the listed criteria hold, with the clause', () => {
    const out = evaluateProfile(data(policy('p', [direction('s', [c.boolean('le', 'legalEntity', true)], { schemeSeparately: scheme })])), { legalEntity: true }, { asOf: '2023-11-10' });
    expect(out.results[0]).toMatchObject({ verdict: 'unknown', met: 1, of: 1, decidingFields: [], schemeSeparately: scheme });
  });
  it('is still ineligible when a listed criterion fails', () => {
    const out = evaluateProfile(data(policy('p', [direction('s', [c.boolean('le', 'legalEntity', true)], { schemeSeparately: scheme })])), { legalEntity: false }, { asOf: '2023-11-10' });
    expect(out.results[0]!.verdict).toBe('ineligible');
  });
});

describe('guidance', () => {
  it('directions of non-funding documents are guidance, never eligible', () => {
    for (const kind of ['implementation-opinion', 'work-notice'] as const) {
      const out = evaluateProfile(data(policy('o', [direction('d', [c.boolean('le', 'legalEntity', true)])], { kind })), { legalEntity: true }, { asOf: '2023-11-10' });
      expect(out.results[0]).toMatchObject({ verdict: 'guidance', met: 1, of: 1, maxSupportWan: null });
    }
  });
  it('guidanceOnly directions of a funding call are guidance too; the others are judged', () => {
    const out = evaluateProfile(data(policy('p', [direction('g', [], { guidanceOnly: true }), direction('d', [])])), {}, { asOf: '2023-11-10' });
    expect(out.results.map((r) => r.verdict)).toEqual(['guidance', 'eligible']);
  });
  it('guidance stays guidance even with unmet criteria', () => {
    const out = evaluateProfile(data(policy('o', [direction('d', [c.boolean('le', 'legalEntity', true)])], { kind: 'work-notice' })), { legalEntity: false }, { asOf: '2023-11-10' });
    expect(out.results[0]!.verdict).toBe('guidance');
  });
});

describe('evaluateProfile output', () => {
  const corpus = data(
    policy('p', [direction('d1', []), direction('d2', [])], { dates: [deadline('2023-11-10')] }),
    policy('q', [direction('e1', [])], { dates: [deadline('2024-03-01')] }),
  );
  it('narrows to one policy', () => {
    const out = evaluateProfile(corpus, {}, { policy: 'q' });
    expect(out.results.map((r) => r.direction)).toEqual(['e1']);
    expect(out.asOf).toEqual({ q: '2024-03-01' });
  });
  it('always gives the as-of date per policy, whether they differ or are overridden', () => {
    expect(evaluateProfile(corpus, {}).asOf).toEqual({ p: '2023-11-10', q: '2024-03-01' });
    expect(evaluateProfile(corpus, {}, { asOf: '2025-01-01' }).asOf).toEqual({ p: '2025-01-01', q: '2025-01-01' });
    expect(evaluateProfile(corpus, {}, { asOf: '2025-01-01' }).asOfBasis).toEqual({ p: 'option', q: 'option' });
    expect(evaluateProfile(corpus, {}, { asOf: '2025-01-01' }).results.every((r) => r.asOf === '2025-01-01')).toBe(true);
  });
  it('keeps the corpus order and names', () => {
    const out = evaluateProfile(corpus, {});
    expect(out.results.map((r) => [r.policy, r.direction, r.name])).toEqual([
      ['p', 'd1', '方向 d1'],
      ['p', 'd2', '方向 d2'],
      ['q', 'e1', '方向 e1'],
    ]);
  });
  it('gives the same answer for the same input (no clock, no hidden state)', () => {
    const profile = { legalEntity: true, totalInvestmentWan: 5000 };
    expect(JSON.stringify(evaluateProfile(corpus, profile, { today: '2024-01-01' }))).toBe(JSON.stringify(evaluateProfile(corpus, profile, { today: '2024-01-01' })));
  });
});
