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
    base: z.string().min(1),
    /** Plain-language name of the base, e.g. “项目总投资”. */
    baseLabel: z.string().min(1),
    /** The maximum rate, in percent. */
    ratePct: z.number().positive().max(100),
    ...CitationFields,
  })
  .strict();

/** `rate`: at most ratePct % of a base, optionally capped. */
const RateFormula = z
  .object({
    kind: z.literal('rate'),
    part: RatePart,
    /** The cap per project, in 万元, if the text gives one. */
    capWan: z.number().positive().optional(),
    capQuote: QuoteText.optional(),
  })
  .strict();

/** `fixed`: a set amount (单个项目补助400万元). */
const FixedFormula = z
  .object({
    kind: z.literal('fixed'),
    amountWan: z.number().positive(),
    ...CitationFields,
  })
  .strict();

/** `parts`: several rated parts summed under one joint cap (软硬件 20% + 利息 40%，合计不超过 500 万元). */
const PartsFormula = z
  .object({
    kind: z.literal('parts'),
    parts: z.array(RatePart).min(2),
    capWan: z.number().positive().optional(),
    capQuote: QuoteText.optional(),
  })
  .strict();

/** `tiers`: amounts by tier (协作配套 500万 … 5亿 档). A tier without `amountWan` has no printed amount. */
const TiersFormula = z
  .object({
    kind: z.literal('tiers'),
    tiers: z
      .array(
        z
          .object({
            /** The tier as the text names it. */
            label: z.string().min(1),
            amountWan: z.number().positive().optional(),
            ...CitationFields,
          })
          .strict(),
      )
      .min(1),
    capWan: z.number().positive().optional(),
    capQuote: QuoteText.optional(),
  })
  .strict();

/**
 * `upTo`: at most a stated amount (“每个先导区安排补助资金不超过3000万元”), optionally of a stated base
 * (“按符合规定的实际总投入予以补助，最高不超过300万元”): the maximum is the cap, or the base when smaller.
 */
const UpToFormula = z
  .object({
    kind: z.literal('upTo'),
    capWan: z.number().positive(),
    /** Profile field holding the base (actual cost…), if the text gives one. */
    base: z.string().min(1).optional(),
    baseLabel: z.string().min(1).optional(),
    ...CitationFields,
  })
  .strict();

/** `notStated`: the text gives no amount (“分档予以奖励”). Pages show 原文未载明金额; nothing is estimated. */
const NotStatedFormula = z
  .object({
    kind: z.literal('notStated'),
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
    label: z.string().min(1),
    /** Share of the total support, in percent, if stated. */
    sharePct: z.number().positive().max(100).optional(),
    /** Fixed amount of this instalment in 万元, if stated. */
    amountWan: z.number().positive().optional(),
    ...CitationFields,
  })
  .strict();

export const Support = z
  .object({
    method: SupportMethod,
    /**
     * Other methods the applicant may choose instead, where the text offers a choice (“填写贴息或补助”).
     * The check requires each label (贴息) in `methodQuote`. The formula is the one for `method`.
     */
    alsoMethods: z.array(SupportMethod).optional(),
    /** The clause naming the method (补助标准 / 支持方式). */
    methodQuote: QuoteText,
    methodAt: z.string().min(1),
    formula: SupportFormula,
    /** Instalments, if the text splits the payment. */
    payments: z.array(Payment).default([]),
    /** Extra cited remarks (上浮、国产算力上浮一档…). */
    notes: z.array(z.object({ id: Id, text: z.string().min(1), ...CitationFields }).strict()).default([]),
  })
  .strict();
export type Support = z.output<typeof Support>;
