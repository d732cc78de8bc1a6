/**
 * The date criteria are judged on (“距申报时间不超过5年” is counted to it): the caller's override, else
 * the policy's application deadline, else the date its text implies (`asOf` in policy.yaml, cited).
 * Never today: the engine never reads the clock, and a verdict must not change with the day it is run.
 */
import { applicationDeadline } from '../model/dates.ts';
import type { AsOfBasis, EnginePolicy } from './types.ts';

/** The policy's deadline, as the model defines it once ({@link applicationDeadline}). Null when the text sets none. */
export function policyDeadline(policy: Pick<EnginePolicy, 'dates' | 'directions'>): string | null {
  return applicationDeadline(policy);
}

/** As-of date for a policy and where it came from: an explicit override, the deadline, the text's own date, or none. */
export function resolveAsOf(policy: Pick<EnginePolicy, 'dates' | 'directions' | 'asOf'>, override?: string): { date: string | null; basis: AsOfBasis } {
  if (override !== undefined) return { date: override, basis: 'option' };
  const deadline = policyDeadline(policy);
  if (deadline !== null) return { date: deadline, basis: 'deadline' };
  if (policy.asOf) return { date: policy.asOf.date, basis: 'stated' };
  return { date: null, basis: 'none' };
}
