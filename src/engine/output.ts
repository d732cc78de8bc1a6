/**
 * The engine's answer as scripts read it (the CLI prints it, one object per profile): per policy the
 * as-of date and where it came from; per direction the verdict, what is `missing` to decide it, the
 * round's status, the support with its working, and each reason with the fields it read, the firm's
 * value and the requirement. Pure and zod-free; its JSON Schema is in output-schema.ts.
 */
import type { RoundStatus } from '../model/round.ts';
import { explainReasons, type ExplainedReason } from './explain.ts';
import { compileCorpus } from './index.ts';
import type { AsOfBasis, EngineData, Evaluation, RuleWarning, SupportBasis, SupportStep, Verdict } from './types.ts';

export interface OutputResult {
  policy: string;
  direction: string;
  name: string;
  verdict: Verdict;
  /** Evaluable criteria met, of how many. */
  met: number;
  of: number;
  /** For `unknown`: the unanswered fields whose answers would decide the verdict; empty otherwise. */
  missing: string[];
  /** Criteria a person must confirm (待确认). */
  confirm: string[];
  /** The round's status on the day of the call (never part of the verdict). */
  round: RoundStatus | null;
  /** Only for `eligible` and `unknown`; null otherwise, or where the text prints no amount. */
  maxSupportWan: number | null;
  supportBasis: SupportBasis;
  supportWorking: SupportStep[];
  reasons: ExplainedReason[];
}

export interface Output {
  /** The as-of date of each evaluated policy, keyed by policy id. */
  asOf: Record<string, string | null>;
  asOfBasis: Record<string, AsOfBasis>;
  results: OutputResult[];
  warnings: RuleWarning[];
}

/**
 * The brief form (`--brief`, for batches): the same results without the texts a script can join back
 * from the open data by id (quotes, locators, labels, readable thresholds, the support working).
 */
export type BriefReason = Pick<ExplainedReason, 'criterion' | 'scope' | 'status' | 'fields' | 'value'> & { items?: BriefReason[] };
export type BriefResult = Omit<OutputResult, 'supportWorking' | 'reasons'> & { reasons: BriefReason[] };
export interface BriefOutput extends Omit<Output, 'results' | 'warnings'> {
  results: BriefResult[];
  warnings: Pick<RuleWarning, 'rule' | 'kind' | 'policy' | 'directions'>[];
}

function briefReason(r: ExplainedReason): BriefReason {
  return { criterion: r.criterion, scope: r.scope, status: r.status, fields: r.fields, value: r.value, ...(r.items ? { items: r.items.map(briefReason) } : {}) };
}

export function toBriefOutput(output: Output): BriefOutput {
  return {
    asOf: output.asOf,
    asOfBasis: output.asOfBasis,
    results: output.results.map(({ supportWorking: _w, reasons, ...rest }) => ({ ...rest, reasons: reasons.map(briefReason) })),
    warnings: output.warnings.map((w) => ({ rule: w.rule, kind: w.kind, policy: w.policy, directions: w.directions })),
  };
}

export function toOutput(evaluation: Evaluation, data: EngineData): Output {
  const policies = new Map(data.policies.map((p) => [p.id, p]));
  const { registry } = compileCorpus(data);
  return {
    asOf: evaluation.asOf,
    asOfBasis: evaluation.asOfBasis,
    results: evaluation.results.map((r): OutputResult => {
      const policy = policies.get(r.policy)!;
      const direction = policy.directions.find((d) => d.id === r.direction)!;
      return {
        policy: r.policy,
        direction: r.direction,
        name: r.name,
        verdict: r.verdict,
        met: r.met,
        of: r.of,
        missing: r.missing,
        confirm: r.confirm,
        round: r.round,
        maxSupportWan: r.maxSupportWan,
        supportBasis: r.supportBasis,
        supportWorking: r.supportWorking,
        reasons: explainReasons(policy, direction, r.reasons, r.asOf, registry),
      };
    }),
    warnings: evaluation.warnings,
  };
}
