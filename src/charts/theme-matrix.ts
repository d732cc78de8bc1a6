/**
 * Chart 3: directions per theme per policy, as a matrix. Each cell is a circle whose area grows with the
 * count, with the count printed in it; an empty cell shows a dash, so “none” is visible, not just pale.
 * A column band per province groups the policies.
 */
import { scaleSqrt } from 'd3';
import { esc, fit, FONT, PALETTE, r1, svgDocument, textWidth, type ChartText } from './svg.ts';

export interface MatrixColumn {
  id: string;
  /** Two short lines, e.g. ['山西', '2026']. */
  lines: [string, string];
  /** Columns with the same group share a header band (the province). */
  group: string;
}

export interface MatrixRow {
  id: string;
  label: string;
  /** Link for the row label (the theme page). */
  href?: string;
}

const CELL = 46;
const HEAD = 54;
const MAX_LABEL = 250;

export function themeMatrixSvg(rows: readonly MatrixRow[], columns: readonly MatrixColumn[], count: (row: string, column: string) => number, options: ChartText): string {
  const labelW = Math.min(MAX_LABEL, Math.max(80, ...rows.map((r) => textWidth(r.label)))) + 12;
  const width = labelW + columns.length * CELL + 8;
  const height = HEAD + rows.length * CELL + 8;
  const maxCount = Math.max(1, ...rows.flatMap((r) => columns.map((c) => count(r.id, c.id))));
  const radius = scaleSqrt().domain([0, maxCount]).range([0, CELL / 2 - 4]);
  const out: string[] = [];

  // Province bands behind the columns, so the grouping shows without relying on colour.
  let start = 0;
  columns.forEach((c, i) => {
    const next = columns[i + 1];
    if (next && next.group === c.group) return;
    const x0 = labelW + start * CELL;
    const x1 = labelW + (i + 1) * CELL;
    out.push(`<rect x="${r1(x0 + 1)}" y="2" width="${r1(x1 - x0 - 2)}" height="${r1(height - 4)}" fill="none" stroke="${PALETTE.line}" rx="4"/>`);
    start = i + 1;
  });
  columns.forEach((c, i) => {
    const cx = labelW + i * CELL + CELL / 2;
    out.push(`<text x="${r1(cx)}" y="20" font-size="${FONT}" font-weight="700" text-anchor="middle" fill="${PALETTE.ink}">${esc(c.lines[0])}</text>`);
    out.push(`<text x="${r1(cx)}" y="38" font-size="${FONT}" text-anchor="middle" fill="${PALETTE.ink}">${esc(c.lines[1])}</text>`);
  });
  rows.forEach((row, j) => {
    const cy = HEAD + j * CELL + CELL / 2;
    out.push(`<line x1="0" x2="${r1(width)}" y1="${r1(HEAD + j * CELL)}" y2="${r1(HEAD + j * CELL)}" stroke="${PALETTE.line}"/>`);
    out.push(`<text x="4" y="${r1(cy + 4.5)}" font-size="${FONT}" fill="${PALETTE.ink}">${esc(fit(row.label, labelW - 12))}</text>`);
    columns.forEach((c, i) => {
      const n = count(row.id, c.id);
      const cx = labelW + i * CELL + CELL / 2;
      const title = `${row.label} · ${c.lines.join(' ')}：${n} 个方向`;
      out.push(`<g class="tm-cell" data-theme="${esc(row.id)}" data-policy="${esc(c.id)}" data-count="${n}"><title>${esc(title)}</title>`);
      if (n === 0) out.push(`<text x="${r1(cx)}" y="${r1(cy + 4.5)}" font-size="${FONT}" text-anchor="middle" fill="${PALETTE.grey}">–</text>`);
      else {
        const r = Math.max(9, radius(n));
        out.push(`<circle cx="${r1(cx)}" cy="${r1(cy)}" r="${r1(r)}" fill="${PALETTE.blue}"/>`);
        out.push(`<text x="${r1(cx)}" y="${r1(cy + 4.5)}" font-size="${FONT}" font-weight="700" text-anchor="middle" fill="#ffffff">${n}</text>`);
      }
      out.push('</g>');
    });
  });
  return svgDocument(options, width, height, out.join(''), 'chart chart--theme-matrix');
}
