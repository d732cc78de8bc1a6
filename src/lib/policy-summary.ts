import { policyDeadline as engineDeadline } from '../engine/asof.ts';
import type { Policy } from './corpus.ts';
import { deadlineStatus } from './dates.ts';

/**
 * The application deadline (申报截止), if the text prints one. Only funding calls have one: a work
 * notice's “2月14日前” is a reporting duty, not an application deadline. The date itself is the
 * engine's, so pages and the self-check's default as-of date always agree.
 */
export function policyDeadline(p: Policy): string | undefined {
  return p.kind === 'funding-call' ? (engineDeadline(p) ?? undefined) : undefined;
}

/** The status line of a policy for lists: its deadline's state, or why there is none. */
export function policyStatus(p: Policy, today: string): { state: 'closed' | 'today' | 'open' | 'none'; text: string; deadline?: string } {
  if (p.kind !== 'funding-call') return { state: 'none', text: '非申报通知（指导性文件）' };
  const deadline = policyDeadline(p);
  if (!deadline) return { state: 'none', text: '原文未载明申报截止日期' };
  return { ...deadlineStatus(deadline, today), deadline };
}
