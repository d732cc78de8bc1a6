/**
 * The date criteria are judged on (“距申报时间不超过5年” is counted to it). By default the policy's
 * application deadline, defined once in the model; otherwise today in Asia/Shanghai, which the caller
 * passes in: the engine never reads the clock, so the same inputs always give the same answer.
 */
import { applicationDeadline } from '../model/dates.ts';
import type { EnginePolicy } from './types.ts';

/** The policy's deadline (see {@link applicationDeadline}). Null when the text sets none. */
export function policyDeadline(policy: Pick<EnginePolicy, 'dates' | 'directions'>): string | null {
  return applicationDeadline(policy);
}
