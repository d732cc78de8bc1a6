/**
 * The few lines of client script behind the timelines: move each chart's “today” marker from the
 * build date to today in Asia/Shanghai, and recompute deadline statuses. Without JavaScript the
 * build-date marker and build-time statuses stay, labelled as such.
 */
import { deadlineStatus, todayInShanghai } from '../../lib/dates.ts';

const ms = (iso: string) => Date.parse(iso + 'T00:00:00Z');

/**
 * x of `today` on a chart whose svg carries its scale: linear in time between data-domain-start/-end
 * and data-range-start/-end, as d3's scaleUtc drew it. Clamped to the drawn range.
 */
export function markerX(data: DOMStringMap, today: string): { x: number; clamped: boolean } | undefined {
  const d0 = ms(data.domainStart ?? '');
  const d1 = ms(data.domainEnd ?? '');
  const r0 = Number(data.rangeStart);
  const r1 = Number(data.rangeEnd);
  if (![d0, d1, r0, r1].every(Number.isFinite) || d1 <= d0) return undefined;
  const t = ms(today);
  const x = r0 + ((t - d0) / (d1 - d0)) * (r1 - r0);
  const clamped = x < r0 || x > r1;
  return { x: Math.min(r1, Math.max(r0, x)), clamped };
}

export function moveTodayMarkers(today: string): void {
  for (const svg of document.querySelectorAll<SVGSVGElement>('svg[data-timeline]')) {
    const at = markerX(svg.dataset, today);
    const marker = svg.querySelector<SVGGElement>('[data-role="today"]');
    const label = marker?.querySelector<SVGTextElement>('text');
    if (!at || !marker || !label) continue;
    const x = Math.round(at.x * 10) / 10;
    marker.setAttribute('transform', `translate(${x} 0)`);
    marker.dataset.x = String(x);
    marker.dataset.today = today;
    const nearEnd = x > Number(svg.dataset.rangeEnd) - 120;
    label.setAttribute('text-anchor', nearEnd ? 'end' : 'start');
    label.setAttribute('x', nearEnd ? '-4' : '4');
    label.textContent = at.clamped ? `今天 ${today}（在图示范围外）` : `今天 ${today}`;
  }
  for (const note of document.querySelectorAll<HTMLElement>('[data-tl-today-note]')) {
    note.textContent = `竖线标出今天（${today}，北京时间）。`;
  }
}

export function refreshStatuses(today: string): void {
  for (const el of document.querySelectorAll<HTMLElement>('[data-tl-deadline]')) {
    const s = deadlineStatus(el.dataset.tlDeadline ?? '', today);
    el.textContent = s.text;
    el.className = `status status--${s.state}`;
    el.dataset.today = today;
  }
}

export function initTimelineToday(): void {
  const today = todayInShanghai();
  moveTodayMarkers(today);
  refreshStatuses(today);
}
