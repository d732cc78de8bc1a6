import { z } from 'zod';
import { CONTACT_LEVELS } from '../model/enums.ts';
import { CitationFields, Id } from './citation.ts';

/** Phone numbers as printed, e.g. 0351-3046026, 025-83336091, 13912345678. */
export const Phone = z.string().regex(/^(?:0\d{2,3}-\d{7,8}|1\d{10}|\d{7,8})$/, '应为 “区号-号码” 或 11 位手机号，如 0351-3046026');

/**
 * One person (or office) in one role in one document. The same person in two documents is two
 * contacts: their numbers are facts with different dates and are never merged.
 */
export const Contact = z
  .object({
    id: Id,
    /** The name exactly as printed, padding included (“郭  毅”). Display forms are derived. */
    name: z.string().min(1),
    /** 处室 or office, as printed. */
    department: z.string().min(1),
    /** The organisation: 山西省工业和信息化厅, 南京市工业和信息化局… */
    organisation: z.string().min(1),
    level: z.enum(CONTACT_LEVELS),
    phones: z.array(Phone).default([]),
    email: z.email().optional(),
    /** Directions this person handles (ids in the same policy). */
    directions: z.array(Id).default([]),
    /** Industry chains or industries this person handles, as printed. */
    scope: z.array(z.string().min(1)).default([]),
    /** Remark column, if any. */
    note: z.string().optional(),
    ...CitationFields,
  })
  .strict();
export type Contact = z.output<typeof Contact>;

export const ContactFile = z.object({ contacts: z.array(Contact) }).strict();
