import { z } from 'zod';
import { RULE_KINDS } from '../model/enums.ts';
import { CitationFields, Id } from './citation.ts';

/**
 * A combination rule: which directions cannot be claimed together, or only once.
 * - one-per-application: 不得多头申报 (one programme and one direction per application)
 * - mutually-exclusive: the listed directions are not supported together (same year, same loan…)
 * - once-only: a direction may be received only once (两化融合 only once)
 * - one-per-year: at most one award a year (同一年度新增试点示范只奖励1项)
 * - not-previously-funded: excluded if funded by this or another fund before
 */
export const RuleKind = z.enum(RULE_KINDS);

export const CombinationRule = z
  .object({
    id: Id,
    kind: RuleKind,
    /** Plain-language statement of the rule. */
    text: z.string().trim().min(2),
    /** Directions the rule binds; empty means every direction of the policy. */
    directions: z.array(Id).default([]),
    ...CitationFields,
  })
  .strict();
export type CombinationRule = z.output<typeof CombinationRule>;

export const RuleFile = z.object({ rules: z.array(CombinationRule) }).strict();
