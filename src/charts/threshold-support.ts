/**
 * Chart 1: the minimum investment (input) a direction requires against the most it pays, one mark per
 * direction, one shape per province. Both axes switch to a log scale when their values span more than
 * 100×, because the amounts run from hundreds of 万元 to hundreds of millions.
 *
 * Marks are numbered; the numbers key into the table beside the chart. Directions the chart cannot
 * place (no stated amount, no input threshold) are not dropped: the page lists them with the reason.
 */
// d3 is the declared dependency; its modules (d3-array, d3-scale…) are imported through it.
import { max, min, scaleLinear, scaleLog, type ScaleContinuousNumeric } from 'd3';
import { formatWan } from '../lib/format.ts';
import { esc, fit, FONT, PALETTE, r1, shapePath, svgDocument, textWidth, type ChartText, type Shape } from './svg.ts';

export interface ScatterPoint {
  /** Unique, e.g. `jiangsu-2023-fund-guide/smart-factory`. */
  id: string;
  /** Number printed beside the mark and in the table. */
  key: number;
  /** Series (province) id. */
  group: string;
  /** Minimum input, 万元. */
  x: number;
  /** Maximum support, 万元. */
  y: number;
  /** Full text for the mark's tooltip. */
  title: string;
}

export interface ScatterGroup {
  id: string;
  label: string;
  shape: Shape;
  colour: string;
}

export interface ScatterOptions extends ChartText {
  xLabel: string;
  yLabel: string;
  width?: number;
  height?: number;
}

export type AxisKind = 'log' | 'linear';

/** Log when the values span more than 100× (and are all positive), else linear. */
export function axisKind(values: readonly number[]): AxisKind {
  const lo = min(values);
  const hi = max(values);
  if (lo === undefined || hi === undefined || lo <= 0) return 'linear';
  return hi / lo > 100 ? 'log' : 'linear';
}

const M = { top: 18, right: 28, bottom: 58, left: 86 };

function makeScale(kind: AxisKind, values: readonly number[], range: [number, number]): ScaleContinuousNumeric<number, number> {
  const lo = min(values) ?? 1;
  const hi = max(values) ?? 1;
  if (kind === 'log') return scaleLog().domain([lo / 1.6, hi * 1.6]).range(range).nice();
  return scaleLinear().domain([0, hi === 0 ? 1 : hi * 1.1]).range(range).nice();
}

/**
 * Tick values. On a log scale: 1, 2 and 5 × 10ⁿ when their labels fit along the axis, else powers of
 * ten only, else every other power — so labels never crowd. `room` is the axis length in px and
 * `size(t)` the space a label takes along it.
 */
function ticksOf(scale: ScaleContinuousNumeric<number, number>, kind: AxisKind, room: number, size: (t: number) => number): number[] {
  const all = scale.ticks(kind === 'log' ? 10 : 5);
  if (kind === 'linear') return all;
  const lead = (t: number) => t / 10 ** Math.floor(Math.log10(t) + 1e-9);
  const near = (a: number, b: number) => Math.abs(a - b) < 1e-6;
  const fits = (ts: number[]) => ts.reduce((w, t) => w + size(t) + 8, 0) <= room;
  const candidates = [all.filter((t) => [1, 2, 5].some((v) => near(lead(t), v))), all.filter((t) => near(lead(t), 1))];
  const powers = candidates[1]!;
  candidates.push(powers.filter((_, i) => i % 2 === 0));
  return candidates.find(fits) ?? candidates[2]!;
}

export function thresholdSupportSvg(points: readonly ScatterPoint[], groups: readonly ScatterGroup[], options: ScatterOptions): string {
  const width = options.width ?? 640;
  const height = options.height ?? 420;
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const xKind = axisKind(xs);
  const yKind = axisKind(ys);
  const x = makeScale(xKind, xs, [M.left, width - M.right]);
  const y = makeScale(yKind, ys, [height - M.bottom, M.top]);
  const out: string[] = [];

  // Grid and axes.
  const xTicks = ticksOf(x, xKind, width - M.left - M.right, (t) => textWidth(formatWan(t), FONT - 1));
  const yTicks = ticksOf(y, yKind, height - M.top - M.bottom, () => FONT + 2);
  out.push(`<g class="ts-axis ts-axis--x" data-scale="${xKind}">`);
  for (const t of xTicks) {
    const tx = x(t);
    out.push(`<line x1="${r1(tx)}" x2="${r1(tx)}" y1="${M.top}" y2="${r1(height - M.bottom)}" stroke="${PALETTE.line}" stroke-dasharray="2 3"/>`);
    out.push(`<text x="${r1(tx)}" y="${r1(height - M.bottom + 16)}" font-size="${FONT - 1}" text-anchor="middle" fill="${PALETTE.ink}">${esc(formatWan(t))}</text>`);
  }
  out.push(`<text x="${r1((M.left + width - M.right) / 2)}" y="${r1(height - 12)}" font-size="${FONT}" text-anchor="middle" fill="${PALETTE.ink}">${esc(options.xLabel)}${xKind === 'log' ? '（对数刻度）' : ''}</text></g>`);
  out.push(`<g class="ts-axis ts-axis--y" data-scale="${yKind}">`);
  for (const t of yTicks) {
    const ty = y(t);
    out.push(`<line x1="${M.left}" x2="${r1(width - M.right)}" y1="${r1(ty)}" y2="${r1(ty)}" stroke="${PALETTE.line}" stroke-dasharray="2 3"/>`);
    out.push(`<text x="${M.left - 6}" y="${r1(ty + 4)}" font-size="${FONT - 1}" text-anchor="end" fill="${PALETTE.ink}">${esc(formatWan(t))}</text>`);
  }
  const yMid = (M.top + height - M.bottom) / 2;
  out.push(`<text x="14" y="${r1(yMid)}" font-size="${FONT}" text-anchor="middle" fill="${PALETTE.ink}" transform="rotate(-90 14 ${r1(yMid)})">${esc(options.yLabel)}${yKind === 'log' ? '（对数刻度）' : ''}</text></g>`);
  out.push(`<line x1="${M.left}" x2="${r1(width - M.right)}" y1="${r1(height - M.bottom)}" y2="${r1(height - M.bottom)}" stroke="${PALETTE.ink}"/>`);
  out.push(`<line x1="${M.left}" x2="${M.left}" y1="${M.top}" y2="${r1(height - M.bottom)}" stroke="${PALETTE.ink}"/>`);

  // Marks. Directions with the same two amounts share one mark whose label lists their numbers.
  const byGroup = new Map(groups.map((g, i) => [g.id, { g, i }]));
  const merged = new Map<string, ScatterPoint[]>();
  for (const p of points) {
    const k = `${p.group}\u0000${p.x}\u0000${p.y}`;
    merged.set(k, [...(merged.get(k) ?? []), p]);
  }
  out.push('<g class="ts-marks">');
  // Greedy label placement: each label takes the first of eight spots around its mark that overlaps
  // neither a mark nor a label already placed (deterministic: marks are visited in input order).
  type Box = [number, number, number, number];
  const markBoxes: Box[] = [...merged.values()].map((same) => {
    const p = same[0]!;
    return [x(p.x) - 6, y(p.y) - 6, x(p.x) + 6, y(p.y) + 6];
  });
  const taken: Box[] = [...markBoxes];
  const overlaps = (b: Box) => taken.some((t) => b[0] < t[2] && b[2] > t[0] && b[1] < t[3] && b[3] > t[1]);
  const spotsUsed = new Map<string, number>();
  for (const same of merged.values()) {
    const p = same[0]!;
    const g = byGroup.get(p.group);
    // A second series at the same spot is nudged right so both shapes stay visible.
    const at = `${p.x}\u0000${p.y}`;
    const dx = (spotsUsed.get(at) ?? 0) * 7;
    spotsUsed.set(at, (spotsUsed.get(at) ?? 0) + 1);
    const cx = x(p.x) + dx;
    const cy = y(p.y);
    const label = fit(same.map((s) => s.key).join('、'), 120, FONT - 2);
    const title = same.map((s) => s.title).join('；');
    const w = textWidth(label, FONT - 2);
    const spots: Array<{ lx: number; ly: number; anchor: 'start' | 'end' }> = [
      { lx: cx + 8, ly: cy - 6, anchor: 'start' },
      { lx: cx + 9, ly: cy + 4, anchor: 'start' },
      { lx: cx + 8, ly: cy + 15, anchor: 'start' },
      { lx: cx - 8, ly: cy - 6, anchor: 'end' },
      { lx: cx - 9, ly: cy + 4, anchor: 'end' },
      { lx: cx - 8, ly: cy + 15, anchor: 'end' },
      { lx: cx + 2, ly: cy - 16, anchor: 'start' },
      { lx: cx + 2, ly: cy + 25, anchor: 'start' },
    ];
    const box = (s: (typeof spots)[number]): Box => (s.anchor === 'start' ? [s.lx, s.ly - 10, s.lx + w, s.ly + 2] : [s.lx - w, s.ly - 10, s.lx, s.ly + 2]);
    const fits = (s: (typeof spots)[number]) => box(s)[2] <= width && box(s)[0] >= M.left;
    const spot = spots.find((s) => fits(s) && !overlaps(box(s))) ?? spots.find(fits) ?? spots[0]!;
    taken.push(box(spot));
    out.push(`<g class="ts-mark" data-group="${esc(p.group)}" data-ids="${esc(same.map((s) => s.id).join(' '))}"><title>${esc(title)}</title>`);
    out.push(shapePath(g?.g.shape ?? 'circle', cx, cy, g?.g.colour ?? PALETTE.grey, 10, ' stroke="#ffffff" stroke-width="1"'));
    out.push(`<text x="${r1(spot.lx)}" y="${r1(spot.ly)}" font-size="${FONT - 2}" text-anchor="${spot.anchor}" fill="${PALETTE.ink}">${esc(label)}</text></g>`);
  }
  out.push('</g>');
  if (points.length === 0) out.push(`<text x="${r1(width / 2)}" y="${r1(height / 2)}" text-anchor="middle" font-size="${FONT}" fill="${PALETTE.grey}">没有同时载明门槛和金额的方向</text>`);
  return svgDocument(options, width, height, out.join(''), 'chart chart--threshold-support');
}
