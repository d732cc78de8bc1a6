/**
 * The timeline chart as an SVG string, drawn at build time: a pure function of its input (the same
 * data and marker date give the same bytes). d3 supplies the time scale and the year ticks; the markup
 * is written here as strings, so no DOM (and no jsdom) is needed.
 *
 * One lane per policy; windows are bars, single days are marks, a duty with no printed end is a dashed
 * line running to the chart's edge with an arrow. Colours come with distinct shapes, so kind is never
 * told by colour alone. Colours are presentation attributes, not style attributes: the site's CSP
 * forbids inline styles.
 *
 * The “today” marker is drawn at `marker` (the build date) and moved by a few lines of client script;
 * the svg carries its scale as data attributes (data-domain-start/-end, data-range-start/-end).
 */
import { scaleUtc, utcYear } from 'd3';
import type { DateKind } from '../schemas/index.ts';
import { esc, FONT, r1, textWidth } from './svg.ts';

export interface ChartLane {
  id: string;
  label: string;
}

export interface ChartEvent {
  id: string;
  lane: string;
  kind: DateKind;
  /** ISO first day. */
  first: string;
  /** ISO last day; absent for a duty without an end. */
  last: string | undefined;
  openEnded: boolean;
  /** Short text drawn beside the mark (truncated to fit). */
  label: string;
  /** Full description for the element's <title>. */
  title: string;
}

export interface ChartOptions {
  /** Prefix for element ids, unique on the page. */
  idPrefix: string;
  title: string;
  desc: string;
  /** The build date (ISO): the marker's position without JavaScript. */
  marker: string;
  pxPerYear?: number;
}

export const KIND_COLOUR: Record<DateKind, string> = {
  issued: '#4a4a4a',
  deadline: '#9f1d20',
  window: '#0b4f9c',
  'complete-by': '#7a4b00',
  'statistics-period': '#0f6b2f',
  reporting: '#5b2a86',
};

const AXIS_H = 46;
const LANE_HEAD = 28;
const ROW_H = 26;
const LANE_GAP = 10;
const LEFT = 16;
const RIGHT = 24;
const LABEL_MAX = 16;

const utc = (iso: string) => new Date(iso + 'T00:00:00Z');
const dayAfter = (iso: string) => new Date(utc(iso).getTime() + 86_400_000);

export function truncate(s: string, max = LABEL_MAX): string {
  const chars = [...s];
  return chars.length <= max ? s : chars.slice(0, max - 1).join('') + '…';
}

/** The SVG mark of one kind at (x, y), y being the middle of the bar band. */
export function markShape(kind: DateKind, x: number, y: number): string {
  const c = KIND_COLOUR[kind];
  if (kind === 'deadline') return `<path d="M${r1(x)} ${r1(y - 7)}L${r1(x + 7)} ${r1(y)}L${r1(x)} ${r1(y + 7)}L${r1(x - 7)} ${r1(y)}Z" fill="${c}"/>`;
  if (kind === 'complete-by') return `<path d="M${r1(x - 7)} ${r1(y - 6)}L${r1(x + 7)} ${r1(y - 6)}L${r1(x)} ${r1(y + 7)}Z" fill="${c}"/>`;
  if (kind === 'reporting') return `<rect x="${r1(x - 5)}" y="${r1(y - 5)}" width="10" height="10" fill="${c}"/>`;
  if (kind === 'window' || kind === 'statistics-period') return barShape(kind, x - 8, x + 8, y);
  return `<circle cx="${r1(x)}" cy="${r1(y)}" r="5" fill="${c}"/>`;
}

/** Windows are solid bars; statistics periods are outlined bars. */
function barShape(kind: DateKind, x0: number, x1: number, y: number): string {
  const c = KIND_COLOUR[kind];
  const w = Math.max(4, x1 - x0);
  return kind === 'statistics-period'
    ? `<rect x="${r1(x0)}" y="${r1(y - 5)}" width="${r1(w)}" height="10" fill="#ffffff" stroke="${c}" stroke-width="2"/>`
    : `<rect x="${r1(x0)}" y="${r1(y - 5)}" width="${r1(w)}" height="10" fill="${c}"/>`;
}

/** A small standalone SVG of one kind's mark, for the legend beside the chart. */
export function legendSwatch(kind: DateKind): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="22" height="16" viewBox="0 0 22 16" aria-hidden="true" focusable="false">${markShape(kind, 11, 8)}</svg>`;
}

interface Placed {
  e: ChartEvent;
  /** How many identical events this mark stands for (one label, one title listing them all). */
  count: number;
  ids: string[];
  titles: string[];
  row: number;
}

/**
 * Identical events in one lane (Jiangsu prints the same completion window for seven directions) are
 * drawn once, labelled “×N”; the title lists each. The table below the chart keeps every one.
 */
function mergeSame(events: readonly ChartEvent[]): Array<Omit<Placed, 'row'>> {
  const groups = new Map<string, Omit<Placed, 'row'>>();
  for (const e of events) {
    const key = [e.lane, e.kind, e.first, e.last ?? '', e.openEnded, e.label].join('\u0000');
    const g = groups.get(key);
    if (g) {
      g.count++;
      g.ids.push(e.id);
      g.titles.push(e.title);
    } else groups.set(key, { e, count: 1, ids: [e.id], titles: [e.title] });
  }
  return [...groups.values()];
}

const labelOf = (p: Omit<Placed, 'row'>) => truncate(p.e.label) + (p.count > 1 ? ` ×${p.count}` : '');

export function timelineSvg(lanes: readonly ChartLane[], events: readonly ChartEvent[], options: ChartOptions): string {
  const pxPerYear = options.pxPerYear ?? 120;
  const days = [options.marker, ...events.flatMap((e) => [e.first, ...(e.last ? [e.last] : [])])];
  const minDay = days.reduce((a, b) => (a < b ? a : b));
  const maxDay = days.reduce((a, b) => (a > b ? a : b));
  // Whole years, and at least a year after the last date, so labels and open-ended arrows have room.
  const d0 = utcYear.floor(utc(minDay));
  const d1 = utcYear.offset(utcYear.floor(utc(maxDay)), 2);
  const years = utcYear.count(d0, d1);
  const width = LEFT + years * pxPerYear + RIGHT;
  const x = scaleUtc().domain([d0, d1]).range([LEFT, width - RIGHT]);
  const id = (s: string) => `${options.idPrefix}-${s}`;
  const startX = (e: ChartEvent) => x(utc(e.first));
  const endX = (e: ChartEvent) => (e.openEnded ? width - RIGHT : x(dayAfter(e.last ?? e.first)));
  // Labels sit on the mark's line: after a single-day mark, or after a bar's end. An open-ended duty
  // runs to the edge, so its label goes below the line's start instead (the row is taller).
  const labelX = (e: ChartEvent) => (e.openEnded ? startX(e) + 10 : e.last && e.last !== e.first ? Math.max(endX(e), startX(e) + 4) + 6 : startX(e) + 11);

  // Pack each lane's marks into rows so labels never overlap.
  const laneRows = new Map<string, Placed[]>();
  for (const lane of lanes) {
    const rowsRight: number[] = [];
    const placed: Placed[] = [];
    const mine = mergeSame(events.filter((e) => e.lane === lane.id)).sort((a, b) => a.e.first.localeCompare(b.e.first));
    for (const m of mine) {
      const x0 = startX(m.e) - 8;
      const x1 = m.e.openEnded ? width : labelX(m.e) + textWidth(labelOf(m)) + 12;
      let row = rowsRight.findIndex((right) => right <= x0);
      if (row === -1) row = rowsRight.push(x1) - 1;
      else rowsRight[row] = x1;
      placed.push({ ...m, row });
    }
    laneRows.set(lane.id, placed);
  }

  const out: string[] = [];
  let y = AXIS_H;
  const laneBlocks: string[] = [];
  for (const lane of lanes) {
    const placed = laneRows.get(lane.id) ?? [];
    const rows = Math.max(1, ...placed.map((p) => p.row + 1));
    const top = y;
    const parts = [`<g class="tl-lane" data-policy="${esc(lane.id)}">`];
    parts.push(`<text x="${LEFT}" y="${r1(top + 18)}" font-size="${FONT + 1}" font-weight="700" fill="#1b1b1b">${esc(lane.label)}</text>`);
    if (placed.length === 0) parts.push(`<text x="${LEFT}" y="${r1(top + LANE_HEAD + 16)}" font-size="${FONT}" fill="#4a4a4a">原文未印具体日期</text>`);
    for (const p of placed) {
      const mid = top + LANE_HEAD + p.row * ROW_H + ROW_H / 2;
      const title = p.titles.length > 1 ? `${p.titles.length} 项相同：${p.titles.join('；')}` : (p.titles[0] ?? '');
      parts.push(`<g class="tl-event" data-policy="${esc(lane.id)}" data-kind="${p.e.kind}" data-event="${esc(p.ids.join(' '))}"><title>${esc(title)}</title>`);
      parts.push(eventShape(p.e, startX(p.e), endX(p.e), p.e.openEnded ? mid - 6 : mid));
      const ty = p.e.openEnded ? mid + 12 : mid + 4.5;
      parts.push(`<text x="${r1(labelX(p.e))}" y="${r1(ty)}" font-size="${FONT}" fill="#1b1b1b">${esc(labelOf(p))}</text></g>`);
    }
    parts.push('</g>');
    laneBlocks.push(parts.join(''));
    y = top + LANE_HEAD + rows * ROW_H + LANE_GAP;
    laneBlocks.push(`<line x1="0" x2="${r1(width)}" y1="${r1(y - LANE_GAP / 2)}" y2="${r1(y - LANE_GAP / 2)}" stroke="#c9c9c9"/>`);
  }
  const height = y + 4;

  // Year grid and labels (no label at the right edge, where it would be cut off).
  const ticks = x.ticks(utcYear.every(1)!);
  const axis = ticks
    .map((t) => {
      const tx = x(t);
      const grid = `<line x1="${r1(tx)}" x2="${r1(tx)}" y1="${AXIS_H - 6}" y2="${r1(height)}" stroke="#c9c9c9" stroke-dasharray="3 3"/>`;
      return tx > width - RIGHT - 40 ? grid : `${grid}<text x="${r1(tx + 4)}" y="${AXIS_H - 10}" font-size="${FONT}" fill="#4a4a4a">${t.getUTCFullYear()}年</text>`;
    })
    .join('');

  const mx = x(utc(options.marker));
  const anchorEnd = mx > width - RIGHT - 120;
  const marker =
    `<g class="tl-today" data-role="today" transform="translate(${r1(mx)} 0)">` +
    `<line class="tl-today__line" x1="0" x2="0" y1="18" y2="${r1(height)}" stroke="#0f5132" stroke-width="2"/>` +
    `<text class="tl-today__label" x="${anchorEnd ? -4 : 4}" y="14" text-anchor="${anchorEnd ? 'end' : 'start'}" font-size="${FONT - 1}" font-weight="700" fill="#0f5132">构建日 ${options.marker}</text></g>`;

  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="tl-chart" width="${r1(width)}" height="${r1(height)}" viewBox="0 0 ${r1(width)} ${r1(height)}" role="img" aria-labelledby="${id('title')} ${id('desc')}"` +
      ` data-timeline="" data-domain-start="${d0.toISOString().slice(0, 10)}" data-domain-end="${d1.toISOString().slice(0, 10)}" data-range-start="${r1(x.range()[0]!)}" data-range-end="${r1(x.range()[1]!)}" data-marker="${options.marker}">`,
    `<title id="${id('title')}">${esc(options.title)}</title>`,
    `<desc id="${id('desc')}">${esc(options.desc)}</desc>`,
    `<g class="tl-axis">${axis}</g>`,
    ...laneBlocks,
    marker,
    '</svg>',
  );
  return out.join('');
}

function eventShape(e: ChartEvent, xs: number, xe: number, mid: number): string {
  if (e.kind === 'reporting' || e.openEnded) {
    const c = KIND_COLOUR[e.kind];
    const line = `<line x1="${r1(xs)}" x2="${r1(xe - (e.openEnded ? 8 : 0))}" y1="${r1(mid)}" y2="${r1(mid)}" stroke="${c}" stroke-width="3" stroke-dasharray="6 4"/>`;
    const arrow = e.openEnded ? `<path d="M${r1(xe - 10)} ${r1(mid - 6)}L${r1(xe)} ${r1(mid)}L${r1(xe - 10)} ${r1(mid + 6)}Z" fill="${c}"/>` : '';
    return line + arrow + markShape('reporting', xs, mid);
  }
  if (e.last && e.last !== e.first) return barShape(e.kind, xs, xe, mid);
  return markShape(e.kind, xs, mid);
}
