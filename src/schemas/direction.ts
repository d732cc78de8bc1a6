import { z } from 'zod';
import { CitationFields, Id, MaybeStated } from './citation.ts';
import { Criterion } from './criterion.ts';
import { KeyDate } from './key-date.ts';
import { Material } from './material.ts';
import { Support } from './support.ts';

/**
 * A funding direction (申报方向 / 项目类别). One YAML file per direction under
 * `policies/<policy>/directions/<id>.yaml`; the file name is the id.
 */
export const Direction = z
  .object({
    id: Id,
    /** The name as the text prints it. */
    name: z.string().trim().min(2),
    /** The clause that names it. */
    ...CitationFields,
    /** Programme (专项) id in the same policy. */
    programme: Id,
    /** Display order inside the programme (the text's order). */
    order: z.number().int().nonnegative(),
    /** Plain-language one-paragraph summary of what is supported (our words, no figures). */
    summary: z.string().trim().min(4),
    /** Other names the text uses for this direction, each cited (inconsistencies). */
    aliases: z.array(z.object({ name: z.string().min(1), ...CitationFields }).strict()).default([]),
    /** Who may apply (申报主体). */
    applicants: MaybeStated,
    /** Conditions. Empty only where the text states none; then `criteriaNote` says so. */
    criteria: z.array(Criterion).default([]),
    criteriaNote: z.string().optional(),
    /** Money: method, formula, instalments. Absent only for non-funding guidance (2017, 2020). */
    support: Support.optional(),
    /** Number supported (支持数量), or not stated. */
    quota: z
      .union([
        z
          .object({
            max: z.number().int().positive().optional(),
            min: z.number().int().positive().optional(),
            /** A number the text sets as a goal (“推进…项目 100 个”): neither a cap nor a floor. */
            target: z.number().int().positive().optional(),
            text: z.string().min(1),
            ...CitationFields,
          })
          .strict(),
        z.object({ notStated: z.literal(true) }).strict(),
      ])
      .default({ notStated: true }),
    /** Materials specific to this direction (the policy's common materials are added on pages). */
    materials: z.array(Material).default([]),
    /** Dates specific to this direction. */
    dates: z.array(KeyDate).default([]),
    /** 免申即享 / 无须申报: the department allocates without an application. */
    applyFree: z.object(CitationFields).strict().optional(),
    /** 具体方案另行通知: the scheme is announced separately. */
    schemeSeparately: z.object(CitationFields).strict().optional(),
    /** For documents that are not funding calls: the direction is guidance, never “eligible”. */
    guidanceOnly: z.boolean().default(false),
    /** Industries this direction names, as printed (for search filters and 2017 guidance). */
    industries: z.array(z.string().min(1)).default([]),
  })
  .strict();
export type Direction = z.output<typeof Direction>;
