/**
 * The self-check engine: a profile + the corpus → a verdict per direction, with reasons, maximum
 * support and combination warnings. Pure: no I/O, no clock, no DOM, no node: imports, so the CLI,
 * the tests and the browser run exactly the same code.
 *
 * Everything that does not depend on the profile (field registry, derived-field order, criteria
 * pruned per direction, display texts, deadlines) is prepared once per corpus by {@link compileCorpus}
 * and cached, so one evaluation is a walk over plain objects.
 */
import type { Field } from '../schemas/index.ts';
import { pruneFor } from '../model/criteria.ts';
import { roundStatus } from '../model/round.ts';
import { policyDeadline, resolveAsOf } from './asof.ts';
import { applyDerived, planDerived, type DerivePlan } from './derive.ts';
import { aggregate, compileCriteria, decidingFields, evaluateNode, orderReasons, type CriterionNode, type EvalContext } from './evaluate.ts';
import { isIsoDate } from './iso-date.ts';
import { fieldRegistry } from './registry.ts';
import { combinationWarnings } from './rules.ts';
import { maxSupport } from './support.ts';
import type { AsOfBasis, DirectionResult, EngineData, Reason, SupportResult, EngineDirection, EnginePolicy, Evaluation, EvaluateOptions, Profile, RuleWarning } from './types.ts';

export * from './types.ts';
export { fieldRegistry } from './registry.ts';
export { parseFieldValue, isUnknownInput, describeInput, type InputError, type ParseResult } from './parse-input.ts';
export { applyDerived, deriveValue, planDerived, type DerivePlan } from './derive.ts';
export { aggregate, compileCriteria, decidingFields, evaluateNode, orderReasons, withinYearsFrom, type CriterionNode, type EvalContext } from './evaluate.ts';
export { maxSupport, NO_AMOUNT } from './support.ts';
export { combinationWarnings, openNeeded } from './rules.ts';
export { policyDeadline, resolveAsOf } from './asof.ts';
export { isIsoDate, minusMonths } from './iso-date.ts';

interface CompiledDirection {
  direction: EngineDirection;
  /**
   * Policy eligibility then the direction's criteria. A number is an index into the policy's shared
   * criteria (evaluated once per profile for all its directions); a node is specific to this direction
   * (its own criteria, or a policy criterion with an exception that concerns it).
   */
  nodes: (CriterionNode | number)[];
  guidance: boolean;
  /** The support result when it does not depend on the answers (fixed, tiers, not stated, guidance). */
  staticSupport: SupportResult | undefined;
}

interface CompiledPolicy {
  policy: EnginePolicy;
  deadline: string | null;
  /** The as-of date when the caller gives none: the deadline, else the date the text implies. */
  defaultAsOf: { date: string | null; basis: AsOfBasis };
  /** Policy criteria compiled with no exception applied, shared by every direction they apply to unchanged. */
  shared: (CriterionNode | undefined)[];
  directions: CompiledDirection[];
}

/** The corpus prepared for evaluation. Build it with {@link compileCorpus}. */
export interface CompiledCorpus {
  readonly kind: 'compiled-corpus';
  registry: ReadonlyMap<string, Field>;
  /** Ids of asked (non-derived) fields: the only keys read from a profile. */
  asked: readonly string[];
  plan: DerivePlan;
  policies: readonly CompiledPolicy[];
}

const GUIDANCE_SUPPORT: SupportResult = { maxSupportWan: null, basis: 'none', working: [{ text: '指导性文件，不据此申报资金' }] };

const compiledCache = new WeakMap<object, CompiledCorpus>();

/**
 * Prepares corpus-like data for evaluation (cached per data object, so passing the same corpus again
 * costs nothing).
 */
export function compileCorpus(data: EngineData): CompiledCorpus {
  const hit = compiledCache.get(data);
  if (hit) return hit;
  const registry = fieldRegistry(data);
  const asked = [...registry.values()].filter((f) => f.type !== 'derived').map((f) => f.id);
  const policies = data.policies.map((policy): CompiledPolicy => {
    const funding = policy.kind === 'funding-call';
    const eligibility = policy.eligibility ?? [];
    // One entry per eligibility criterion (undefined if it compiles to nothing), so indexes line up.
    const shared = eligibility.map((c) => compileCriteria([c], 'policy', '')[0]);
    return {
      policy,
      deadline: policyDeadline(policy),
      defaultAsOf: resolveAsOf(policy),
      shared,
      directions: policy.directions.map((direction): CompiledDirection => {
        const nodes: (CriterionNode | number)[] = [];
        eligibility.forEach((c, i) => {
          // Unchanged by this direction's exceptions (the model's pruneFor returns it as is): share it.
          if (pruneFor(c, direction.id) === c) return void (shared[i] && nodes.push(i));
          nodes.push(...compileCriteria([c], 'policy', direction.id));
        });
        nodes.push(...compileCriteria(direction.criteria ?? [], 'direction', direction.id));
        const guidance = !funding || direction.guidanceOnly === true;
        const formula = direction.support?.formula;
        // Only formulas with a base use the answers; every other result is the same for every profile.
        const dynamic = formula !== undefined && (formula.kind === 'rate' || formula.kind === 'parts' || (formula.kind === 'upTo' && formula.base !== undefined));
        const staticSupport = guidance ? GUIDANCE_SUPPORT : dynamic ? undefined : maxSupport(direction.support, {});
        return { direction, nodes, guidance, staticSupport };
      }),
    };
  });
  const compiled: CompiledCorpus = { kind: 'compiled-corpus', registry, asked, plan: planDerived(registry), policies };
  compiledCache.set(data, compiled);
  return compiled;
}

function isCompiled(x: EngineData | CompiledCorpus): x is CompiledCorpus {
  return (x as CompiledCorpus).kind === 'compiled-corpus';
}

/**
 * The answers the engine reads: each asked field copied from the profile (own properties only, so a
 * `__proto__` key is inert), then the derived fields computed. Values are not parsed here; evaluation
 * treats anything of the wrong type as unknown.
 */
function valuesOf(c: CompiledCorpus, profile: Profile): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const ok = profile !== null && typeof profile === 'object' && !Array.isArray(profile);
  for (const id of c.asked) values[id] = ok && Object.hasOwn(profile, id) ? profile[id] : undefined;
  applyDerived(values, c.plan);
  return values;
}

/** Support is shown only where the profile may still get it; elsewhere the working says why there is no figure. */
function supportFor(verdict: DirectionResult['verdict'], support: SupportResult): SupportResult {
  if (verdict !== 'ineligible' || support.maxSupportWan === null) return support;
  return { ...support, maxSupportWan: null, working: [...support.working, { text: '结论为不符合，不列最高支持金额' }] };
}

function evaluateDirection(
  policy: EnginePolicy,
  d: CompiledDirection,
  shared: readonly Reason[],
  ctx: EvalContext,
  registry: ReadonlyMap<string, Field>,
  round: DirectionResult['round'],
): DirectionResult {
  const evaluated: Reason[] = [];
  for (const n of d.nodes) evaluated.push(typeof n === 'number' ? shared[n]! : evaluateNode(n, ctx));
  const reasons = orderReasons(evaluated);
  const agg = aggregate(reasons, d.guidance, d.direction.schemeSeparately !== undefined);
  const support = supportFor(agg.verdict, d.staticSupport ?? maxSupport(d.direction.support, ctx.values));
  const { asOf, values } = ctx;
  const deciding = agg.verdict === 'unknown' ? decidingFields(reasons, registry, values) : [];
  return {
    policy: policy.id,
    direction: d.direction.id,
    name: d.direction.name,
    asOf,
    verdict: agg.verdict,
    met: agg.met,
    of: agg.of,
    reasons,
    confirm: agg.confirm,
    decidingFields: deciding,
    missing: deciding,
    round,
    maxSupportWan: support.maxSupportWan,
    supportBasis: support.basis,
    supportWorking: support.working,
    ...(d.direction.schemeSeparately ? { schemeSeparately: { quote: d.direction.schemeSeparately.quote, at: d.direction.schemeSeparately.at } } : {}),
  };
}

/**
 * Evaluates a profile against every direction (or one policy's, with `options.policy`).
 *
 * - Policy `eligibility` criteria apply to each of its directions (minus `exceptDirections`).
 * - As-of date per policy: `options.asOf`, else the policy's deadline, else the date its text implies
 *   (`asOf` in policy.yaml), else none. `options.today` only sets each result's `round` status.
 * - `maxSupportWan` is given for `eligible` and `unknown` only.
 * - Directions of non-funding documents, or marked `guidanceOnly`, get `guidance`, never `eligible`;
 *   directions whose scheme is announced separately get `unknown` at best.
 *
 * The profile should have been validated at the boundary ({@link validateProfile}); the engine still
 * never throws on a malformed one: wrong-typed values count as unknown.
 *
 * @throws RangeError when `options.asOf` or `options.today` is not an ISO date (a caller's bug).
 */
export function evaluateProfile(data: EngineData | CompiledCorpus, profile: Profile, options: EvaluateOptions = {}): Evaluation {
  if (options.asOf !== undefined && !isIsoDate(options.asOf)) throw new RangeError(`asOf 应为 YYYY-MM-DD 日期，实际为 ${String(options.asOf)}`);
  if (options.today !== undefined && !isIsoDate(options.today)) throw new RangeError(`today 应为 YYYY-MM-DD 日期，实际为 ${String(options.today)}`);
  const c = isCompiled(data) ? data : compileCorpus(data);
  const values = valuesOf(c, profile);
  const results: DirectionResult[] = [];
  const warnings: RuleWarning[] = [];
  const asOfs: Record<string, string | null> = {};
  const asOfBasis: Record<string, AsOfBasis> = {};
  for (const p of c.policies) {
    if (options.policy !== undefined && p.policy.id !== options.policy) continue;
    const resolved = options.asOf !== undefined ? { date: options.asOf, basis: 'option' as const } : p.defaultAsOf;
    const asOf = resolved.date;
    asOfs[p.policy.id] = asOf;
    asOfBasis[p.policy.id] = resolved.basis;
    const round = options.today !== undefined ? roundStatus({ fundingCall: p.policy.kind === 'funding-call', deadline: p.deadline }, options.today) : null;
    const ctx: EvalContext = { values, asOf };
    // Policy criteria are judged once per profile and the same (read-only) reasons shared by directions.
    const shared: Reason[] = [];
    for (const n of p.shared) shared.push(n ? evaluateNode(n, ctx) : (undefined as never));
    const start = results.length;
    for (const d of p.directions) results.push(evaluateDirection(p.policy, d, shared, ctx, c.registry, round));
    warnings.push(...combinationWarnings(p.policy.id, p.policy.rules ?? [], results.slice(start)));
  }
  return { asOf: asOfs, asOfBasis, results, warnings };
}
