import { describe, expect, it } from 'vitest';
import { evaluateProfile } from '../../src/engine/index.ts';
import { c, data, direction, policy, rule } from './fixtures.ts';

// Directions: a and b need legalEntity; x needs a large investment; g is guidance-only.
const dirs = () => [
  direction('a', [c.boolean('le', 'legalEntity', true)]),
  direction('b', [c.boolean('le', 'legalEntity', true)]),
  direction('x', [c.threshold('inv', 'totalInvestmentWan', 'gte', 3000)]),
  direction('g', [], { guidanceOnly: true }),
];
const run = (rules: ReturnType<typeof rule>[], profile: Record<string, unknown>, policyId?: string) =>
  evaluateProfile(data(policy('p', dirs(), { rules }), policy('q', dirs(), { rules })), profile, { asOf: '2023-11-10', ...(policyId ? { policy: policyId } : {}) });

describe('combination warnings', () => {
  it('warns when the profile is eligible for two bound directions, citing the rule', () => {
    const out = run([rule('one', 'mutually-exclusive', ['a', 'b'])], { legalEntity: true, totalInvestmentWan: 100 }, 'p');
    expect(out.warnings).toHaveLength(1);
    expect(out.warnings[0]).toMatchObject({ rule: 'one', kind: 'mutually-exclusive', policy: 'p', directions: ['a', 'b'], quote: '原文条款 one', at: '第 one 条' });
    expect(out.warnings[0]!.message).toContain('方向 a');
    expect(out.warnings[0]!.message).toContain('不能同时');
  });
  it('counts unknown verdicts as possibly eligible', () => {
    const out = run([rule('one', 'one-per-application', ['a', 'x'])], { legalEntity: true }, 'p');
    expect(out.results.find((r) => r.direction === 'x')!.verdict).toBe('unknown');
    expect(out.warnings.map((w) => w.directions)).toEqual([['a', 'x']]);
  });
  it('does not warn about a choice between directions when only one of them is open', () => {
    for (const kind of ['mutually-exclusive', 'one-per-application', 'one-per-year'] as const) {
      expect(run([rule('one', kind, ['a', 'x'])], { legalEntity: true, totalInvestmentWan: 100 }, 'p').warnings).toEqual([]);
    }
  });
  it('does not warn when no bound direction is open', () => {
    for (const kind of ['once-only', 'not-previously-funded', 'mutually-exclusive'] as const) {
      expect(run([rule('one', kind, ['a', 'b'])], { legalEntity: false }, 'p').warnings).toEqual([]);
      expect(run([rule('one', kind, ['a'])], { legalEntity: false }, 'p').warnings).toEqual([]);
    }
  });
  it('warns with one open direction for rules about past support (once-only, not-previously-funded)', () => {
    for (const kind of ['once-only', 'not-previously-funded'] as const) {
      const out = run([rule('hist', kind, ['a', 'x'])], { legalEntity: true, totalInvestmentWan: 100 }, 'p');
      expect(out.warnings.map((w) => [w.rule, w.directions])).toEqual([['hist', ['a']]]);
      expect(out.warnings[0]!.message).toContain('“方向 a”');
    }
  });
  it('warns with one open direction when the rule binds only that one (its counterpart is outside the notice)', () => {
    for (const kind of ['mutually-exclusive', 'one-per-year', 'one-per-application'] as const) {
      expect(run([rule('solo', kind, ['x'])], { totalInvestmentWan: 5000 }, 'p').warnings.map((w) => w.directions)).toEqual([['x']]);
      expect(run([rule('solo', kind, ['x'])], { totalInvestmentWan: 100 }, 'p').warnings).toEqual([]);
    }
  });
  it('binds every direction when the rule lists none, but never guidance ones', () => {
    const out = run([rule('all', 'one-per-year')], { legalEntity: true, totalInvestmentWan: 5000 }, 'p');
    expect(out.warnings[0]!.directions).toEqual(['a', 'b', 'x']);
  });
  it('is per policy: each policy warns about its own directions', () => {
    const out = run([rule('prev', 'not-previously-funded', ['a', 'b'])], { legalEntity: true });
    expect(out.warnings.map((w) => [w.policy, w.directions.join()])).toEqual([
      ['p', 'a,b'],
      ['q', 'a,b'],
    ]);
  });
  it('never changes a verdict', () => {
    const out = run([rule('one', 'mutually-exclusive', ['a', 'b'])], { legalEntity: true }, 'p');
    expect(out.results.filter((r) => r.verdict === 'eligible').map((r) => r.direction)).toEqual(['a', 'b']);
  });
});
