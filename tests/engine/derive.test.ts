import { describe, expect, it } from 'vitest';
import { applyDerived, deriveValue, fieldRegistry, planDerived } from '../../src/engine/index.ts';
import type { Field } from '../../src/schemas/index.ts';
import { fields } from './fixtures.ts';

function derived(profile: Record<string, unknown>, registry: Field[] = fields) {
  const plan = planDerived(fieldRegistry({ fields: registry }));
  const values = { ...profile };
  applyDerived(values, plan);
  return values;
}

describe('deriveValue', () => {
  it('computes difference, growth, share and sum', () => {
    expect(deriveValue('difference', [1200, 1000])).toBe(200);
    expect(deriveValue('difference', [900, 1000])).toBe(-100);
    expect(deriveValue('growthPct', [1200, 1000])).toBe(20);
    expect(deriveValue('growthPct', [1100, 1000])).toBe(10);
    expect(deriveValue('growthPct', [800, 1000])).toBe(-20);
    expect(deriveValue('sharePct', [1, 3])).toBeCloseTo(33.3333333333, 8);
    expect(deriveValue('sharePct', [0.3, 1])).toBe(30);
    expect(deriveValue('sum', [0.1, 0.2, 3])).toBe(3.3);
  });
  it('is unknown when an input is unknown or not a number', () => {
    expect(deriveValue('difference', [1200, undefined])).toBeUndefined();
    expect(deriveValue('sum', [1, 'unknown', 2])).toBeUndefined();
    expect(deriveValue('growthPct', ['1200', 1000])).toBeUndefined();
    expect(deriveValue('sharePct', [Number.NaN, 1])).toBeUndefined();
  });
  it('is unknown for growth or share over a base ≤ 0', () => {
    expect(deriveValue('growthPct', [100, 0])).toBeUndefined();
    expect(deriveValue('growthPct', [100, -50])).toBeUndefined();
    expect(deriveValue('sharePct', [100, 0])).toBeUndefined();
  });
});

describe('applyDerived', () => {
  it('computes every derived field, dependants after their dependencies', () => {
    const v = derived({ revenue2023Wan: 1000, revenue2024Wan: 1500, totalInvestmentWan: 2000, equipmentInvestmentWan: 500, loanInterestWan: 20 });
    expect(v).toMatchObject({ revenueIncreaseWan: 500, revenueGrowthPct: 50, equipmentSharePct: 25, investmentSumWan: 520, increaseSharePct: 25 });
  });
  it('leaves derived values unknown when inputs are unknown, and overwrites smuggled ones', () => {
    const v = derived({ revenue2023Wan: 0, revenue2024Wan: 'unknown', revenueGrowthPct: 99, increaseSharePct: 5 });
    expect(v.revenueGrowthPct).toBeUndefined();
    expect(v.revenueIncreaseWan).toBeUndefined();
    expect(v.increaseSharePct).toBeUndefined();
  });
  it('treats a cycle of derived definitions as unknown instead of looping', () => {
    const cyclic: Field[] = [
      { id: 'a', type: 'number', unit: '万元', step: 'finance', label: 'a', min: 0 },
      { id: 'x', type: 'derived', unit: '万元', step: 'finance', label: 'x', derive: { op: 'sum', of: ['a', 'y'] } },
      { id: 'y', type: 'derived', unit: '万元', step: 'finance', label: 'y', derive: { op: 'sum', of: ['a', 'x'] } },
    ];
    const v = derived({ a: 1, x: 5, y: 6 }, cyclic);
    expect(v.x).toBeUndefined();
    expect(v.y).toBeUndefined();
  });
});
