import { z } from 'zod';
import { POLICY_KINDS, PROVINCES } from '../model/enums.ts';
import { CitationFields, Id, IsoDate, MaybeStated } from './citation.ts';
import { Criterion } from './criterion.ts';
import { KeyDate } from './key-date.ts';
import { Material } from './material.ts';
import { Inconsistency, Provision } from './provision.ts';

/** funding-call 申报通知 / implementation-opinion 实施意见 / work-notice 工作通知. */
export const PolicyKind = z.enum(POLICY_KINDS);
export const POLICY_KIND_LABEL: Record<z.output<typeof PolicyKind>, string> = {
  'funding-call': '资金申报通知',
  'implementation-opinion': '实施意见',
  'work-notice': '工作通知',
};

/** A programme (专项 / 重点方向 / 专项工程 / 主攻方向) grouping directions. */
export const Programme = z
  .object({
    id: Id.describe('专项 id，在同一政策内唯一'),
    name: z.string().trim().min(2).describe('专项名称，按原文'),
    /** What the text calls this level: 专项, 重点方向, 专项工程, 主攻方向… */
    level: z.string().min(1).describe('原文对这一层级的叫法：专项、重点方向、专项工程、主攻方向…'),
    order: z.number().int().nonnegative().describe('原文顺序'),
    /** Plain-language summary (our words). */
    summary: z.string().min(1).optional().describe('白话概述（本站撰写）'),
    ...CitationFields,
  })
  .strict();
export type Programme = z.output<typeof Programme>;

/** `policies/<id>/policy.yaml`: the document itself. */
export const PolicyFile = z
  .object({
    id: Id.describe('政策 id（稳定，用作文件名和网址）'),
    province: z.enum(PROVINCES).describe('省份'),
    /** The year the project names the document by (INDEX.md). */
    year: z.number().int().min(2000).max(2100).meta({ description: '文件年份（本站据以命名）', unit: '年' }),
    kind: PolicyKind.describe('文件类型：funding-call 资金申报通知，implementation-opinion 实施意见，work-notice 工作通知'),
    /** The printed title, or explicitly not stated (2017 has no title line). */
    title: MaybeStated.describe('原文标题，或原文未载明'),
    /** Our short label for lists and tabs; not a fact, never cited. */
    shortTitle: z.string().min(2).describe('本站所用的简称（非事实，不带引文）'),
    issuer: MaybeStated.describe('发文单位，或原文未载明'),
    /** 发文字号 such as 晋工信投资字〔2026〕12号, or not stated. Never inferred. */
    docNumber: MaybeStated.describe('发文字号，或原文未载明（从不推断）'),
    /** 主送: to whom the document is addressed. */
    addressees: MaybeStated.describe('主送单位，或原文未载明'),
    programmes: z.array(Programme).min(1).describe('专项（方向的上一级分组）'),
    /**
     * For a funding call that prints no application deadline: the date its own text counts to, used as
     * the self-check's as-of date (“距申报时间…” and the like) instead of the clock. Cited; the date's
     * year, month and day must appear in the quote.
     */
    asOf: z
      .object({
        date: IsoDate.describe('判断基准日（ISO 日期）'),
        label: z.string().trim().min(2).describe('为何以此日为基准，如 “原文统计截止日（截至 2022 年 6 月 30 日）”'),
        ...CitationFields,
      })
      .strict()
      .optional()
      .describe('判断基准日：原文未印申报截止日时，自查中日期类条件按原文自身载明的这一日期判断（不按当天）'),
    dates: z.array(KeyDate).default([]).describe('政策的日期'),
    /** Conditions that apply to every direction (blacklists, safety accidents, double funding). */
    eligibility: z.array(Criterion).default([]).describe('适用于全部方向的条件（黑名单、安全事故、重复支持等）'),
    /** Materials every applicant provides. */
    materials: z.array(Material).default([]).describe('所有申报单位都须提供的材料'),
    provisions: z.array(Provision).default([]).describe('其他带引文的条款：目标、保障措施、工作要求等'),
    inconsistencies: z.array(Inconsistency).default([]).describe('原文前后不一致之处，各写法均带引文'),
    /** The verbatim original beside this file, and where it came from. */
    source: z
      .object({
        /** File name of the seed the text was copied from (shared/seeds/). */
        seedFile: z.string().min(1).describe('原文副本的文件名'),
        /** SHA-256 of source.txt, so an edit to the original fails the check. */
        sha256: z.string().regex(/^[0-9a-f]{64}$/).describe('source.txt 的 SHA-256，原文被改动时校验失败'),
      })
      .strict()
      .describe('原文文件及其校验值'),
    /** Documents the notice bases itself on (根据《…》), each cited. */
    basis: z.array(z.object({ text: z.string().min(1).describe('所依据的文件名称'), ...CitationFields }).strict()).default([]).describe('通知所依据的文件（根据《…》），各带引文'),
  })
  .strict();
export type PolicyFile = z.output<typeof PolicyFile>;
