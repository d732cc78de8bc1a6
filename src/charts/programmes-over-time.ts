/**
 * Chart 4: one province's programmes across its documents (Shanxi 2017 → 2020 → 2023 → 2026). One
 * column per document, one box per programme with its number of directions; directions that an
 * evolution step names are listed inside their programme's box. Curves join the two ends of each step:
 * solid for a rename, dashed for a change of mode; a programme that first appears carries a “新” badge,
 * one that stops carries “止”. The step list on the page cites the texts of both ends.
 */
import { linkHorizontal } from 'd3';
import { EVOLUTION_KIND_LABEL, type EvolutionKind } from '../schemas/crosswalk.ts';
import { esc, fit, FONT, PALETTE, r1, svgDocument, type ChartText } from './svg.ts';

export interface TimelineItem {
  /** Programme id, or `<programme-id>/<direction-id>` for a direction row. */
  id: string;
  label: string;
  /** Directions in the programme (programme rows only). */
  count?: number;
  /** Direction rows sit inside their programme's box. */
  kind: 'programme' | 'direction';
}

export interface TimelineColumn {
  /** Policy id. */
  id: string;
  /** e.g. “2017 · 实施意见”. */
  label: string;
  items: TimelineItem[];
}

/** The crosswalk's evolution kinds: one definition, in the schema. */
export type StepKind = EvolutionKind;

export interface TimelineStep {
  id: string;
  kind: StepKind;
  from?: { column: string; item: string };
  to?: { column: string; item: string };
  /** Tooltip text. */
  title: string;
}

const COL_W = 214;
const GAP = 58;
const HEAD = 40;
const PROG_H = 34;
const DIR_H = 22;
const BOX_GAP = 10;

export const STEP_STYLE: Record<StepKind, { colour: string; dash?: string; label: string }> = {
  renamed: { colour: PALETTE.blue, label: EVOLUTION_KIND_LABEL.renamed },
  'changed-mode': { colour: PALETTE.red, dash: '6 4', label: EVOLUTION_KIND_LABEL['changed-mode'] },
  appeared: { colour: PALETTE.green, label: EVOLUTION_KIND_LABEL.appeared },
  disappeared: { colour: PALETTE.brown, label: EVOLUTION_KIND_LABEL.disappeared },
};

/** A short line sample of a step kind for an HTML legend (decorative). */
export function stepSwatch(kind: StepKind): string {
  const s = STEP_STYLE[kind];
  if (kind === 'appeared' || kind === 'disappeared') {
    return `<svg xmlns="http://www.w3.org/2000/svg" width="22" height="16" viewBox="0 0 22 16" aria-hidden="true" focusable="false"><rect x="2" y="1" width="18" height="14" rx="3" fill="${s.colour}"/><text x="11" y="12" font-size="10" text-anchor="middle" fill="#ffffff">${kind === 'appeared' ? '新' : '止'}</text></svg>`;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="28" height="16" viewBox="0 0 28 16" aria-hidden="true" focusable="false"><line x1="1" x2="27" y1="8" y2="8" stroke="${s.colour}" stroke-width="2.5"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/></svg>`;
}

interface Placed {
  x: number;
  y: number;
  h: number;
}

export function programmesOverTimeSvg(columns: readonly TimelineColumn[], steps: readonly TimelineStep[], options: ChartText): string {
  const width = columns.length * COL_W + (columns.length - 1) * GAP + 8;
  const placed = new Map<string, Placed>();
  const boxes: string[] = [];
  let height = HEAD;

  columns.forEach((col, c) => {
    const x = 4 + c * (COL_W + GAP);
    boxes.push(`<text x="${r1(x)}" y="22" font-size="${FONT + 1}" font-weight="700" fill="${PALETTE.ink}">${esc(col.label)}</text>`);
    let y = HEAD;
    // Group direction rows under the programme they belong to (they follow it in `items`).
    let i = 0;
    while (i < col.items.length) {
      const prog = col.items[i]!;
      const rows = [prog];
      i++;
      while (i < col.items.length && col.items[i]!.kind === 'direction') rows.push(col.items[i++]!);
      const h = PROG_H + (rows.length - 1) * DIR_H + (rows.length > 1 ? 6 : 0);
      boxes.push(`<g class="pt-box" data-column="${esc(col.id)}" data-programme="${esc(prog.id)}"><title>${esc(`${col.label}：${prog.label}${prog.count !== undefined ? `（${prog.count} 个方向）` : ''}`)}</title>`);
      boxes.push(`<rect x="${r1(x)}" y="${r1(y)}" width="${COL_W}" height="${r1(h)}" rx="5" fill="#ffffff" stroke="${PALETTE.ink}"/>`);
      const countText = prog.count !== undefined ? `${prog.count} 个方向` : '';
      boxes.push(`<text x="${r1(x + 8)}" y="${r1(y + 21)}" font-size="${FONT}" font-weight="700" fill="${PALETTE.ink}">${esc(fit(prog.label, COL_W - 70))}</text>`);
      boxes.push(`<text x="${r1(x + COL_W - 8)}" y="${r1(y + 21)}" font-size="${FONT - 2}" text-anchor="end" fill="${PALETTE.grey}">${esc(countText)}</text></g>`);
      placed.set(`${col.id}\u0000${prog.id}`, { x, y: y + 17, h: PROG_H });
      rows.slice(1).forEach((d, k) => {
        const dy = y + PROG_H + k * DIR_H;
        boxes.push(`<g class="pt-direction"><title>${esc(`${col.label}：${d.label}`)}</title><text x="${r1(x + 18)}" y="${r1(dy + 15)}" font-size="${FONT - 1}" fill="${PALETTE.ink}">${esc(fit('· ' + d.label, COL_W - 26, FONT - 1))}</text></g>`);
        placed.set(`${col.id}\u0000${d.id}`, { x, y: dy + 11, h: DIR_H });
      });
      y += h + BOX_GAP;
    }
    height = Math.max(height, y);
  });

  const curve = linkHorizontal<{ source: [number, number]; target: [number, number] }, [number, number]>();
  const links: string[] = [];
  const badges: string[] = [];
  for (const s of steps) {
    const style = STEP_STYLE[s.kind];
    const a = s.from ? placed.get(`${s.from.column}\u0000${s.from.item}`) : undefined;
    const b = s.to ? placed.get(`${s.to.column}\u0000${s.to.item}`) : undefined;
    if (a && b) {
      const d = curve({ source: [a.x + COL_W, a.y], target: [b.x, b.y] }) ?? '';
      // Round the path's numbers like every other coordinate, so the markup is stable.
      const path = d.replace(/-?\d+(?:\.\d+)?(?:e-?\d+)?/g, (n) => r1(Number(n)));
      links.push(`<g class="pt-step" data-step="${esc(s.id)}" data-kind="${s.kind}"><title>${esc(s.title)}</title><path d="${path}" fill="none" stroke="${style.colour}" stroke-width="2.5"${style.dash ? ` stroke-dasharray="${style.dash}"` : ''}/></g>`);
    } else if (s.kind === 'appeared' && b) {
      badges.push(badge(s, b.x - 24, b.y - 7, '新'));
    } else if (s.kind === 'disappeared' && a) {
      badges.push(badge(s, a.x + COL_W + 6, a.y - 7, '止'));
    }
  }
  // Links first, boxes over them: a curve that crosses a column passes behind its boxes.
  return svgDocument(options, width, height + 4, `<g class="pt-links">${links.join('')}</g>${boxes.join('')}<g class="pt-badges">${badges.join('')}</g>`, 'chart chart--programmes-over-time');
}

function badge(s: TimelineStep, x: number, y: number, text: string): string {
  const style = STEP_STYLE[s.kind];
  return `<g class="pt-step" data-step="${esc(s.id)}" data-kind="${s.kind}"><title>${esc(s.title)}</title><rect x="${r1(x)}" y="${r1(y)}" width="20" height="15" rx="3" fill="${style.colour}"/><text x="${r1(x + 10)}" y="${r1(y + 11.5)}" font-size="11" text-anchor="middle" fill="#ffffff">${text}</text></g>`;
}
