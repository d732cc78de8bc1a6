import { z } from 'zod';
import { COMPARISONS, type CriterionKind } from '../model/enums.ts';
import { CitationFields, Id, IsoDate } from './citation.ts';
import { Unit } from './units.ts';

/**
 * A condition a direction (or a whole policy) sets. Typed so that the self-check engine can evaluate
 * it; what a machine cannot judge is kept as `confirm`, never dropped.
 *
 * Every criterion has a plain-language `label` and the verbatim clause it encodes.
 */
const CriterionBase = z.object({
  /** Unique within its direction (or policy, for policy-wide criteria). */
  id: Id.describe('条件 id，在所属方向（政策级条件则在政策）内唯一'),
  /** Plain-language statement shown to the enterprise, e.g. “项目总投资不低于 3000 万元”. */
  label: z.string().trim().min(2).describe('条件的白话表述，如 “项目总投资不低于 3000 万元”'),
  ...CitationFields,
  /**
   * Directions this criterion does not apply to, as the text says (e.g. “（数字基础设施建设方向项目除外）”).
   * Only meaningful on policy-wide or programme-wide criteria.
   */
  exceptDirections: z.array(Id).optional().describe('原文规定不适用此条件的方向 id（如 “数字基础设施建设方向项目除外”）'),
});

/** Comparison operators. `gte`/`lte` are inclusive (以上、不低于、不超过、（含）); `gt`/`lt` are not. */
export const Comparison = z.enum(COMPARISONS);
export type Comparison = z.output<typeof Comparison>;

/** A number compared with a threshold: investment, revenue, counts, shares, growth rates. */
export const ThresholdCriterion = CriterionBase.extend({
  kind: z.literal('threshold').describe('条件类型：threshold 数值门槛'),
  /** Profile field (asked or derived) that is compared. */
  field: z.string().min(1).describe('比较的自查字段 id（见 fields）'),
  op: Comparison.describe('比较方式：gte ≥（以上、不低于），gt >，lte ≤（不超过），lt <'),
  /** The threshold, in `unit` (amounts in 万元). */
  value: z.number().describe('门槛数值，单位见 unit（金额为万元）'),
  unit: Unit.describe('门槛的单位'),
}).strict();

/** A yes/no requirement: “须完工投产”, “停工项目不得申报” (expected false). */
export const BooleanCriterion = CriterionBase.extend({
  kind: z.literal('boolean').describe('条件类型：boolean 是/否'),
  field: z.string().min(1).describe('判断的自查字段 id（见 fields）'),
  /** The answer that meets the criterion. */
  expected: z.boolean().describe('满足条件的回答：true 是，false 否'),
}).strict();

/** The answer must be one of a list (industries, firm kinds, levels). */
export const OneOfCriterion = CriterionBase.extend({
  kind: z.literal('oneOf').describe('条件类型：oneOf 取值须在列表之中'),
  field: z.string().min(1).describe('判断的自查字段 id（见 fields）'),
  values: z.array(z.string().min(1)).min(1).describe('允许的取值（回答其一即满足）'),
}).strict();

/** A date answer must fall in a window; each end is inclusive where the text says （含）. */
export const DateWindowCriterion = CriterionBase.extend({
  kind: z.literal('dateWindow').describe('条件类型：dateWindow 日期窗口'),
  field: z.string().min(1).describe('判断的自查字段 id（日期）'),
  from: IsoDate.optional().describe('窗口起始日（ISO 日期）'),
  fromInclusive: z.boolean().default(true).describe('起始日是否包含在内'),
  to: IsoDate.optional().describe('窗口结束日（ISO 日期）'),
  toInclusive: z.boolean().default(true).describe('结束日是否包含在内：原文“（含）”为 true，“…前”不含为 false'),
})
  .strict()
  .refine((c) => c.from !== undefined || c.to !== undefined, { message: '日期窗口至少需要 from 或 to', path: ['from'] });

/** A date answer must lie at most `years` years before the as-of date (备案距申报时间不超过5年). */
export const WithinYearsCriterion = CriterionBase.extend({
  kind: z.literal('withinYears').describe('条件类型：withinYears 距申报时间不超过若干年'),
  field: z.string().min(1).describe('判断的自查字段 id（日期）'),
  years: z.number().positive().meta({ description: '年数：日期须在判断基准日前这么多年以内（含）', unit: '年' }),
}).strict();

/** A condition a machine cannot judge (“具有稳定盈利能力”): shown as 待确认, never evaluated, never dropped. */
export const ConfirmCriterion = CriterionBase.extend({
  kind: z.literal('confirm').describe('条件类型：confirm 待确认（机器无法判断，须人工确认）'),
}).strict();

export type Criterion =
  | z.output<typeof ThresholdCriterion>
  | z.output<typeof BooleanCriterion>
  | z.output<typeof OneOfCriterion>
  | z.output<typeof DateWindowCriterion>
  | z.output<typeof WithinYearsCriterion>
  | z.output<typeof ConfirmCriterion>
  | AllCriterion
  | AnyCriterion
  | NotCriterion;

export type AllCriterion = z.output<typeof CriterionBase> & { kind: 'all'; items: Criterion[] };
export type AnyCriterion = z.output<typeof CriterionBase> & { kind: 'any'; items: Criterion[] };
export type NotCriterion = z.output<typeof CriterionBase> & { kind: 'not'; item: Criterion };

/** Every item must hold. */
export const AllOfCriterion = CriterionBase.extend({
  kind: z.literal('all').describe('条件类型：all 各项须同时满足'),
  get items(): z.ZodArray<z.ZodType<Criterion>> {
    return z.array(Criterion).min(1).describe('组内各项条件');
  },
}).strict();

/** At least one item must hold (“或”, “之一”). */
export const AnyOfCriterion = CriterionBase.extend({
  kind: z.literal('any').describe('条件类型：any 至少满足一项（“或”“之一”）'),
  get items(): z.ZodArray<z.ZodType<Criterion>> {
    return z.array(Criterion).min(2).describe('组内各项条件');
  },
}).strict();

/** The item must not hold (“不含…”, “…除外”, “不得…”). */
export const NegatedCriterion = CriterionBase.extend({
  kind: z.literal('not').describe('条件类型：not 不得满足所含条件（“不得…”“…除外”）'),
  get item(): z.ZodType<Criterion> {
    return Criterion.describe('被否定的条件');
  },
}).strict().meta({ id: 'NotCriterion', description: '条件类型 not：不得满足所含条件' });

export const Criterion: z.ZodType<Criterion> = z.discriminatedUnion('kind', [
  ThresholdCriterion,
  BooleanCriterion,
  OneOfCriterion,
  DateWindowCriterion,
  WithinYearsCriterion,
  ConfirmCriterion,
  AllOfCriterion,
  AnyOfCriterion,
  NegatedCriterion,
]).meta({ id: 'Criterion', description: '一条申报条件（条件树的一个节点）' }) as z.ZodType<Criterion>;

// The union's kinds are exactly the model's tuple (type-checked both ways), so no list is typed twice.
type SameKinds<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const criterionKindsMatch: SameKinds<Criterion['kind'], CriterionKind> = true;
void criterionKindsMatch;
