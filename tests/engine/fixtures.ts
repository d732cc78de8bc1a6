/**
 * Small hand-built corpus pieces for the engine's unit tests. They do not depend on the real data,
 * which is written separately and may change.
 */
import type { CombinationRule, Criterion, Field, Support } from '../../src/schemas/index.ts';
import type { EngineData, EngineDirection, EnginePolicy, DirectionResult, Evaluation, Profile, EvaluateOptions } from '../../src/engine/index.ts';
import { evaluateProfile } from '../../src/engine/index.ts';

const cite = (id: string) => ({ quote: `原文条款 ${id}`, at: `第 ${id} 条` });

export const fields: Field[] = [
  { id: 'legalEntity', type: 'boolean', step: 'basic', label: '是否为独立法人' },
  { id: 'creditBlacklisted', type: 'boolean', step: 'basic', label: '是否列入失信名单' },
  { id: 'industry', type: 'choice', step: 'basic', label: '所属行业', options: ['钢铁', '化工', '其他'], multiple: false },
  { id: 'industries', type: 'choice', step: 'basic', label: '涉及行业', options: ['钢铁', '化工', '其他'], multiple: true },
  { id: 'totalInvestmentWan', type: 'number', unit: '万元', step: 'project', label: '项目总投资', min: 0 },
  { id: 'equipmentInvestmentWan', type: 'number', unit: '万元', step: 'project', label: '设备投资', min: 0 },
  { id: 'loanInterestWan', type: 'number', unit: '万元', step: 'financing', label: '贷款利息', min: 0 },
  { id: 'sharePct', type: 'number', unit: '%', step: 'finance', label: '研发投入占比', min: 0, max: 100 },
  { id: 'linksCount', type: 'number', unit: '个', step: 'project', label: '智能制造环节数', min: 0 },
  { id: 'filingDate', type: 'date', step: 'project', label: '备案日期' },
  { id: 'completionDate', type: 'date', step: 'project', label: '完工日期' },
  { id: 'revenue2023Wan', type: 'number', unit: '万元', step: 'finance', label: '2023年营业收入', min: 0 },
  { id: 'revenue2024Wan', type: 'number', unit: '万元', step: 'finance', label: '2024年营业收入', min: 0 },
  { id: 'revenueIncreaseWan', type: 'derived', unit: '万元', step: 'finance', label: '营收增量', derive: { op: 'difference', of: ['revenue2024Wan', 'revenue2023Wan'] } },
  { id: 'revenueGrowthPct', type: 'derived', unit: '%', step: 'finance', label: '营收增速', derive: { op: 'growthPct', of: ['revenue2024Wan', 'revenue2023Wan'] } },
  { id: 'equipmentSharePct', type: 'derived', unit: '%', step: 'project', label: '设备投资占比', derive: { op: 'sharePct', of: ['equipmentInvestmentWan', 'totalInvestmentWan'] } },
  { id: 'investmentSumWan', type: 'derived', unit: '万元', step: 'project', label: '投资合计', derive: { op: 'sum', of: ['equipmentInvestmentWan', 'loanInterestWan'] } },
  // A derived value built on another derived value: the order of computation matters.
  { id: 'increaseSharePct', type: 'derived', unit: '%', step: 'finance', label: '增量占总投资', derive: { op: 'sharePct', of: ['revenueIncreaseWan', 'totalInvestmentWan'] } },
];

type Extra = { exceptDirections?: string[] };

/** Criterion builders with citations filled in. */
export const c = {
  threshold: (id: string, field: string, op: 'gte' | 'gt' | 'lte' | 'lt', value: number, unit: '万元' | '%' | '个' = '万元', extra: Extra = {}): Criterion => ({
    id,
    kind: 'threshold',
    label: `${field} ${op} ${value}`,
    field,
    op,
    value,
    unit,
    ...cite(id),
    ...extra,
  }),
  boolean: (id: string, field: string, expected: boolean, extra: Extra = {}): Criterion => ({ id, kind: 'boolean', label: `${field} 为 ${expected}`, field, expected, ...cite(id), ...extra }),
  oneOf: (id: string, field: string, values: string[]): Criterion => ({ id, kind: 'oneOf', label: `${field} 之一`, field, values, ...cite(id) }),
  dateWindow: (id: string, field: string, w: { from?: string; to?: string; fromInclusive?: boolean; toInclusive?: boolean }): Criterion => ({
    id,
    kind: 'dateWindow',
    label: `${field} 在窗口内`,
    field,
    fromInclusive: w.fromInclusive ?? true,
    toInclusive: w.toInclusive ?? true,
    ...(w.from ? { from: w.from } : {}),
    ...(w.to ? { to: w.to } : {}),
    ...cite(id),
  }),
  withinYears: (id: string, field: string, years: number): Criterion => ({ id, kind: 'withinYears', label: `${field} ${years} 年内`, field, years, ...cite(id) }),
  confirm: (id: string): Criterion => ({ id, kind: 'confirm', label: `人工确认 ${id}`, ...cite(id) }),
  all: (id: string, items: Criterion[], extra: Extra = {}): Criterion => ({ id, kind: 'all', label: `全部 ${id}`, items, ...cite(id), ...extra }),
  any: (id: string, items: Criterion[]): Criterion => ({ id, kind: 'any', label: `任一 ${id}`, items, ...cite(id) }),
  not: (id: string, item: Criterion): Criterion => ({ id, kind: 'not', label: `非 ${id}`, item, ...cite(id) }),
};

export function direction(id: string, criteria: Criterion[], extra: Partial<EngineDirection> = {}): EngineDirection {
  return { id, name: `方向 ${id}`, criteria, guidanceOnly: false, ...extra };
}

export function policy(id: string, directions: EngineDirection[], extra: Partial<EnginePolicy> = {}): EnginePolicy {
  return { id, kind: 'funding-call', dates: [], eligibility: [], rules: [], directions, ...extra };
}

export function data(...policies: EnginePolicy[]): EngineData {
  return { fields, policies };
}

export function rule(id: string, kind: CombinationRule['kind'], directions: string[] = []): CombinationRule {
  return { id, kind, text: `规则 ${id}`, directions, ...cite(id) };
}

export function deadline(date: string) {
  return { id: 'deadline', kind: 'deadline' as const, shape: 'day' as const, label: '申报截止', date, directions: [], yearFromIssueDate: false, ...cite('deadline') };
}

export function support(formula: Support['formula'], payments: Support['payments'] = []): Support {
  return { method: 'subsidy', methodQuote: '给予补助', methodAt: '第一条', formula, payments, notes: [] };
}

/** Evaluates one criterion alone (in a funding-call direction) and returns its reason. */
export function reasonOf(criterion: Criterion, profile: Profile, asOf = '2023-11-10') {
  const out = evaluateProfile(data(policy('p', [direction('d', [criterion])])), profile, { asOf });
  const r = out.results[0]!.reasons[0];
  if (!r) throw new Error('criterion was not evaluated');
  return r;
}

/** Evaluates a direction's criteria and returns its result. */
export function resultOf(criteria: Criterion[], profile: Profile, options: EvaluateOptions = { asOf: '2023-11-10' }): DirectionResult {
  return evaluateProfile(data(policy('p', [direction('d', criteria)])), profile, options).results[0]!;
}

export type { Evaluation };
