import { z } from 'zod';

/** The mark on a schema whose value is a verbatim quote: the citation check finds quotes by it. */
const CITATION_MARK = { citation: true } as const;

/** A verbatim quote from `source.txt` (whitespace may differ). Every cited field uses this schema. */
export const QuoteText = z.string().trim().min(2, '引文不能为空').meta(CITATION_MARK);

/** True for a schema marked as a quote (the mark survives `.describe()`; wrappers are unwrapped by the walker). */
export function isCitationSchema(schema: z.ZodType): boolean {
  return z.globalRegistry.get(schema)?.citation === true;
}

/**
 * Where a fact comes from. Every fact in the corpus carries one.
 *
 * `quote` is copied from the policy's `source.txt` verbatim. The citation check compares it with the
 * source ignoring whitespace only (the conversion split table cells over lines), nothing else.
 */
export const CitationFields = {
  /** Verbatim text from `source.txt` (whitespace may differ). */
  quote: QuoteText.describe('原文引文：从 source.txt 逐字摘录（仅空白可能不同），证明本条事实'),
  /** Human-readable section path in the original, e.g. `附件1 / 六 / （四）`. */
  at: z.string().trim().min(1, '需要出处位置，如 “附件1 / 六 / （四）”').describe('出处位置：该引文在原文中的章节路径，如 “附件1 / 六 / （四）”'),
};

export const Citation = z.object(CitationFields).strict();
export type Citation = z.output<typeof Citation>;

/** The fixed wording shown wherever the original text says nothing about a thing. */
export const NOT_STATED = '原文未载明';

/** A printed value with its citation. */
export const StatedText = z
  .object({
    /** The value as it should be displayed (may normalise padding, never the facts). */
    text: z.string().trim().min(1).describe('原文载明的取值（显示用，只规范空格，不改事实）'),
    ...CitationFields,
  })
  .strict();

/** An explicit record that the text is silent; `note` says what exactly is missing. */
export const NotStated = z
  .object({
    notStated: z.literal(true).describe('恒为 true：原文未载明此项（页面显示“原文未载明”，不作推断）'),
    /** Why or how the text is silent, e.g. “原文无标题行”. Defaults to 原文未载明 on pages. */
    note: z.string().trim().min(1).optional().describe('说明原文如何未载明，如 “原文无标题行”'),
  })
  .strict();

/** A textual fact that is either printed (with its quote) or explicitly not stated. */
export const MaybeStated = z.union([StatedText, NotStated]);
export type MaybeStated = z.output<typeof MaybeStated>;
export type StatedText = z.output<typeof StatedText>;

/** Ids are lowercase ASCII slugs: they become folder names and URLs. */
export const Id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, '应为小写字母、数字和连字符组成的 id，例如 “smart-upgrade”');

/** An ISO calendar date (YYYY-MM-DD) that exists in the calendar. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '应为 ISO 日期 YYYY-MM-DD')
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    const t = new Date(Date.UTC(y, m - 1, d));
    return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
  }, '日历上不存在的日期');
