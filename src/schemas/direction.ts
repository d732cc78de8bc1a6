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
    id: Id.describe('方向 id，在同一政策内唯一（即 YAML 文件名）'),
    /** The name as the text prints it. */
    name: z.string().trim().min(2).describe('方向名称，按原文'),
    /** The clause that names it. */
    ...CitationFields,
    /** Programme (专项) id in the same policy. */
    programme: Id.describe('所属专项（programme）id'),
    /** Display order inside the programme (the text's order). */
    order: z.number().int().nonnegative().describe('在专项内的顺序（原文顺序）'),
    /** Plain-language one-paragraph summary of what is supported (our words, no figures). */
    summary: z.string().trim().min(4).describe('支持内容的白话概述（本站撰写，不含数字）'),
    /** Other names the text uses for this direction, each cited (inconsistencies). */
    aliases: z.array(z.object({ name: z.string().min(1).describe('别名，按原文'), ...CitationFields }).strict()).default([]).describe('原文对该方向的其他叫法，各带引文'),
    /** Who may apply (申报主体). */
    applicants: MaybeStated.describe('申报主体，或原文未载明'),
    /** Conditions. Empty only where the text states none; then `criteriaNote` says so. */
    criteria: z.array(Criterion).default([]).describe('申报条件（条件树）'),
    criteriaNote: z.string().optional().describe('原文未列条件时的说明'),
    /** Money: method, formula, instalments. Absent only for non-funding guidance (2017, 2020). */
    support: Support.optional().describe('资金支持：方式、计算公式、分期；仅指导性文件缺省'),
    /** Number supported (支持数量), or not stated. */
    quota: z
      .union([
        z.object({ max: z.number().int().positive().optional().meta({ description: '最多支持数量', unit: '个' }), min: z.number().int().positive().optional().meta({ description: '最少支持数量', unit: '个' }), /** A goal (“推进…项目 100 个”): neither a cap nor a floor. */ target: z.number().int().positive().optional().meta({ description: '推进目标数（原文为目标，不是上限或下限）', unit: '个' }), text: z.string().min(1).describe('支持数量的表述'), ...CitationFields }).strict(),
        z.object({ notStated: z.literal(true).describe('恒为 true：原文未载明支持数量') }).strict(),
      ])
      .default({ notStated: true })
      .describe('支持数量，或原文未载明'),
    /** Materials specific to this direction (the policy's common materials are added on pages). */
    materials: z.array(Material).default([]).describe('本方向特有的申报材料（政策通用材料见 policy.materials）'),
    /** Dates specific to this direction. */
    dates: z.array(KeyDate).default([]).describe('本方向特有的日期'),
    /** 免申即享 / 无须申报: the department allocates without an application. */
    applyFree: z.object(CitationFields).strict().optional().describe('免申即享/无须申报：由主管部门直接拨付，带引文'),
    /** 具体方案另行通知: the scheme is announced separately. */
    schemeSeparately: z.object(CitationFields).strict().optional().describe('具体方案另行通知，带引文'),
    /** For documents that are not funding calls: the direction is guidance, never “eligible”. */
    guidanceOnly: z.boolean().default(false).describe('为 true 时仅为指导方向，自查结论不会是“符合”'),
    /** Industries this direction names, as printed (for search filters and 2017 guidance). */
    industries: z.array(z.string().min(1)).default([]).describe('该方向点名的行业，按原文'),
  })
  .strict();
export type Direction = z.output<typeof Direction>;
