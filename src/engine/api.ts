/**
 * The engine as a library, in one call: a raw profile (as parsed from JSON, answers like “1.2亿元”
 * accepted) → validation → evaluation → the same output the CLI prints. For Node scripts and tests;
 * the browser imports index.ts instead (this module brings zod for validation).
 */
import { compileCorpus, evaluateProfile } from './index.ts';
import type { InputError } from './parse-input.ts';
import { toBriefOutput, toOutput, type BriefOutput, type Output } from './output.ts';
import { validateProfile } from './profile.ts';
import type { EngineData, EvaluateOptions } from './types.ts';

export type { BriefOutput, Output, OutputResult } from './output.ts';
export type { ExplainedReason, Requirement } from './explain.ts';

export type EvaluateResult<O> = { ok: true; output: O } | { ok: false; errors: InputError[] };

/**
 * Validates `profile` against the corpus's field registry and evaluates it. `options` as for
 * {@link evaluateProfile}: `today` (ISO, Asia/Shanghai) only sets each result's round status; `asOf`
 * overrides every policy's as-of date; `policy` narrows to one policy. Never reads the clock.
 */
export function evaluate(data: EngineData, profile: unknown, options?: EvaluateOptions): EvaluateResult<Output>;
export function evaluate(data: EngineData, profile: unknown, options: EvaluateOptions & { brief: true }): EvaluateResult<BriefOutput>;
export function evaluate(data: EngineData, profile: unknown, options: EvaluateOptions & { brief?: boolean } = {}): EvaluateResult<Output | BriefOutput> {
  // The compiled corpus (cached per data object) carries the registry, so the profile schema built
  // from it is cached too: a loop over many profiles validates each in microseconds.
  const compiled = compileCorpus(data);
  const checked = validateProfile(profile, compiled.registry);
  if (!checked.ok) return { ok: false, errors: checked.errors };
  const { brief, ...rest } = options;
  const output = toOutput(evaluateProfile(compiled, checked.profile, rest), data);
  return { ok: true, output: brief ? toBriefOutput(output) : output };
}
