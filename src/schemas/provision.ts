import { z } from 'zod';
import { PROVISION_KINDS } from '../model/enums.ts';
import { CitationFields, Id } from './citation.ts';
import { Unit } from './units.ts';

/**
 * Cited content that is neither a direction nor a criterion: goals, safeguard measures, duties,
 * report-writing requirements, ledger and form fields.
 */
export const ProvisionKind = z.enum(PROVISION_KINDS);
export const PROVISION_KIND_LABEL: Record<z.output<typeof ProvisionKind>, string> = {
  goal: '目标',
  measure: '保障措施',
  duty: '工作要求',
  requirement: '申报要求',
  form: '表格与字段',
  note: '说明',
};

export const Provision = z
  .object({
    id: Id,
    kind: ProvisionKind,
    /** Short heading. */
    title: z.string().trim().min(1),
    /** Plain-language summary. */
    text: z.string().trim().min(1),
    /** A figure the provision states (12% growth), if any. */
    value: z.object({ number: z.number(), unit: Unit }).strict().optional(),
    /** Items of a list (form fields, industries…), as printed. */
    items: z.array(z.string().min(1)).default([]),
    ...CitationFields,
  })
  .strict();
export type Provision = z.output<typeof Provision>;

/** Where the text contradicts itself: every form with its citation, none preferred. */
export const Inconsistency = z
  .object({
    id: Id,
    /** What differs, e.g. “方向名称”. */
    about: z.string().min(1),
    forms: z.array(z.object({ text: z.string().min(1), ...CitationFields }).strict()).min(2),
    /** Our own one-line note on the difference. */
    note: z.string().min(1),
  })
  .strict();
export type Inconsistency = z.output<typeof Inconsistency>;
