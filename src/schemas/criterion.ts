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
  id: Id,
  /** Plain-language statement shown to the enterprise, e.g. “项目总投资不低于 3000 万元”. */
  label: z.string().trim().min(2),
  ...CitationFields,
  /**
   * Directions this criterion does not apply to, as the text says (e.g. “（数字基础设施建设方向项目除外）”).
   * Only meaningful on policy-wide or programme-wide criteria.
   */
  exceptDirections: z.array(Id).optional(),
});

/** Comparison operators. `gte`/`lte` are inclusive (以上、不低于、不超过、（含）); `gt`/`lt` are not. */
export const Comparison = z.enum(COMPARISONS);
export type Comparison = z.output<typeof Comparison>;

/** A number compared with a threshold: investment, revenue, counts, shares, growth rates. */
export const ThresholdCriterion = CriterionBase.extend({
  kind: z.literal('threshold'),
  /** Profile field (asked or derived) that is compared. */
  field: z.string().min(1),
  op: Comparison,
  /** The threshold, in `unit` (amounts in 万元). */
  value: z.number(),
  unit: Unit,
}).strict();

/** A yes/no requirement: “须完工投产”, “停工项目不得申报” (expected false). */
export const BooleanCriterion = CriterionBase.extend({
  kind: z.literal('boolean'),
  field: z.string().min(1),
  /** The answer that meets the criterion. */
  expected: z.boolean(),
}).strict();

/** The answer must be one of a list (industries, firm kinds, levels). */
export const OneOfCriterion = CriterionBase.extend({
  kind: z.literal('oneOf'),
  field: z.string().min(1),
  values: z.array(z.string().min(1)).min(1),
}).strict();

/** A date answer must fall in a window; each end is inclusive where the text says （含）. */
export const DateWindowCriterion = CriterionBase.extend({
  kind: z.literal('dateWindow'),
  field: z.string().min(1),
  from: IsoDate.optional(),
  fromInclusive: z.boolean().default(true),
  to: IsoDate.optional(),
  toInclusive: z.boolean().default(true),
})
  .strict()
  .refine((c) => c.from !== undefined || c.to !== undefined, { message: '日期窗口至少需要 from 或 to', path: ['from'] });

/** A date answer must lie at most `years` years before the as-of date (备案距申报时间不超过5年). */
export const WithinYearsCriterion = CriterionBase.extend({
  kind: z.literal('withinYears'),
  field: z.string().min(1),
  years: z.number().positive(),
}).strict();

/** A condition a machine cannot judge (“具有稳定盈利能力”): shown as 待确认, never evaluated, never dropped. */
export const ConfirmCriterion = CriterionBase.extend({
  kind: z.literal('confirm'),
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
  kind: z.literal('all'),
  get items(): z.ZodArray<z.ZodType<Criterion>> {
    return z.array(Criterion).min(1);
  },
}).strict();

/** At least one item must hold (“或”, “之一”). */
export const AnyOfCriterion = CriterionBase.extend({
  kind: z.literal('any'),
  get items(): z.ZodArray<z.ZodType<Criterion>> {
    return z.array(Criterion).min(2);
  },
}).strict();

/** The item must not hold (“不含…”, “…除外”, “不得…”). */
export const NegatedCriterion = CriterionBase.extend({
  kind: z.literal('not'),
  get item(): z.ZodType<Criterion> {
    return Criterion;
  },
}).strict();

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
]) as z.ZodType<Criterion>;

// The union's kinds are exactly the model's tuple (type-checked both ways), so no list is typed twice.
type SameKinds<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const criterionKindsMatch: SameKinds<Criterion['kind'], CriterionKind> = true;
void criterionKindsMatch;
