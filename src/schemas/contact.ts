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
    id: Id.describe('联系人 id，在同一政策内唯一'),
    /** The name exactly as printed, padding included (“郭  毅”). Display forms are derived. */
    name: z.string().min(1).describe('姓名，与原文完全一致（含原文中的空格，如 “郭  毅”）'),
    /** 处室 or office, as printed. */
    department: z.string().min(1).describe('处室或办公室，按原文'),
    /** The organisation: 山西省工业和信息化厅, 南京市工业和信息化局… */
    organisation: z.string().min(1).describe('所在单位，如 山西省工业和信息化厅'),
    level: z.enum(CONTACT_LEVELS).describe('层级：province 省级，city 市级'),
    phones: z.array(Phone).default([]).describe('电话号码，按原文（区号-号码或手机号）'),
    email: z.email().optional().describe('电子邮箱，原文载明时'),
    /** Directions this person handles (ids in the same policy). */
    directions: z.array(Id).default([]).describe('负责的申报方向 id（同一政策内）'),
    /** Industry chains or industries this person handles, as printed. */
    scope: z.array(z.string().min(1)).default([]).describe('负责的产业链或行业，按原文'),
    /** Remark column, if any. */
    note: z.string().optional().describe('原文备注栏'),
    ...CitationFields,
  })
  .strict();
export type Contact = z.output<typeof Contact>;

export const ContactFile = z.object({ contacts: z.array(Contact) }).strict();
