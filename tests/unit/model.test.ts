import { describe, expect, it } from 'vitest';
import { applicableCriteria, fieldsOf, leafCriteria } from '../../src/model/criteria.ts';
import { roundStatus } from '../../src/model/round.ts';
import { directionUrl, selfCheckUrl, sourceUrl } from '../../src/model/routes.ts';
import type { Criterion } from '../../src/schemas/index.ts';

describe('roundStatus', () => {
  const call = { fundingCall: true, deadline: '2026-03-04' };
  it('counts days left before the deadline, says today on the day, closed after', () => {
    expect(roundStatus(call, '2026-03-01')).toMatchObject({ state: 'open', daysLeft: 3, text: '申报中（还剩 3 天）' });
    expect(roundStatus(call, '2026-03-04')).toMatchObject({ state: 'today', daysLeft: 0 });
    expect(roundStatus(call, '2026-03-05')).toMatchObject({ state: 'closed', text: '已截止 2026-03-04' });
  });
  it('never invents a deadline: guidance documents and texts without one say so', () => {
    expect(roundStatus({ fundingCall: false, deadline: '2026-03-04' }, '2026-01-01').state).toBe('guidance');
    expect(roundStatus({ fundingCall: true, deadline: null }, '2026-01-01')).toEqual({ state: 'no-deadline', text: '原文未载明截止日期' });
  });
});

describe('routes', () => {
  it('builds the self-check scoped to a direction and the source line anchor', () => {
    expect(selfCheckUrl({ policy: 'p', direction: 'd' })).toBe('/self-check/?scope=direction%3Ap%2Fd');
    expect(selfCheckUrl({ province: '江苏' })).toBe(`/self-check/?scope=${encodeURIComponent('province:江苏')}`);
    expect(sourceUrl('p', 'L12')).toBe('/policies/p/source/#L12');
    expect(directionUrl('p', 'd')).toBe('/policies/p/directions/d/');
  });
});

describe('applicableCriteria', () => {
  const cite = { quote: 'q', at: 'a', label: 'l' };
  const leaf = (id: string, field: string, except?: string[]): Criterion =>
    ({ id, kind: 'boolean', field, expected: true, ...cite, ...(except ? { exceptDirections: except } : {}) }) as Criterion;
  const policy = {
    eligibility: [
      leaf('a', 'fa', ['x']),
      { id: 'g', kind: 'all', items: [leaf('b', 'fb', ['x']), leaf('c', 'fc')], ...cite } as Criterion,
      { id: 'h', kind: 'any', items: [leaf('d', 'fd', ['x'])], ...cite } as Criterion,
    ],
  };
  it('honours exceptions at any depth and drops groups left empty', () => {
    const forX = applicableCriteria(policy, { id: 'x', criteria: [leaf('own', 'fo')] });
    expect(forX.map((c) => c.id)).toEqual(['g', 'own']);
    expect(leafCriteria(forX).map((c) => c.id)).toEqual(['c', 'own']);
    expect([...fieldsOf(forX)]).toEqual(['fc', 'fo']);
    expect(leafCriteria(applicableCriteria(policy, { id: 'y' })).map((c) => c.id)).toEqual(['a', 'b', 'c', 'd']);
  });
  it('prunes an exception two levels down even when the outer group keeps its item count', () => {
    const nested = { id: 'n', kind: 'all', items: [{ id: 'inner', kind: 'any', items: [leaf('e', 'fe', ['x']), leaf('f', 'ff'), leaf('g2', 'fg')], ...cite }, leaf('k', 'fk')], ...cite } as Criterion;
    const forX = applicableCriteria({ eligibility: [nested] }, { id: 'x' });
    expect(leafCriteria(forX).map((c) => c.id)).toEqual(['f', 'g2', 'k']);
    expect(applicableCriteria({ eligibility: [nested] }, { id: 'y' })[0]).toBe(nested);
  });
});
