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
  id: z.string().regex(/^[a-z][A-Za-z0-9]*$/, '字段 id 应为 camelCase，例如 “totalInvestmentWan”').describe('字段 id（camelCase），条件、自查档案和分享链接以此引用'),
  /** The question as shown to the enterprise (zh-CN). */
  label: z.string().min(1).describe('向企业提出的问题（中文）'),
  /** One sentence of help under the question. */
  help: z.string().min(1).optional().describe('问题下方的一句说明'),
  /** Step of the questionnaire the question belongs to. */
  step: z.enum(FIELD_STEPS).describe('问卷步骤：basic 基本情况，project 项目，finance 财务，qualification 资质，financing 融资，green 绿色'),
  /**
   * The self-check's screening: true for the few questions asked first, on one page (where the project
   * is, where the firm is registered, its industry). Default false.
   */
  screen: z.boolean().optional().describe('为 true 时是自查最先提出的筛选问题（项目所在地、注册地、行业等），默认 false'),
  /**
   * The situation this question belongs to, as the screening's “which of these apply to you” option reads
   * (e.g. 兼并重组（并购）). The options are the topics of the fields the directions in scope read; a topic
   * left unticked is never asked about. Fields without a topic are asked whenever a direction needs them.
   */
  topic: z.string().min(2).optional().describe('问题所属的情形（筛选页“以下哪些情况适用于您”的选项，如 “兼并重组（并购）”）；未勾选的情形不再追问'),
});

export const NumberField = FieldBase.extend({
  type: z.literal('number').describe('字段类型：number 数值，boolean 是/否，choice 选择，date 日期，derived 由其他回答计算'),
  unit: Unit.describe('回答的单位'),
  /** Smallest valid answer (inclusive). Defaults to 0. */
  min: z.number().default(0).describe('最小有效值（含），默认 0'),
  /** Largest valid answer (inclusive), if any. */
  max: z.number().optional().describe('最大有效值（含），如有'),
}).strict();

export const BooleanField = FieldBase.extend({ type: z.literal('boolean').describe('字段类型：boolean 是/否') }).strict();

export const ChoiceField = FieldBase.extend({
  type: z.literal('choice').describe('字段类型：choice 选择'),
  /** The allowed answers, as the texts spell them. */
  options: z.array(z.string().min(1)).min(2).describe('可选的回答，按原文写法'),
  /** Whether several options may be chosen at once. */
  multiple: z.boolean().default(false).describe('是否可多选'),
}).strict();

export const DateField = FieldBase.extend({ type: z.literal('date').describe('字段类型：date 日期（ISO）') }).strict();

/**
 * A value computed from other answers, never asked: an increase, a growth rate, a share, a sum, or
 * the years between two dates.
 */
export const DerivedField = FieldBase.extend({
  type: z.literal('derived').describe('字段类型：derived 由其他回答计算，不直接提问'),
  unit: Unit.describe('计算结果的单位'),
  derive: z.discriminatedUnion('op', [
    /** a − b */
    z.object({ op: z.literal('difference').describe('计算方式：difference 差值 a − b'), of: z.tuple([z.string(), z.string()]).describe('参与计算的字段 id [a, b]') }).strict(),
    /** (a − b) / b × 100 */
    z.object({ op: z.literal('growthPct').describe('计算方式：growthPct 增长率 (a − b) / b × 100'), of: z.tuple([z.string(), z.string()]).describe('参与计算的字段 id [a, b]') }).strict(),
    /** a / b × 100 */
    z.object({ op: z.literal('sharePct').describe('计算方式：sharePct 占比 a / b × 100'), of: z.tuple([z.string(), z.string()]).describe('参与计算的字段 id [a, b]') }).strict(),
    /** a + b + … */
    z.object({ op: z.literal('sum').describe('计算方式：sum 求和 a + b + …'), of: z.array(z.string()).min(2).describe('参与求和的字段 id') }).strict(),
  ]).describe('计算规则'),
}).strict();

export const Field = z.discriminatedUnion('type', [NumberField, BooleanField, ChoiceField, DateField, DerivedField]);
export type Field = z.output<typeof Field>;

export const FieldFile = z.object({ fields: z.array(Field) }).strict();

export { Id };
