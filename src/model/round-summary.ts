/**
 * The home page's plain statement of how many rounds are open, from the one definition in round.ts.
 * Pure and zod-free: the page renders it at build time and a tiny script recomputes it in the browser.
 */
import { isOpen, roundStatus } from './round.ts';

export interface Round {
  /** Short name of the document (山西2026项目类型…). */
  name: string;
  fundingCall: boolean;
  deadline: string | null | undefined;
}

/** “目前没有正在申报的轮次。” or “正在申报：2 轮。” */
export function openRoundsText(rounds: readonly Round[], today: string): { open: number; text: string } {
  const open = rounds.filter((r) => isOpen(roundStatus(r, today)));
  if (open.length === 0) return { open: 0, text: '目前没有正在申报的轮次：收录的申报通知均已截止或未载明截止日期，其余为指导性文件。' };
  return { open: open.length, text: `正在申报 ${open.length} 轮：${open.map((r) => `${r.name}（${roundStatus(r, today).text}）`).join('；')}。` };
}

/** The most recent funding call by deadline (the latest printed deadline), if any. */
export function latestRound<R extends Round>(rounds: readonly R[]): R | undefined {
  return [...rounds].filter((r) => r.fundingCall && r.deadline).sort((a, b) => (b.deadline! < a.deadline! ? -1 : 1))[0];
}
