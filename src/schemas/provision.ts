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
    id: Id.describe('条款 id，在同一政策内唯一'),
    kind: ProvisionKind.describe('条款类型：goal 目标，measure 保障措施，duty 工作要求，requirement 申报要求，form 表格与字段，note 说明'),
    /** Short heading. */
    title: z.string().trim().min(1).describe('简短标题（本站撰写）'),
    /** Plain-language summary. */
    text: z.string().trim().min(1).describe('白话概述（本站撰写）'),
    /** A figure the provision states (12% growth), if any. */
    value: z.object({ number: z.number().describe('数值'), unit: Unit.describe('单位') }).strict().optional().describe('条款载明的数字（如增长 12%），如有'),
    /** Items of a list (form fields, industries…), as printed. */
    items: z.array(z.string().min(1)).default([]).describe('原文列举的各项（表格字段、行业等），按原文'),
    ...CitationFields,
  })
  .strict();
export type Provision = z.output<typeof Provision>;

/** Where the text contradicts itself: every form with its citation, none preferred. */
export const Inconsistency = z
  .object({
    id: Id.describe('不一致记录 id'),
    /** What differs, e.g. “方向名称”. */
    about: z.string().min(1).describe('不一致之处，如 “方向名称”'),
    forms: z.array(z.object({ text: z.string().min(1).describe('原文中的一种写法'), ...CitationFields }).strict()).min(2).describe('原文中的各种写法，各带引文，不偏向任何一种'),
    /** Our own one-line note on the difference. */
    note: z.string().min(1).describe('本站对差异的一句说明'),
  })
  .strict();
export type Inconsistency = z.output<typeof Inconsistency>;
