import { describe, expect, it } from 'vitest';
import { fieldRegistry } from '../../src/engine/index.ts';
import { buildProfileSchema, profileJsonSchema, validateProfile } from '../../src/engine/profile.ts';
import { fields } from './fixtures.ts';

const registry = fieldRegistry({ fields });
const schema = buildProfileSchema(registry);

describe('profile schema (zod, from the registry)', () => {
  it('accepts typed answers and unknowns for every asked field, every field optional', () => {
    expect(schema.safeParse({}).success).toBe(true);
    expect(
      schema.safeParse({ legalEntity: true, industry: '钢铁', industries: ['钢铁', '化工'], totalInvestmentWan: 3000, sharePct: 100, filingDate: '2024-02-29' }).success,
    ).toBe(true);
    for (const f of fields.filter((x) => x.type !== 'derived')) {
      for (const u of ['unknown', '不确定', null]) expect(schema.safeParse({ [f.id]: u }).success).toBe(true);
    }
  });
  it('refuses wrong types, out-of-range numbers, foreign options, impossible dates and unknown keys', () => {
    for (const bad of [
      { legalEntity: 'yes' },
      { totalInvestmentWan: -1 },
      { totalInvestmentWan: '3000' },
      { sharePct: 100.5 },
      { industry: '医药' },
      { industry: ['钢铁'] },
      { industries: '钢铁' },
      { industries: [] },
      { filingDate: '2023-02-30' },
      { filingDate: '2023/01/01' },
      { revenueGrowthPct: 10 },
      { notAField: 1 },
    ])
      expect(schema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });
  it('converts to a JSON Schema with a property per asked field and none for derived ones', () => {
    const js = profileJsonSchema(registry) as { type: string; properties: Record<string, { anyOf: { type?: string; minimum?: number; maximum?: number; format?: string }[]; title: string }>; additionalProperties: boolean };
    expect(js.type).toBe('object');
    expect(js.additionalProperties).toBe(false);
    expect(Object.keys(js.properties).sort()).toEqual(fields.filter((f) => f.type !== 'derived').map((f) => f.id).sort());
    expect(js.properties.totalInvestmentWan!.title).toBe('项目总投资');
    expect(js.properties.sharePct!.anyOf[0]).toMatchObject({ type: 'number', minimum: 0, maximum: 100 });
    expect(js.properties.filingDate!.anyOf[0]).toMatchObject({ type: 'string', format: 'date' });
  });
});

describe('validateProfile', () => {
  it('parses what people type, then checks it against the schema', () => {
    const r = validateProfile({ totalInvestmentWan: '1.2亿元', legalEntity: '是', industries: '钢铁、化工', filingDate: '2023年9月5日', sharePct: '15%', creditBlacklisted: '不确定' }, registry);
    expect(r).toEqual({
      ok: true,
      profile: { totalInvestmentWan: 12000, legalEntity: true, industries: ['钢铁', '化工'], filingDate: '2023-09-05', sharePct: 15, creditBlacklisted: 'unknown' },
    });
  });
  it('returns every problem, each naming the field', () => {
    const r = validateProfile({ totalInvestmentWan: 'abc', filingDate: '2023-02-30', typo: 1 }, registry);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.field)).toEqual(['totalInvestmentWan', 'filingDate', 'typo']);
    expect(r.errors[2]!.message).toBe('字段 “typo”：应为 已登记的字段 id（见 --schema）；实际为 未登记的字段');
  });
  it('refuses anything that is not an object', () => {
    for (const raw of [null, 3, 'x', [1], true]) {
      const r = validateProfile(raw, registry);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors[0]!.expected).toContain('JSON 对象');
    }
  });
  it('accepts a value for a derived field only as unknown, and drops it', () => {
    expect(validateProfile({ revenueGrowthPct: '不确定' }, registry)).toEqual({ ok: true, profile: {} });
    expect(validateProfile({ revenueGrowthPct: 12 }, registry).ok).toBe(false);
  });
});
