import { z } from 'zod';
import { EVOLUTION_KINDS } from '../model/enums.ts';
import { CitationFields, Id } from './citation.ts';

/**
 * The crosswalk (`policies/crosswalk.yaml`): which directions of different policies are comparable,
 * grouped by theme, and how Shanxi's programmes changed from one document to the next. It is data,
 * not prose: every difference it claims cites the texts it comes from, and the check
 * (src/lib/crosswalk.ts) refuses a crosswalk that leaves a direction unplaced.
 */

/** `<policy-id>/<direction-id>`, e.g. `shanxi-2026-item-type/merger-award`. */
export const DirectionRef = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/, '应为 “<政策 id>/<方向 id>”，例如 “shanxi-2026-item-type/merger-award”');
export type DirectionRef = z.output<typeof DirectionRef>;

/** A verbatim quote from one policy's `source.txt` (whitespace may differ). */
export const CrosswalkCite = z
  .object({
    /** Id of the policy whose source contains the quote. */
    policy: Id.describe('引文所在的政策 id'),
    ...CitationFields,
  })
  .strict();
export type CrosswalkCite = z.output<typeof CrosswalkCite>;

/** One way in which linked directions differ, in our words, with the clauses of each side. */
export const CrosswalkDifference = z
  .object({
    /** The difference in one sentence (our words; the figures are in the cites). */
    text: z.string().trim().min(4).describe('差异的一句话表述（本站撰写；数字见引文）'),
    /** The clauses that show it: at least one per policy of the link (the check enforces this). */
    cites: z.array(CrosswalkCite).min(1).describe('体现差异的原文条款，每个政策至少一条'),
  })
  .strict();
export type CrosswalkDifference = z.output<typeof CrosswalkDifference>;

/** Directions that are comparable with each other, and why. */
export const CrosswalkLink = z
  .object({
    /** The comparable directions, in any policies. */
    directions: z.array(DirectionRef).min(1).describe('可比的方向，写作 “<政策 id>/<方向 id>”'),
    /** One line on what makes them comparable (our words). */
    note: z.string().trim().min(4).describe('可比之处的一句话说明（本站撰写）'),
    /** Where they differ; each difference cites both texts. Empty when only one policy is linked. */
    differences: z.array(CrosswalkDifference).default([]).describe('差异，各引两边原文'),
  })
  .strict();
export type CrosswalkLink = z.output<typeof CrosswalkLink>;

/** A theme: a family of comparable directions across policies, e.g. 绿色低碳. */
export const CrosswalkTheme = z
  .object({
    /** URL slug: the theme page is /compare/<id>/. */
    id: Id.describe('主题 id：主题页为 /compare/<id>/'),
    /** Display name, e.g. “融资支持（贴息、保险增信、融资租赁）”. */
    name: z.string().trim().min(2).describe('主题名称'),
    /** What the theme covers, in our words (no figures: those come from the data). */
    summary: z.string().trim().min(4).describe('主题涵盖什么（本站撰写，不含数字）'),
    /** Groups of comparable directions. */
    links: z.array(CrosswalkLink).min(1).describe('可比方向的分组'),
  })
  .strict();
export type CrosswalkTheme = z.output<typeof CrosswalkTheme>;

/** A direction that has no counterpart in any other policy, with the reason. */
export const NoCounterpart = z
  .object({
    direction: DirectionRef.describe('无可比对象的方向 “<政策 id>/<方向 id>”'),
    /** Why nothing elsewhere compares (our words). */
    reason: z.string().trim().min(4).describe('为何其他政策中没有可比方向（本站撰写）'),
  })
  .strict();
export type NoCounterpart = z.output<typeof NoCounterpart>;

/**
 * One end of an evolution step: a policy, optionally narrowed to one programme or one direction of it,
 * with the clause that shows it. Neither programme nor direction means the policy as a whole (its
 * support mode, say).
 */
export const EvolutionEnd = z
  .object({
    policy: Id.describe('政策 id'),
    /** A programme id of that policy (专项 / 专项工程…). */
    programme: Id.optional().describe('专项 id（限定到某一专项时）'),
    /** A direction id of that policy. */
    direction: Id.optional().describe('方向 id（限定到某一方向时）'),
    ...CitationFields,
  })
  .strict()
  .refine((e) => e.programme === undefined || e.direction === undefined, { message: 'programme 与 direction 只能给出其一', path: ['direction'] });
export type EvolutionEnd = z.output<typeof EvolutionEnd>;

/**
 * renamed 更名 (the same thing under a new name) · appeared 新出现 · disappeared 不再出现 ·
 * changed-mode 方式改变 (same purpose, different support mode or threshold).
 */
export const EvolutionKind = z.enum(EVOLUTION_KINDS);
export type EvolutionKind = z.output<typeof EvolutionKind>;
export const EVOLUTION_KIND_LABEL: Record<EvolutionKind, string> = {
  renamed: '更名',
  appeared: '新出现',
  disappeared: '不再出现',
  'changed-mode': '方式改变',
};

/** One change between two of a province's documents, cited at both ends. */
export const EvolutionStep = z
  .object({
    /** Unique in the file; the anchor on /compare/shanxi-over-time/. */
    id: Id.describe('演变步骤 id'),
    kind: EvolutionKind.describe('变化类型：renamed 更名，appeared 新出现，disappeared 不再出现，changed-mode 方式改变'),
    /** The earlier form. Required except for `appeared`. */
    from: EvolutionEnd.optional().describe('变化前（appeared 以外必填）'),
    /** The later form. Required except for `disappeared`. */
    to: EvolutionEnd.optional().describe('变化后（disappeared 以外必填）'),
    /** For `disappeared`: the later policy in which it no longer appears. */
    absentIn: Id.optional().describe('disappeared 时：不再出现的那份政策 id'),
    /** What changed, in one or two sentences (our words). */
    note: z.string().trim().min(4).describe('变化内容（本站撰写）'),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.kind !== 'appeared' && !s.from) ctx.addIssue({ code: 'custom', message: `kind 为 ${s.kind} 时需要 from`, path: ['from'] });
    if (s.kind !== 'disappeared' && !s.to) ctx.addIssue({ code: 'custom', message: `kind 为 ${s.kind} 时需要 to`, path: ['to'] });
    if (s.kind === 'disappeared' && !s.absentIn) ctx.addIssue({ code: 'custom', message: 'kind 为 disappeared 时需要 absentIn（不再出现的那份政策 id）', path: ['absentIn'] });
  });
export type EvolutionStep = z.output<typeof EvolutionStep>;

/** `policies/crosswalk.yaml`. */
export const CrosswalkFile = z
  .object({
    themes: z.array(CrosswalkTheme).min(1).describe('比较主题'),
    /** Directions placed in no theme, each with the reason. */
    noCounterpart: z.array(NoCounterpart).default([]).describe('未归入任何主题的方向及原因'),
    /** How Shanxi's programmes changed across its documents. */
    evolution: z.array(EvolutionStep).default([]).describe('山西历年专项的演变'),
  })
  .strict();
export type Crosswalk = z.output<typeof CrosswalkFile>;
