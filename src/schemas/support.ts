import { z } from 'zod';
import { SUPPORT_METHODS, type FormulaKind } from '../model/enums.ts';
import { CitationFields, Id, QuoteText } from './citation.ts';

/** How money is given. 以奖代补 and 免申即享 are recorded as `reward` plus the direction's flags. */
export const SupportMethod = z.enum(SUPPORT_METHODS);
export type SupportMethod = z.output<typeof SupportMethod>;
export const SUPPORT_METHOD_LABEL: Record<SupportMethod, string> = {
  subsidy: '补助',
  'interest-subsidy': '贴息',
  reward: '奖励',
  'risk-compensation': '风险补偿',
  'service-purchase': '政府购买服务',
};

/** A share of a stated base, e.g. “按不超过项目总投资的10%”. */
const RatePart = z
  .object({
    /** Profile field holding the base amount (万元). */
    base: z.string().min(1).describe('计算基数所在的自查字段 id（万元）'),
    /** Plain-language name of the base, e.g. “项目总投资”. */
    baseLabel: z.string().min(1).describe('基数名称，如 “项目总投资”'),
    /** The maximum rate, in percent. */
    ratePct: z.number().positive().max(100).meta({ description: '最高比例', unit: '%' }),
    ...CitationFields,
  })
  .strict();

/** `rate`: at most ratePct % of a base, optionally capped. */
const RateFormula = z
  .object({
    kind: z.literal('rate').describe('计算方式：rate 按基数比例（可封顶）'),
    part: RatePart.describe('比例及其基数'),
    /** The cap per project, in 万元, if the text gives one. */
    capWan: z.number().positive().optional().meta({ description: '单个项目封顶金额，原文载明时', unit: '万元' }),
    capQuote: QuoteText.optional().describe('封顶金额的原文引文'),
  })
  .strict();

/** `fixed`: a set amount (单个项目补助400万元). */
const FixedFormula = z
  .object({
    kind: z.literal('fixed').describe('计算方式：fixed 定额'),
    amountWan: z.number().positive().meta({ description: '定额金额', unit: '万元' }),
    ...CitationFields,
  })
  .strict();

/** `parts`: several rated parts summed under one joint cap (软硬件 20% + 利息 40%，合计不超过 500 万元). */
const PartsFormula = z
  .object({
    kind: z.literal('parts').describe('计算方式：parts 多个比例部分合计（共同封顶）'),
    parts: z.array(RatePart).min(2).describe('各比例部分'),
    capWan: z.number().positive().optional().meta({ description: '合计封顶金额，原文载明时', unit: '万元' }),
    capQuote: QuoteText.optional().describe('封顶金额的原文引文'),
  })
  .strict();

/** `tiers`: amounts by tier (协作配套 500万 … 5亿 档). A tier without `amountWan` has no printed amount. */
const TiersFormula = z
  .object({
    kind: z.literal('tiers').describe('计算方式：tiers 分档'),
    tiers: z
      .array(
        z
          .object({
            /** The tier as the text names it. */
            label: z.string().min(1).describe('档位名称，按原文'),
            amountWan: z.number().positive().optional().meta({ description: '该档金额；原文未载明时缺省', unit: '万元' }),
            ...CitationFields,
          })
          .strict(),
      )
      .min(1)
      .describe('各档'),
    capWan: z.number().positive().optional().meta({ description: '各档共同上限，原文载明时', unit: '万元' }),
    capQuote: QuoteText.optional().describe('上限的原文引文'),
  })
  .strict();

/**
 * `upTo`: at most a stated amount (“每个先导区安排补助资金不超过3000万元”), optionally of a stated base
 * (“按符合规定的实际总投入予以补助，最高不超过300万元”): the maximum is the cap, or the base when smaller.
 */
const UpToFormula = z
  .object({
    kind: z.literal('upTo').describe('计算方式：upTo 不超过上限（可按实际基数）'),
    capWan: z.number().positive().meta({ description: '上限金额', unit: '万元' }),
    /** Profile field holding the base (actual cost…), if the text gives one. */
    base: z.string().min(1).optional().describe('按实际投入等基数支持时，基数所在的自查字段 id'),
    baseLabel: z.string().min(1).optional().describe('基数名称'),
    ...CitationFields,
  })
  .strict();

/** `notStated`: the text gives no amount (“分档予以奖励”). Pages show 原文未载明金额; nothing is estimated. */
const NotStatedFormula = z
  .object({
    kind: z.literal('notStated').describe('计算方式：notStated 原文未载明金额（不作估算）'),
    /** What the text does say, e.g. “分档予以奖励”. */
    ...CitationFields,
  })
  .strict();

export const SupportFormula = z.discriminatedUnion('kind', [RateFormula, FixedFormula, PartsFormula, TiersFormula, UpToFormula, NotStatedFormula]);
export type SupportFormula = z.output<typeof SupportFormula>;
// The union's kinds are exactly the model's tuple (type-checked both ways).
type SameFormulaKinds<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const formulaKindsMatch: SameFormulaKinds<SupportFormula['kind'], FormulaKind> = true;
void formulaKindsMatch;

/** A payment in instalments (首次拨付 50%). */
export const Payment = z
  .object({
    /** e.g. “首次拨付”. */
    label: z.string().min(1).describe('拨付环节，如 “首次拨付”'),
    /** Share of the total support, in percent, if stated. */
    sharePct: z.number().positive().max(100).optional().meta({ description: '占支持总额的比例，原文载明时', unit: '%' }),
    /** Fixed amount of this instalment in 万元, if stated. */
    amountWan: z.number().positive().optional().meta({ description: '该笔金额，原文载明时', unit: '万元' }),
    ...CitationFields,
  })
  .strict();

export const Support = z
  .object({
    method: SupportMethod.describe('支持方式：subsidy 补助，interest-subsidy 贴息，reward 奖励（含以奖代补），risk-compensation 风险补偿，service-purchase 政府购买服务'),
    /**
     * Other methods the applicant may choose instead, where the text offers a choice (“填写贴息或补助”).
     * The check requires each label (贴息) in `methodQuote`. The formula is the one for `method`.
     */
    alsoMethods: z.array(SupportMethod).optional().describe('原文允许申报单位改选的其他支持方式（如“贴息或补助”中的贴息）'),
    /** The clause naming the method (补助标准 / 支持方式). */
    methodQuote: QuoteText.describe('载明支持方式的原文引文'),
    methodAt: z.string().min(1).describe('支持方式引文的出处位置'),
    formula: SupportFormula.describe('支持金额的计算方式'),
    /** Instalments, if the text splits the payment. */
    payments: z.array(Payment).default([]).describe('分期拨付，原文载明时'),
    /** Extra cited remarks (上浮、国产算力上浮一档…). */
    notes: z.array(z.object({ id: Id.describe('附注 id'), text: z.string().min(1).describe('附注内容'), ...CitationFields }).strict()).default([]).describe('带引文的附注（上浮、加档等）'),
  })
  .strict();
export type Support = z.output<typeof Support>;
