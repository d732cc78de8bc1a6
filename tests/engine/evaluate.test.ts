import { describe, expect, it } from 'vitest';
import { evaluateProfile } from '../../src/engine/index.ts';
import { c, data, deadline, direction, policy, reasonOf, resultOf } from './fixtures.ts';

describe('threshold', () => {
  const gte = c.threshold('inv', 'totalInvestmentWan', 'gte', 3000);
  it('is met exactly at an inclusive threshold and unmet just below', () => {
    expect(reasonOf(gte, { totalInvestmentWan: 3000 }).status).toBe('met');
    expect(reasonOf(gte, { totalInvestmentWan: 2999.99 }).status).toBe('unmet');
    expect(reasonOf(gte, { totalInvestmentWan: 1e9 }).status).toBe('met');
  });
  it('is unmet exactly at an exclusive threshold', () => {
    expect(reasonOf(c.threshold('x', 'totalInvestmentWan', 'gt', 3000), { totalInvestmentWan: 3000 }).status).toBe('unmet');
    expect(reasonOf(c.threshold('x', 'totalInvestmentWan', 'gt', 3000), { totalInvestmentWan: 3000.01 }).status).toBe('met');
    expect(reasonOf(c.threshold('x', 'totalInvestmentWan', 'lt', 3000), { totalInvestmentWan: 3000 }).status).toBe('unmet');
    expect(reasonOf(c.threshold('x', 'totalInvestmentWan', 'lt', 3000), { totalInvestmentWan: 2999 }).status).toBe('met');
    expect(reasonOf(c.threshold('x', 'totalInvestmentWan', 'lte', 3000), { totalInvestmentWan: 3000 }).status).toBe('met');
    expect(reasonOf(c.threshold('x', 'totalInvestmentWan', 'lte', 3000), { totalInvestmentWan: 3000.01 }).status).toBe('unmet');
  });
  it('reports the value compared, the threshold and the citation', () => {
    const r = reasonOf(gte, { totalInvestmentWan: 2500 });
    expect(r).toMatchObject({ criterion: 'inv', status: 'unmet', value: 2500, threshold: '≥ 3000 万元', field: 'totalInvestmentWan', quote: '原文条款 inv', at: '第 inv 条' });
  });
  it('is unknown when the answer is missing, unknown or of the wrong type', () => {
    for (const v of [undefined, 'unknown', '不确定', null, '3000', true, Number.NaN, Number.POSITIVE_INFINITY, [3000]]) {
      const r = reasonOf(gte, { totalInvestmentWan: v });
      expect(r.status).toBe('unknown');
      expect(r.value).toBeUndefined();
    }
  });
  it('compares derived values exactly at the threshold (no float noise)', () => {
    const growth = c.threshold('g', 'revenueGrowthPct', 'gte', 20, '%');
    expect(reasonOf(growth, { revenue2023Wan: 1000, revenue2024Wan: 1200 })).toMatchObject({ status: 'met', value: 20, threshold: '≥ 20%' });
    expect(reasonOf(growth, { revenue2023Wan: 1000, revenue2024Wan: 1199.99 }).status).toBe('unmet');
    expect(reasonOf(c.threshold('s', 'equipmentSharePct', 'gte', 30, '%'), { equipmentInvestmentWan: 0.3, totalInvestmentWan: 1 }).status).toBe('met');
  });
});

describe('boolean', () => {
  const notListed = c.boolean('nb', 'creditBlacklisted', false);
  it('compares with the expected answer', () => {
    expect(reasonOf(notListed, { creditBlacklisted: false }).status).toBe('met');
    expect(reasonOf(notListed, { creditBlacklisted: true }).status).toBe('unmet');
    expect(reasonOf(c.boolean('le', 'legalEntity', true), { legalEntity: true }).status).toBe('met');
  });
  it('is unknown without a boolean answer', () => {
    expect(reasonOf(notListed, {}).status).toBe('unknown');
    expect(reasonOf(notListed, { creditBlacklisted: 'false' }).status).toBe('unknown');
    expect(reasonOf(notListed, { creditBlacklisted: 0 }).status).toBe('unknown');
  });
});

describe('oneOf', () => {
  const steel = c.oneOf('ind', 'industry', ['钢铁', '化工']);
  it('single choice', () => {
    expect(reasonOf(steel, { industry: '钢铁' })).toMatchObject({ status: 'met', value: '钢铁', threshold: '钢铁、化工 之一' });
    expect(reasonOf(steel, { industry: '其他' }).status).toBe('unmet');
    expect(reasonOf(steel, { industry: 'unknown' }).status).toBe('unknown');
    expect(reasonOf(steel, { industry: '不确定' }).status).toBe('unknown');
    expect(reasonOf(steel, {}).status).toBe('unknown');
  });
  it('multiple choice: met when any chosen option is listed; an empty choice is unknown', () => {
    const multi = c.oneOf('ind', 'industries', ['钢铁']);
    expect(reasonOf(multi, { industries: ['其他', '钢铁'] }).status).toBe('met');
    expect(reasonOf(multi, { industries: ['其他', '化工'] }).status).toBe('unmet');
    expect(reasonOf(multi, { industries: [] }).status).toBe('unknown');
    expect(reasonOf(multi, { industries: [1, null] }).status).toBe('unknown');
  });
});

describe('dateWindow', () => {
  const inclusive = c.dateWindow('w', 'completionDate', { from: '2022-01-01', to: '2023-06-30' });
  it('includes both ends when they are inclusive', () => {
    expect(reasonOf(inclusive, { completionDate: '2022-01-01' }).status).toBe('met');
    expect(reasonOf(inclusive, { completionDate: '2023-06-30' }).status).toBe('met'); // last inclusive day
    expect(reasonOf(inclusive, { completionDate: '2023-07-01' }).status).toBe('unmet'); // the day after
    expect(reasonOf(inclusive, { completionDate: '2021-12-31' }).status).toBe('unmet');
    expect(reasonOf(inclusive, { completionDate: '2022-10-15' })).toMatchObject({ status: 'met', threshold: '2022-01-01（含）至 2023-06-30（含）' });
  });
  it('excludes ends marked exclusive', () => {
    const exclusive = c.dateWindow('w', 'completionDate', { from: '2022-01-01', to: '2023-06-30', fromInclusive: false, toInclusive: false });
    expect(reasonOf(exclusive, { completionDate: '2022-01-01' }).status).toBe('unmet');
    expect(reasonOf(exclusive, { completionDate: '2022-01-02' }).status).toBe('met');
    expect(reasonOf(exclusive, { completionDate: '2023-06-30' }).status).toBe('unmet');
    expect(reasonOf(exclusive, { completionDate: '2023-06-29' }).status).toBe('met');
  });
  it('handles open-ended windows', () => {
    const after = c.dateWindow('w', 'completionDate', { from: '2022-01-01' });
    expect(reasonOf(after, { completionDate: '2099-01-01' }).status).toBe('met');
    expect(reasonOf(after, { completionDate: '2021-12-31' }).status).toBe('unmet');
    const before = c.dateWindow('w', 'completionDate', { to: '2022-01-01', toInclusive: false });
    expect(reasonOf(before, { completionDate: '2021-12-31' }).status).toBe('met');
    expect(reasonOf(before, { completionDate: '2022-01-01' }).status).toBe('unmet');
  });
  it('is unknown for anything that is not a real ISO date', () => {
    for (const v of ['2023-02-30', '2023/01/01', 20230101, '不确定', undefined]) expect(reasonOf(inclusive, { completionDate: v }).status).toBe('unknown');
  });
});

describe('withinYears', () => {
  const five = c.withinYears('fy', 'filingDate', 5);
  it('counts to the as-of date, inclusive of the date exactly N years before', () => {
    expect(reasonOf(five, { filingDate: '2018-11-10' }, '2023-11-10').status).toBe('met');
    expect(reasonOf(five, { filingDate: '2018-11-09' }, '2023-11-10').status).toBe('unmet');
    expect(reasonOf(five, { filingDate: '2023-11-10' }, '2023-11-10').status).toBe('met');
    expect(reasonOf(five, { filingDate: '2018-11-10' }, '2023-11-10').threshold).toBe('2018-11-10（含）至 2023-11-10（含），即 5 年内');
  });
  it('treats a date after the as-of date as not within (it did not exist when applying)', () => {
    expect(reasonOf(five, { filingDate: '2023-11-11' }, '2023-11-10').status).toBe('unmet');
  });
  it('clamps 29 February to the end of the month', () => {
    const one = c.withinYears('oy', 'filingDate', 1);
    expect(reasonOf(one, { filingDate: '2023-02-28' }, '2024-02-29').status).toBe('met');
    expect(reasonOf(one, { filingDate: '2023-02-27' }, '2024-02-29').status).toBe('unmet');
  });
  it('uses the policy deadline by default, the override when given, the date the text implies without a deadline, never today', () => {
    const withDeadline = data(policy('p', [direction('d', [five])], { dates: [deadline('2023-11-10')] }));
    const profile = { filingDate: '2018-11-10' };
    expect(evaluateProfile(withDeadline, profile, { today: '2030-01-01' })).toMatchObject({ asOf: { p: '2023-11-10' }, asOfBasis: { p: 'deadline' }, results: [{ asOf: '2023-11-10', reasons: [{ status: 'met' }] }] });
    expect(evaluateProfile(withDeadline, profile, { asOf: '2023-11-11' }).results[0]!.reasons[0]!.status).toBe('unmet');
    const stated = data(policy('p', [direction('d', [five])], { asOf: { date: '2023-11-10', quote: '截至2023年11月10日', at: '一' } }));
    for (const today of ['2023-11-10', '2030-01-01']) {
      const out = evaluateProfile(stated, profile, { today });
      expect(out.asOf).toEqual({ p: '2023-11-10' });
      expect(out.asOfBasis).toEqual({ p: 'stated' });
      expect(out.results[0]!.reasons[0]!.status).toBe('met');
    }
    // Without any date the engine does not guess one, and today does not stand in for it.
    const noDeadline = data(policy('p', [direction('d', [five])]));
    for (const none of [evaluateProfile(noDeadline, profile), evaluateProfile(noDeadline, profile, { today: '2023-11-10' })]) {
      expect(none.asOf).toEqual({ p: null });
      expect(none.results[0]!.reasons[0]!.status).toBe('unknown');
    }
  });
});

describe('confirm', () => {
  it('is never evaluated and not counted among evaluable criteria', () => {
    const r = resultOf([c.confirm('stable-profit'), c.boolean('le', 'legalEntity', true)], { legalEntity: true });
    expect(r.reasons.find((x) => x.criterion === 'stable-profit')!.status).toBe('confirm');
    expect(r).toMatchObject({ verdict: 'eligible', met: 1, of: 1, confirm: ['stable-profit'] });
  });
});

describe('all / any / not with unknowns', () => {
  const met = c.boolean('m', 'legalEntity', true);
  const unmet = c.boolean('u', 'creditBlacklisted', false);
  const unknown = c.threshold('k', 'totalInvestmentWan', 'gte', 1);
  const profile = { legalEntity: true, creditBlacklisted: true };
  const status = (crit: ReturnType<typeof c.all>) => reasonOf(crit, profile).status;

  it('all: unmet beats unknown beats confirm beats met', () => {
    expect(status(c.all('a', [met, met]))).toBe('met');
    expect(status(c.all('a', [met, unknown]))).toBe('unknown');
    expect(status(c.all('a', [unknown, unmet, met]))).toBe('unmet');
    expect(status(c.all('a', [met, c.confirm('cf')]))).toBe('confirm');
    expect(status(c.all('a', [c.confirm('cf'), unknown]))).toBe('unknown');
  });
  it('any: met beats unknown beats confirm beats unmet', () => {
    expect(status(c.any('o', [unmet, met]))).toBe('met');
    expect(status(c.any('o', [unknown, met]))).toBe('met');
    expect(status(c.any('o', [unmet, unknown]))).toBe('unknown');
    expect(status(c.any('o', [unmet, unmet]))).toBe('unmet');
    expect(status(c.any('o', [unmet, c.confirm('cf')]))).toBe('confirm');
  });
  it('not: swaps met and unmet, keeps unknown and confirm', () => {
    expect(status(c.not('n', met))).toBe('unmet');
    expect(status(c.not('n', unmet))).toBe('met');
    expect(status(c.not('n', unknown))).toBe('unknown');
    expect(status(c.not('n', c.confirm('cf')))).toBe('confirm');
  });
  it('reports the items of a group', () => {
    const r = reasonOf(c.all('a', [met, unknown]), profile);
    expect(r.items!.map((i) => [i.criterion, i.status])).toEqual([
      ['m', 'met'],
      ['k', 'unknown'],
    ]);
  });
});

describe('policy eligibility and exceptDirections', () => {
  const corpus = data(
    policy('p', [direction('a', [c.boolean('own', 'legalEntity', true)]), direction('b', [])], {
      eligibility: [
        c.boolean('not-listed', 'creditBlacklisted', false),
        c.threshold('inv', 'totalInvestmentWan', 'gte', 3000, '万元', { exceptDirections: ['b'] }),
        c.all('group', [c.boolean('le', 'legalEntity', true), c.threshold('inv2', 'totalInvestmentWan', 'gte', 5000, '万元', { exceptDirections: ['a'] })]),
      ],
    }),
  );
  const out = evaluateProfile(corpus, { creditBlacklisted: false, legalEntity: true, totalInvestmentWan: 100 }, { asOf: '2023-11-10' });
  const [a, b] = out.results;

  it('applies the policy criteria once to every direction', () => {
    expect(a!.reasons.filter((r) => r.criterion === 'not-listed')).toHaveLength(1);
    expect(b!.reasons.filter((r) => r.criterion === 'not-listed')).toHaveLength(1);
    expect(a!.reasons.find((r) => r.criterion === 'not-listed')!.scope).toBe('policy');
    expect(a!.reasons.find((r) => r.criterion === 'own')!.scope).toBe('direction');
  });
  it('leaves out criteria (and group items) excepted for a direction', () => {
    expect(a!.reasons.map((r) => r.criterion).sort()).toEqual(['group', 'inv', 'not-listed', 'own']);
    expect(b!.reasons.map((r) => r.criterion).sort()).toEqual(['group', 'not-listed']);
    expect(a!.reasons.find((r) => r.criterion === 'group')!.items!.map((i) => i.criterion)).toEqual(['le']);
    expect(b!.reasons.find((r) => r.criterion === 'group')!.items!.map((i) => i.criterion)).toEqual(['le', 'inv2']);
    expect(a!.verdict).toBe('ineligible'); // 100 < 3000 applies to a
    expect(b!.verdict).toBe('ineligible'); // 100 < 5000 inside the group applies to b
    expect(b!.reasons[0]!.criterion).toBe('group');
  });
});

describe('robustness of the profile argument', () => {
  it('ignores prototype tricks and non-object profiles', () => {
    const crit = c.boolean('le', 'legalEntity', true);
    const proto = JSON.parse('{"__proto__": {"legalEntity": true}}') as Record<string, unknown>;
    expect(reasonOf(crit, proto).status).toBe('unknown');
    expect(reasonOf(crit, Object.create({ legalEntity: true }) as Record<string, unknown>).status).toBe('unknown');
    for (const bad of [null, 'x', 42, [true]]) expect(reasonOf(crit, bad as unknown as Record<string, unknown>).status).toBe('unknown');
  });
  it('never lets a profile supply a derived value', () => {
    const growth = c.threshold('g', 'revenueGrowthPct', 'gte', 20, '%');
    expect(reasonOf(growth, { revenueGrowthPct: 99 }).status).toBe('unknown');
  });
  it('refuses an as-of date that is not a date (a caller bug, not user input)', () => {
    expect(() => evaluateProfile(data(), {}, { asOf: '2023-02-30' })).toThrow(RangeError);
  });
});
