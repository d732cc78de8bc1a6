import { z } from 'zod';
import { POLICY_KINDS, PROVINCES } from '../model/enums.ts';
import { CitationFields, Id, MaybeStated } from './citation.ts';
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
    id: Id,
    name: z.string().trim().min(2),
    /** What the text calls this level: 专项, 重点方向, 专项工程, 主攻方向… */
    level: z.string().min(1),
    order: z.number().int().nonnegative(),
    /** Plain-language summary (our words). */
    summary: z.string().min(1).optional(),
    ...CitationFields,
  })
  .strict();
export type Programme = z.output<typeof Programme>;

/** `policies/<id>/policy.yaml`: the document itself. */
export const PolicyFile = z
  .object({
    id: Id,
    province: z.enum(PROVINCES),
    /** The year the project names the document by (INDEX.md). */
    year: z.number().int().min(2000).max(2100),
    kind: PolicyKind,
    /** The printed title, or explicitly not stated (2017 has no title line). */
    title: MaybeStated,
    /** Our short label for lists and tabs; not a fact, never cited. */
    shortTitle: z.string().min(2),
    issuer: MaybeStated,
    /** 发文字号 such as 晋工信投资字〔2026〕12号, or not stated. Never inferred. */
    docNumber: MaybeStated,
    /** 主送: to whom the document is addressed. */
    addressees: MaybeStated,
    programmes: z.array(Programme).min(1),
    dates: z.array(KeyDate).default([]),
    /** Conditions that apply to every direction (blacklists, safety accidents, double funding). */
    eligibility: z.array(Criterion).default([]),
    /** Materials every applicant provides. */
    materials: z.array(Material).default([]),
    provisions: z.array(Provision).default([]),
    inconsistencies: z.array(Inconsistency).default([]),
    /** The verbatim original beside this file, and where it came from. */
    source: z
      .object({
        /** File name of the seed the text was copied from (shared/seeds/). */
        seedFile: z.string().min(1),
        /** SHA-256 of source.txt, so an edit to the original fails the check. */
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
      })
      .strict(),
    /** Documents the notice bases itself on (根据《…》), each cited. */
    basis: z.array(z.object({ text: z.string().min(1), ...CitationFields }).strict()).default([]),
  })
  .strict();
export type PolicyFile = z.output<typeof PolicyFile>;
