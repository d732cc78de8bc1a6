/**
 * The date criteria are judged on (“距申报时间不超过5年” is counted to it). By default the policy's
 * application deadline; otherwise today in Asia/Shanghai, which the caller passes in: the engine never
 * reads the clock, so the same inputs always give the same answer.
 */
import type { KeyDate } from '../schemas/index.ts';
import { lastDay } from '../lib/dates.ts';
import type { EnginePolicy } from './types.ts';

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

/**
 * As-of date for a policy: an explicit override wins, then the policy's deadline, then `today`
 * (Asia/Shanghai, supplied by the caller). Null when none is available.
 */
export function resolveAsOf(policy: Pick<EnginePolicy, 'dates' | 'directions'>, override?: string, today?: string): string | null {
  return override ?? policyDeadline(policy) ?? today ?? null;
}
