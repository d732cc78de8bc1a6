import type { KeyDate } from '../schemas/index.ts';
import { daysBetween } from '../model/dates.ts';

let shanghaiDay: Intl.DateTimeFormat | undefined;

/** Today's date in Asia/Shanghai as YYYY-MM-DD, whatever the machine's timezone. */
export function todayInShanghai(now: Date = new Date()): string {
  // One formatter for the process: building an Intl formatter is costly and pages call this often.
  shanghaiDay ??= new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
  return shanghaiDay.format(now);
}

/** The date rules live in the model; re-exported for the pages that import them from here. */
export { daysBetween, firstDay, lastDay } from '../model/dates.ts';

/** “2023年11月10日” from an ISO date, as Chinese documents write it. */
export function formatChineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${y}年${m}月${d}日`;
}

/** A date as the page shows it: 2023年11月10日; a window; 每周五 15:00 前; 2022—2024年度. */
export function describeKeyDate(d: KeyDate): string {
  switch (d.shape) {
    case 'day':
      return formatChineseDate(d.date);
    case 'window':
      return `${formatChineseDate(d.start)}${d.startInclusive ? '（含）' : '（不含）'} 至 ${formatChineseDate(d.end)}${d.endInclusive ? '（含）' : '（不含）'}`;
    case 'recurring': {
      const day = d.byDay ? `周${WEEKDAY[d.byDay]}` : '';
      const every = d.freq === 'weekly' ? `每${day || '周'}` : '每月';
      const when = `${every}${d.time ? ` ${d.time} 前` : ''}`;
      if (!d.from) return `${when}（原文未载明起止日期）`;
      return `${when}，自 ${formatChineseDate(d.from)} 起${d.until ? `至 ${formatChineseDate(d.until)}` : '（原文未载明截止）'}`;
    }
    case 'years':
      return d.startYear === d.endYear ? `${d.startYear}年度` : `${d.startYear}—${d.endYear}年度`;
  }
}

const WEEKDAY: Record<string, string> = { MO: '一', TU: '二', WE: '三', TH: '四', FR: '五', SA: '六', SU: '日' };

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
