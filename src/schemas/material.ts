import { z } from 'zod';
import { CitationFields, Id } from './citation.ts';

/** A document the applicant must attach or prepare. */
export const Material = z
  .object({
    id: Id.describe('材料 id'),
    /** Short name for the checklist, e.g. “营业执照”. */
    text: z.string().trim().min(2).describe('材料名称，如 “营业执照”'),
    ...CitationFields,
  })
  .strict();
export type Material = z.output<typeof Material>;
