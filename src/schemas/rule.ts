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
    id: Id.describe('规则 id，在同一政策内唯一'),
    kind: RuleKind.describe('规则类型：one-per-application 不得多头申报，mutually-exclusive 不同时支持，once-only 只支持一次，one-per-year 同一年度只奖励一项，not-previously-funded 已获支持的不得重复'),
    /** Plain-language statement of the rule. */
    text: z.string().trim().min(2).describe('规则的白话表述（本站撰写）'),
    /** Directions the rule binds; empty means every direction of the policy. */
    directions: z.array(Id).default([]).describe('规则约束的方向 id；为空表示该政策的全部方向'),
    ...CitationFields,
  })
  .strict();
export type CombinationRule = z.output<typeof CombinationRule>;

export const RuleFile = z.object({ rules: z.array(CombinationRule) }).strict();
