import type { KeyDate } from '../schemas/index.ts';

/** Today's date in Asia/Shanghai as YYYY-MM-DD, whatever the machine's timezone. */
export function todayInShanghai(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** Whole days from `from` to `to` (both ISO dates); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const ms = Date.parse(to + 'T00:00:00Z') - Date.parse(from + 'T00:00:00Z');
  return Math.round(ms / 86_400_000);
}

/** “2023年11月10日” from an ISO date, as Chinese documents write it. */
export function formatChineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${y}年${m}月${d}日`;
}

/** The first day an event touches. */
export function firstDay(d: KeyDate): string {
  return d.shape === 'day' ? d.date : d.shape === 'window' ? d.start : d.from;
}

/** The last day of an event, if it has one (recurring duties without an end have none). */
export function lastDay(d: KeyDate): string | undefined {
  return d.shape === 'day' ? d.date : d.shape === 'window' ? d.end : d.until;
}

/**
 * Status of a deadline relative to `today`: the phrase shown on pages and recomputed in the browser.
 * The text is zh-CN, e.g. “申报已截止 2026-03-04” or “距截止还有 12 天”.
 */
export function deadlineStatus(deadline: string, today: string): { state: 'closed' | 'today' | 'open'; text: string } {
  const days = daysBetween(today, deadline);
  if (days < 0) return { state: 'closed', text: `已截止 ${deadline}` };
  if (days === 0) return { state: 'today', text: `今天截止（${deadline}）` };
  return { state: 'open', text: `距截止还有 ${days} 天` };
}
