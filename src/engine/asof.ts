/**
 * The date criteria are judged on (“距申报时间不超过5年” is counted to it): the caller's override, else
 * the policy's application deadline, else the date its text implies (`asOf` in policy.yaml, cited).
 * Never today: the engine never reads the clock, and a verdict must not change with the day it is run.
 */
import type { KeyDate } from '../schemas/index.ts';
import { lastDay } from '../lib/dates.ts';
import type { AsOfBasis, EnginePolicy } from './types.ts';

/**
 * The policy's deadline: the latest `deadline` date of the policy itself, else the latest among its
 * directions' deadlines. Null when the text sets none (guidance documents).
 */
export function policyDeadline(policy: Pick<EnginePolicy, 'dates' | 'directions'>): string | null {
  const latest = (dates: readonly KeyDate[] | undefined) => {
    let best: string | null = null;
    for (const d of dates ?? []) {
      if (d.kind !== 'deadline') continue;
      const day = lastDay(d);
      if (day !== undefined && (best === null || day > best)) best = day;
    }
    return best;
  };
  const own = latest(policy.dates);
  if (own !== null) return own;
  let best: string | null = null;
  for (const dir of policy.directions) {
    const day = latest(dir.dates);
    if (day !== null && (best === null || day > best)) best = day;
  }
  return best;
}

/** As-of date for a policy and where it came from: an explicit override, the deadline, the text's own date, or none. */
export function resolveAsOf(policy: Pick<EnginePolicy, 'dates' | 'directions' | 'asOf'>, override?: string): { date: string | null; basis: AsOfBasis } {
  if (override !== undefined) return { date: override, basis: 'option' };
  const deadline = policyDeadline(policy);
  if (deadline !== null) return { date: deadline, basis: 'deadline' };
  if (policy.asOf) return { date: policy.asOf.date, basis: 'stated' };
  return { date: null, basis: 'none' };
}
