/**
 * Combination warnings: when a profile may qualify for directions that a rule restricts
 * (不得多头申报、不重复支持、只奖励一次…), say so with the rule's own words. A warning never changes a
 * verdict: which direction to choose is the applicant's decision.
 */
import type { CombinationRule } from '../schemas/index.ts';
import type { DirectionResult, RuleWarning } from './types.ts';

const KIND_MESSAGE: Record<CombinationRule['kind'], string> = {
  'one-per-application': '每次申报只能选择其中一个方向',
  'mutually-exclusive': '不能同时获得支持',
  'once-only': '同一支持只能获得一次',
  'one-per-year': '同一年度只能获得一项',
  'not-previously-funded': '已获其他资金支持的不得重复享受',
};

/**
 * How many of a rule's directions must be open for the rule to matter:
 * - `once-only` and `not-previously-funded` concern what the applicant received before, so one open
 *   direction is enough;
 * - the others concern choosing between directions, so two are needed — unless the rule binds a single
 *   direction, whose counterpart lies outside this notice (another fund, another year).
 */
export function openNeeded(rule: Pick<CombinationRule, 'kind' | 'directions'>): 1 | 2 {
  if (rule.kind === 'once-only' || rule.kind === 'not-previously-funded') return 1;
  return (rule.directions?.length ?? 0) === 1 ? 1 : 2;
}

/**
 * Warnings for one policy's rules, given that policy's results. A rule fires when the profile is
 * eligible for at least one of the directions it binds, and eligible or possibly eligible (`unknown`)
 * for enough of them (see {@link openNeeded}; a rule listing no directions binds all the policy's
 * evaluated directions). Ineligible and guidance directions do not count: nobody can claim them.
 *
 * Why one must be eligible: a rule restricts a choice (or a repeat claim), and until the answers make
 * the profile eligible for something there is no choice to restrict. Counting bare unknowns made an
 * empty profile, unknown everywhere, collect a warning for every rule of every policy.
 */
export function combinationWarnings(policyId: string, rules: readonly CombinationRule[], results: readonly DirectionResult[]): RuleWarning[] {
  const warnings: RuleWarning[] = [];
  if (rules.length === 0) return warnings;
  const open: DirectionResult[] = [];
  for (const r of results) if (r.policy === policyId && (r.verdict === 'eligible' || r.verdict === 'unknown')) open.push(r);
  if (open.length === 0) return warnings;
  for (const rule of rules) {
    const bound = rule.directions ?? [];
    const hit: DirectionResult[] = [];
    for (const r of open) if (bound.length === 0 || bound.includes(r.direction)) hit.push(r);
    if (hit.length < openNeeded(rule) || !hit.some((r) => r.verdict === 'eligible')) continue;
    const names = hit.map((r) => `“${r.name}”`).join('、');
    const what = hit.length > 1 ? `${names} 等 ${hit.length} 个方向` : names;
    warnings.push({
      rule: rule.id,
      kind: rule.kind,
      policy: policyId,
      directions: hit.map((r) => r.direction),
      text: rule.text,
      quote: rule.quote,
      at: rule.at,
      message: `您可能符合 ${what}，但${KIND_MESSAGE[rule.kind]}：${rule.text}（${rule.at}）`,
    });
  }
  return warnings;
}
