/**
 * Every closed list of the data, typed once. The zod schemas build `z.enum(TUPLE)` (or check their
 * discriminated unions against the tuple), and the engine, the pages and browser code import the tuple
 * and its type without pulling in zod. Pure and zod-free.
 *
 * Adding a value here is a schema change: the data check and the types follow from it.
 */

/** Criterion kinds (the discriminant of `Criterion`; see src/schemas/criterion.ts). */
export const CRITERION_KINDS = ['threshold', 'boolean', 'oneOf', 'dateWindow', 'withinYears', 'confirm', 'all', 'any', 'not'] as const;
export type CriterionKind = (typeof CRITERION_KINDS)[number];

/** Threshold comparisons: `gte`/`lte` include the bound, `gt`/`lt` do not (see the reading rules). */
export const COMPARISONS = ['gte', 'gt', 'lte', 'lt'] as const;
export type ComparisonOp = (typeof COMPARISONS)[number];

/** Units a threshold or answer may carry (amounts always in 万元). */
export const UNITS = ['万元', '%', '个', '项', '家', '年', '吨', '万吨', 'm³', '万m³', '人', '人次', '件', '次', '场', '级'] as const;
export type UnitName = (typeof UNITS)[number];

/** The questionnaire's steps, in order. */
export const FIELD_STEPS = ['basic', 'project', 'finance', 'qualification', 'financing', 'green'] as const;
export type FieldStep = (typeof FIELD_STEPS)[number];

/** Document kinds: only a funding call can make a direction eligible. */
export const POLICY_KINDS = ['funding-call', 'implementation-opinion', 'work-notice'] as const;
export type PolicyKindName = (typeof POLICY_KINDS)[number];

export const PROVINCES = ['山西', '江苏'] as const;
export type Province = (typeof PROVINCES)[number];

/** How money is given (以奖代补 and 免申即享 are `reward` plus the direction's flags). */
export const SUPPORT_METHODS = ['subsidy', 'interest-subsidy', 'reward', 'risk-compensation', 'service-purchase'] as const;
export type SupportMethodName = (typeof SUPPORT_METHODS)[number];

/** Support formula kinds (the discriminant of `SupportFormula`). */
export const FORMULA_KINDS = ['rate', 'fixed', 'parts', 'tiers', 'upTo', 'notStated'] as const;
export type FormulaKind = (typeof FORMULA_KINDS)[number];

/** What a printed date is. */
export const DATE_KINDS = ['issued', 'deadline', 'window', 'complete-by', 'statistics-period', 'reporting'] as const;
export type DateKindName = (typeof DATE_KINDS)[number];

/** How a printed date is shaped (the discriminant of `KeyDate`). */
export const DATE_SHAPES = ['day', 'window', 'recurring', 'years'] as const;
export type DateShape = (typeof DATE_SHAPES)[number];

export const RECURRENCE_FREQS = ['weekly', 'monthly'] as const;
/** iCalendar weekday codes. */
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

export const RULE_KINDS = ['one-per-application', 'mutually-exclusive', 'once-only', 'one-per-year', 'not-previously-funded'] as const;
export type RuleKindName = (typeof RULE_KINDS)[number];

export const PROVISION_KINDS = ['goal', 'measure', 'duty', 'requirement', 'form', 'note'] as const;

export const CONTACT_LEVELS = ['province', 'city'] as const;

export const EVOLUTION_KINDS = ['renamed', 'appeared', 'disappeared', 'changed-mode'] as const;
export type EvolutionKindName = (typeof EVOLUTION_KINDS)[number];

/** A criterion's outcome. `confirm`: a person must judge it. */
export const STATUSES = ['met', 'unmet', 'unknown', 'confirm'] as const;
export type StatusName = (typeof STATUSES)[number];

/** A direction's verdict. */
export const VERDICTS = ['eligible', 'ineligible', 'unknown', 'guidance'] as const;
export type VerdictName = (typeof VERDICTS)[number];
