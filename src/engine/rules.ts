/**
 * Combination warnings: when a profile may qualify for several directions that a rule binds together
 * (不得多头申报、不重复支持、只奖励一次…), say so with the rule's own words. A warning never changes a
 * verdict: which direction to choose is the applicant's decision.
 */
import type { CombinationRule } from '../schemas/index.ts';
import type { DirectionResult, RuleWarning } from './types.ts';

const KIND_MESSAGE: Record<CombinationRule['kind'], string> = {
  'one-per-application': '每次申报只能选择其中一个方向',
  'mutually-exclusive': '这些方向不能同时获得支持',
  'once-only': '同一支持只能获得一次',
  'one-per-year': '同一年度只能获得其中一项',
  'not-previously-funded': '已获其他资金支持的项目不得重复申报',
};

/**
 * Warnings for one policy's rules, given that policy's results. A rule fires when the profile is
 * eligible or possibly eligible (`unknown`) for at least two of the directions it binds (all of the
 * policy's evaluated directions when the rule lists none). Ineligible and guidance directions do not
 * count: nobody can claim them.
 */
export function combinationWarnings(policyId: string, rules: readonly CombinationRule[], results: readonly DirectionResult[]): RuleWarning[] {
  const warnings: RuleWarning[] = [];
  if (rules.length === 0) return warnings;
  const open: DirectionResult[] = [];
  for (const r of results) if (r.policy === policyId && (r.verdict === 'eligible' || r.verdict === 'unknown')) open.push(r);
  if (open.length < 2) return warnings;
  for (const rule of rules) {
    const bound = rule.directions ?? [];
    const hit: DirectionResult[] = [];
    for (const r of open) if (bound.length === 0 || bound.includes(r.direction)) hit.push(r);
    if (hit.length < 2) continue;
    const names = hit.map((r) => `“${r.name}”`).join('、');
    warnings.push({
      rule: rule.id,
      kind: rule.kind,
      policy: policyId,
      directions: hit.map((r) => r.direction),
      text: rule.text,
      quote: rule.quote,
      at: rule.at,
      message: `您可能符合 ${names} 等 ${hit.length} 个方向，但${KIND_MESSAGE[rule.kind]}：${rule.text}（${rule.at}）`,
    });
  }
  return warnings;
}
