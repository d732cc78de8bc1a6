/** Helpers shared by the table builders (pure). */
import type { MaybeStated } from '../../schemas/index.ts';

/** Lists in one cell are joined with “；”: the comma is the CSV separator. */
export const LIST = '；';

export const list = (items: readonly string[] | undefined): string => (items ?? []).join(LIST);

/** A quote on one line: the conversion split table cells over lines; one line per cell reads better. */
export const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** The printed text, or null where the document is silent (原文未载明). */
export const stated = (m: MaybeStated | undefined): string | null => (m && 'text' in m ? m.text : null);
