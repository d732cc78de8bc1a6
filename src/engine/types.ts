/**
 * Types shared by the self-check engine. The engine takes plain data (the validated corpus, or the
 * exported `policies.json` in the browser), so these types describe only the parts it reads.
 */
import type { CombinationRule, Criterion, Direction, Field, KeyDate } from '../schemas/index.ts';
import type { PolicyKindName, StatusName, VerdictName } from '../model/enums.ts';
import type { RoundStatus } from '../model/round.ts';

/** The answer “I don't know” (不确定). Missing answers mean the same. */
export const UNKNOWN = 'unknown';

/** Spellings people use for “I don't know”; all are read as {@link UNKNOWN}. */
export const UNKNOWN_WORDS: ReadonlySet<string> = new Set(['unknown', '不确定', '未知', '不清楚', '不知道']);

/** A known answer: number (in the field's unit), yes/no, choice, several choices, or ISO date. */
export type KnownValue = number | boolean | string | string[];

/** A value in a validated profile: a known answer or explicitly unknown. */
export type ProfileValue = KnownValue | typeof UNKNOWN;

/** A validated profile: field id → answer. Absent fields are unknown. */
export type ValidProfile = Record<string, ProfileValue>;

/**
 * What the engine accepts. It never trusts the shape: a value of the wrong type is treated as unknown,
 * so a hostile profile cannot make it throw or claim a criterion is met.
 */
export type Profile = Readonly<Record<string, unknown>>;

/** The parts of a direction the engine reads. */
export type EngineDirection = Pick<Direction, 'id' | 'name' | 'criteria'> & {
  support?: Direction['support'];
  guidanceOnly?: boolean;
  dates?: readonly KeyDate[];
  /** 具体方案另行通知: the conditions are not published yet, so the direction is never “eligible”. */
  schemeSeparately?: { quote: string; at: string };
};

/** The parts of a policy the engine reads (both `Policy` from the loader and the exported JSON fit). */
export interface EnginePolicy {
  id: string;
  kind: PolicyKindName;
  dates?: readonly KeyDate[];
  eligibility?: readonly Criterion[];
  rules?: readonly CombinationRule[];
  directions: readonly EngineDirection[];
  /** Fields the policy adds to the shared registry. */
  fields?: readonly Field[];
  /**
   * The as-of date the text itself implies when it prints no application deadline (Jiangsu: its
   * statistics cut-off “截至 2022 年 6 月 30 日”), with its clause. Never the clock.
   */
  asOf?: { date: string; quote: string; at: string };
}

/** The corpus-like data the engine evaluates against. */
export interface EngineData {
  policies: readonly EnginePolicy[];
  /** The shared field registry (policy fields are merged in as well). */
  fields: readonly Field[];
}

/** Outcome of one criterion. `confirm` means a person must judge it; it is never evaluated. */
export type Status = StatusName;

/**
 * One criterion's outcome with the clause it encodes. Results are read-only: a policy-wide criterion's
 * reason is one object shared by every direction it applies to (it is judged once per profile).
 */
export interface Reason {
  /** Criterion id (unique within its direction, or within the policy when `scope` is `policy`). */
  criterion: string;
  /** Whether the criterion is the policy's own (applies to every direction) or the direction's. */
  scope: 'policy' | 'direction';
  kind: Criterion['kind'];
  status: Status;
  label: string;
  quote: string;
  at: string;
  /** The profile field compared, for leaf criteria. */
  field?: string;
  /** The value compared (absent when unknown). */
  value?: KnownValue;
  /** The requirement in readable form, e.g. “≥ 3000 万元”. */
  threshold?: string;
  /** Outcomes of the items of `all` / `any` / `not`. */
  items?: Reason[];
}

export type Verdict = VerdictName;

/** One step of the support working, optionally with the clause it rests on. */
export interface SupportStep {
  text: string;
  quote?: string;
  at?: string;
}

/**
 * How `maxSupportWan` was obtained: computed from a rate, a fixed amount, the highest stated tier,
 * the printed cap over tiers without amounts (`cap`), an “up to” cap lowered by a known base
 * (`up-to`), or none (the text gives no amount, a needed answer is missing, or the direction has no
 * money).
 */
export type SupportBasis = 'rate' | 'parts' | 'fixed' | 'highest-tier' | 'cap' | 'up-to' | 'not-stated' | 'needs-input' | 'none';

export interface SupportResult {
  maxSupportWan: number | null;
  basis: SupportBasis;
  working: SupportStep[];
}

export interface DirectionResult {
  policy: string;
  direction: string;
  name: string;
  /** The date criteria were judged on. */
  asOf: string | null;
  verdict: Verdict;
  /** Evaluable criteria met. */
  met: number;
  /** Evaluable criteria (those that are not `confirm`). */
  of: number;
  /** Unmet first, then unknown, then confirm, then met. */
  reasons: Reason[];
  /** Criteria a person must confirm (status `confirm`). */
  confirm: string[];
  /** For `unknown`: the field ids whose answers would decide the verdict. */
  decidingFields: string[];
  /** The same as `decidingFields`, under the name the CLI and the open output use: empty unless `unknown`. */
  missing: string[];
  /**
   * The round's status on `options.today` (open / today / closed / no-deadline / guidance, with its zh-CN
   * text); null when the caller gave no `today`. It never affects the verdict.
   */
  round: RoundStatus | null;
  /**
   * Set when the text says the scheme is announced separately (具体方案另行通知): the verdict is then
   * `unknown` even if every listed criterion is met, since the real conditions are not published.
   */
  schemeSeparately?: { quote: string; at: string };
  /** The most the direction can give: only for `eligible` and `unknown`; null otherwise (and where no amount is printed). */
  maxSupportWan: number | null;
  supportBasis: SupportBasis;
  supportWorking: SupportStep[];
}

export interface RuleWarning {
  rule: string;
  kind: CombinationRule['kind'];
  policy: string;
  /** The bound directions the profile is eligible (or may be eligible) for. */
  directions: string[];
  text: string;
  quote: string;
  at: string;
  /** zh-CN sentence for the page. */
  message: string;
}

/**
 * Where a policy's as-of date came from: the caller's `asOf`, the policy's printed deadline, the date
 * its text implies (`EnginePolicy.asOf`), or nothing (dated criteria are then unknown).
 */
export type AsOfBasis = 'option' | 'deadline' | 'stated' | 'none';

export interface Evaluation {
  /** The as-of date of each evaluated policy, keyed by policy id (null when it has none). */
  asOf: Record<string, string | null>;
  /** Where each policy's as-of date came from. */
  asOfBasis: Record<string, AsOfBasis>;
  results: DirectionResult[];
  warnings: RuleWarning[];
}

export interface EvaluateOptions {
  /** Judge dates as of this ISO date instead of each policy's deadline. */
  asOf?: string;
  /** Evaluate only this policy. */
  policy?: string;
  /**
   * Today in Asia/Shanghai (ISO), supplied by the caller because the engine never reads the clock.
   * Used only for each result's `round` status, never for a verdict: a policy without a deadline is
   * judged on the date its text implies, or has its dated criteria unknown.
   */
  today?: string;
}
