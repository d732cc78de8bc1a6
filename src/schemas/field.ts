import { z } from 'zod';
import { FIELD_STEPS } from '../model/enums.ts';
import { Id } from './citation.ts';
import { Unit } from './units.ts';

/**
 * One question the self-check may ask, or one value it derives. Criteria refer to fields by id, so
 * the questionnaire asks only what the chosen criteria need.
 */
const FieldBase = z.object({
  /** camelCase id used by criteria, profiles and share links. */
  id: z.string().regex(/^[a-z][A-Za-z0-9]*$/, '字段 id 应为 camelCase，例如 “totalInvestmentWan”'),
  /** The question as shown to the enterprise (zh-CN). */
  label: z.string().min(1),
  /** One sentence of help under the question. */
  help: z.string().min(1).optional(),
  /** Step of the questionnaire the question belongs to. */
  step: z.enum(FIELD_STEPS),
  /**
   * The self-check's screening: true for the few questions asked first, on one page (where the project
   * is, where the firm is registered, its industry). Default false.
   */
  screen: z.boolean().optional(),
  /**
   * The situation this question belongs to, as the screening's “which of these apply to you” option reads
   * (e.g. 兼并重组（并购）). The options are the topics of the fields the directions in scope read; a topic
   * left unticked is never asked about. Fields without a topic are asked whenever a direction needs them.
   */
  topic: z.string().min(2).optional(),
});

export const NumberField = FieldBase.extend({
  type: z.literal('number'),
  unit: Unit,
  /** Smallest valid answer (inclusive). Defaults to 0. */
  min: z.number().default(0),
  /** Largest valid answer (inclusive), if any. */
  max: z.number().optional(),
}).strict();

export const BooleanField = FieldBase.extend({ type: z.literal('boolean') }).strict();

export const ChoiceField = FieldBase.extend({
  type: z.literal('choice'),
  /** The allowed answers, as the texts spell them. */
  options: z.array(z.string().min(1)).min(2),
  /** Whether several options may be chosen at once. */
  multiple: z.boolean().default(false),
}).strict();

export const DateField = FieldBase.extend({ type: z.literal('date') }).strict();

/**
 * A value computed from other answers, never asked: an increase, a growth rate, a share, a sum, or
 * the years between two dates.
 */
export const DerivedField = FieldBase.extend({
  type: z.literal('derived'),
  unit: Unit,
  derive: z.discriminatedUnion('op', [
    /** a − b */
    z.object({ op: z.literal('difference'), of: z.tuple([z.string(), z.string()]) }).strict(),
    /** (a − b) / b × 100 */
    z.object({ op: z.literal('growthPct'), of: z.tuple([z.string(), z.string()]) }).strict(),
    /** a / b × 100 */
    z.object({ op: z.literal('sharePct'), of: z.tuple([z.string(), z.string()]) }).strict(),
    /** a + b + … */
    z.object({ op: z.literal('sum'), of: z.array(z.string()).min(2) }).strict(),
  ]),
}).strict();

export const Field = z.discriminatedUnion('type', [NumberField, BooleanField, ChoiceField, DateField, DerivedField]);
export type Field = z.output<typeof Field>;

export const FieldFile = z.object({ fields: z.array(Field) }).strict();

export { Id };
