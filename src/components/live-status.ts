/**
 * Recomputes every round status on the page (and the home page's open-rounds statement) from today's
 * date in Asia/Shanghai, with the same pure functions the build used, so a static page never shows a
 * stale status where JavaScript runs.
 */
import { roundStatus } from '../model/round.ts';
import { openRoundsText, type Round } from '../model/round-summary.ts';
import { todayInShanghai } from '../lib/dates.ts';

const readRound = (el: HTMLElement): Round => ({
  name: el.dataset.roundName ?? '',
  fundingCall: el.dataset.round !== 'guidance',
  deadline: el.dataset.deadline || undefined,
});

export function refreshStatuses(today = todayInShanghai()): void {
  for (const el of document.querySelectorAll<HTMLElement>('[data-round]')) {
    const s = roundStatus(readRound(el), today);
    el.textContent = (el.dataset.prefix ?? '') + s.text;
    el.className = `status status--${s.state}`;
    el.dataset.live = today;
  }
  const summary = document.querySelector<HTMLElement>('[data-open-rounds]');
  if (summary) {
    const rounds = [...document.querySelectorAll<HTMLElement>('[data-round][data-round-name]')].map(readRound);
    const { open, text } = openRoundsText(rounds, today);
    summary.textContent = text;
    summary.dataset.open = String(open);
    summary.dataset.live = today;
  }
}
