import type { Policy } from './corpus.ts';
import { deadlineStatus } from './dates.ts';

/** The application deadline, if the text prints one. */
export function policyDeadline(p: Policy): string | undefined {
  const d = p.dates.find((x) => x.kind === 'deadline' && x.shape === 'day' && x.directions.length === 0);
  return d && d.shape === 'day' ? d.date : undefined;
}

/** The status line of a policy for lists: its deadline's state, or why there is none. */
export function policyStatus(p: Policy, today: string): { state: 'closed' | 'today' | 'open' | 'none'; text: string; deadline?: string } {
  if (p.kind !== 'funding-call') return { state: 'none', text: '非申报通知（指导性文件）' };
  const deadline = policyDeadline(p);
  if (!deadline) return { state: 'none', text: '原文未载明申报截止日期' };
  return { ...deadlineStatus(deadline, today), deadline };
}
