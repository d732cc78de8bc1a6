/**
 * Which questions a scope asks: only what the chosen directions' criteria, their policy's eligibility
 * (minus exceptions) and their support formulas read; derived values never, their inputs instead;
 * every question its directions can need (the burden benchmark's “before” figure).
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCorpusUnchecked } from '../../src/data/load.ts';
import { buildIsland } from '../../src/self-check/build/island.ts';
import { askedInputs, describeScope, directionsInScope, fieldsReadBy, parseScope, questionsFor, registryOf } from '../../src/self-check/logic/scope.ts';
import { type IslandData, type IslandPolicy } from '../../src/self-check/logic/types.ts';
import type { Criterion, Field } from '../../src/schemas/index.ts';

const cite = { quote: '原文', at: '一' };
const fields: Field[] = [
  { id: 'legalEntity', type: 'boolean', step: 'basic', label: '是否为独立法人？' },
  { id: 'blacklisted', type: 'boolean', step: 'basic', label: '是否失信？' },
  { id: 'totalInvestmentWan', type: 'number', unit: '万元', min: 0, step: 'project', label: '项目总投资' },
  { id: 'rev2023', type: 'number', unit: '万元', min: 0, step: 'finance', label: '2023年营收' },
  { id: 'rev2024', type: 'number', unit: '万元', min: 0, step: 'finance', label: '2024年营收' },
  { id: 'growth', type: 'derived', unit: '%', step: 'finance', label: '营收增速', derive: { op: 'growthPct', of: ['rev2024', 'rev2023'] } },
  { id: 'growthShare', type: 'derived', unit: '%', step: 'finance', label: '增速占比', derive: { op: 'sharePct', of: ['growth', 'interestWan'] } },
  { id: 'interestWan', type: 'number', unit: '万元', min: 0, step: 'financing', label: '贷款利息' },
  { id: 'unused', type: 'boolean', step: 'green', label: '没人问' },
];
const c = {
  bool: (id: string, field: string, extra: Partial<Criterion> = {}): Criterion => ({ id, kind: 'boolean', label: id, field, expected: true, ...cite, ...extra }) as Criterion,
  gte: (id: string, field: string, value: number): Criterion => ({ id, kind: 'threshold', label: id, field, op: 'gte', value, unit: '万元', ...cite }),
};
const policy: IslandPolicy = {
  id: 'p',
  kind: 'funding-call',
  province: '山西',
  year: 2024,
  shortTitle: '测试政策',
  programmes: [
    { id: 'g1', name: '专项一' },
    { id: 'g2', name: '专项二' },
  ],
  eligibility: [c.bool('le', 'legalEntity'), c.bool('bl', 'blacklisted', { exceptDirections: ['d2'] })],
  rules: [],
  directions: [
    { id: 'd1', name: '方向一', programme: 'g1', criteria: [{ id: 'g', kind: 'threshold', label: 'g', field: 'growth', op: 'gte', value: 10, unit: '%', ...cite }] },
    {
      id: 'd2',
      name: '方向二',
      programme: 'g2',
      criteria: [{ id: 'any', kind: 'any', label: 'any', ...cite, items: [c.gte('inv', 'totalInvestmentWan', 3000), { id: 'x', kind: 'confirm', label: 'x', ...cite }] }],
      support: {
        method: 'interest-subsidy',
        methodQuote: '原文',
        methodAt: '一',
        formula: { kind: 'rate', part: { base: 'interestWan', baseLabel: '利息', ratePct: 50, ...cite } },
        payments: [],
        notes: [],
      },
    },
  ],
};
const data: IslandData = { fields, policies: [policy, { ...policy, id: 'q', province: '江苏', directions: [], programmes: [] }] };
const registry = registryOf(fields);
const ids = (fs: readonly Field[]) => fs.map((f) => f.id);

describe('scope', () => {
  it('reads the four kinds and refuses what names nothing', () => {
    expect(parseScope('all', data)).toEqual({ kind: 'all' });
    expect(parseScope('province:山西', data)).toEqual({ kind: 'province', province: '山西' });
    expect(parseScope('policy:p', data)).toEqual({ kind: 'policy', policy: 'p' });
    expect(parseScope('programme:p/g2', data)).toEqual({ kind: 'programme', policy: 'p', programme: 'g2' });
    for (const bad of [null, 3, '', 'province:广东', 'policy:zz', 'programme:p/zz', 'programme:p', 'everything', 'policy', ':p']) expect(parseScope(bad, data), String(bad)).toBeNull();
  });
  it('selects the directions of the scope', () => {
    const dirs = (key: string) => directionsInScope(data, parseScope(key, data)!).map((r) => `${r.policy.id}/${r.direction.id}`);
    expect(dirs('all')).toEqual(['p/d1', 'p/d2']);
    expect(dirs('province:江苏')).toEqual([]);
    expect(dirs('programme:p/g2')).toEqual(['p/d2']);
    expect(describeScope(parseScope('programme:p/g2', data)!, data)).toBe('测试政策 · 专项二');
  });
});

describe('questions for a scope', () => {
  it('asks the inputs of derived values (recursively), never the derived values', () => {
    expect([...askedInputs(['growthShare'], registry)].sort()).toEqual(['interestWan', 'rev2023', 'rev2024']);
    const q = ids(questionsFor(directionsInScope(data, parseScope('programme:p/g1', data)!), registry));
    expect(q).toEqual(['legalEntity', 'blacklisted', 'rev2023', 'rev2024']);
  });
  it('drops policy criteria excepted for the direction, and asks support bases and items of groups', () => {
    expect([...fieldsReadBy(policy, policy.directions[1]!)].sort()).toEqual(['interestWan', 'legalEntity', 'totalInvestmentWan']);
    expect(ids(questionsFor(directionsInScope(data, parseScope('programme:p/g2', data)!), registry))).toEqual(['legalEntity', 'totalInvestmentWan', 'interestWan']);
  });
  it('asks nothing that no chosen direction reads', () => {
    expect(ids(questionsFor(directionsInScope(data, parseScope('all', data)!), registry))).not.toContain('unused');
    expect(questionsFor([], registry)).toEqual([]);
  });
});

describe('on the real corpus', () => {
  const { corpus } = loadCorpusUnchecked(fileURLToPath(new URL('../../policies', import.meta.url)), fileURLToPath(new URL('../..', import.meta.url)));
  const island = buildIsland(corpus);
  const reg = registryOf(island.fields);
  it('every scope asks only asked fields, each once, every field its directions read is asked or derived from asked ones', () => {
    const keys = ['all', ...new Set(island.policies.map((p) => `province:${p.province}`)), ...island.policies.map((p) => `policy:${p.id}`), ...island.policies.flatMap((p) => p.programmes.map((g) => `programme:${p.id}/${g.id}`))];
    for (const key of keys) {
      const refs = directionsInScope(island, parseScope(key, island)!);
      const q = questionsFor(refs, reg);
      expect(q.every((f) => f.type !== 'derived'), key).toBe(true);
      expect(new Set(ids(q)).size, key).toBe(q.length);
      const asked = new Set(ids(q));
      for (const r of refs) for (const id of fieldsReadBy(r.policy, r.direction)) for (const need of askedInputs([id], reg)) expect(asked.has(need), `${key} ${r.direction.id} ${id}`).toBe(true);
    }
  });
});
