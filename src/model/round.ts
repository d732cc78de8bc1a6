/**
 * A round's status (本轮状态), defined once for every page, the self-check, search cards, the open data and
 * the engine's output. Pure and zod-free: the browser recomputes it from today's date in Asia/Shanghai.
 *
 * - `guidance`: the document is not a funding call (实施意见, 工作通知): 指导性文件, never open.
 * - `no-deadline`: a funding call whose text prints no application deadline: said once, never guessed.
 * - `open` / `today` / `closed`: relative to the deadline, which is inclusive (申报截止 that day).
 */

import { daysBetween } from './dates.ts';

export type RoundState = 'open' | 'today' | 'closed' | 'no-deadline' | 'guidance';

export interface RoundStatus {
  state: RoundState;
  /** The application deadline (ISO), when the text prints one. */
  deadline?: string;
  /** Whole days left, for `open`. */
  daysLeft?: number;
  /** The short zh-CN label: 申报中（还剩 12 天）, 今天截止, 已截止 2023-11-10, 原文未载明截止日期, 指导性文件. */
  text: string;
}

/** Whole days between two ISO dates (defined with the other date rules). */
export { daysBetween };

/**
 * The status of a round on `today` (ISO, Asia/Shanghai, supplied by the caller: nothing here reads the
 * clock). `deadline` is the policy's application deadline as the engine defines it (null when none is
 * printed); `fundingCall` is false for guidance documents.
 */
export function roundStatus(input: { fundingCall: boolean; deadline: string | null | undefined }, today: string): RoundStatus {
  if (!input.fundingCall) return { state: 'guidance', text: '指导性文件' };
  const deadline = input.deadline ?? undefined;
  if (!deadline) return { state: 'no-deadline', text: '原文未载明截止日期' };
  const days = daysBetween(today, deadline);
  if (days < 0) return { state: 'closed', deadline, text: `已截止 ${deadline}` };
  if (days === 0) return { state: 'today', deadline, daysLeft: 0, text: `今天截止（${deadline}）` };
  return { state: 'open', deadline, daysLeft: days, text: `申报中（还剩 ${days} 天）` };
}

/** True for a round an enterprise can still apply to. */
export const isOpen = (s: RoundStatus) => s.state === 'open' || s.state === 'today';
