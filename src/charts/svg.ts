/**
 * Small helpers shared by the comparison charts. Charts are pure functions from data to an SVG string,
 * drawn at build time: no DOM, no randomness, numbers rounded to one decimal so snapshots are stable.
 *
 * Colours are presentation attributes (the site's CSP forbids style attributes) and always come with a
 * second cue — a shape, a dash pattern or a printed label — so nothing is told by colour alone.
 */

/** Escapes text for SVG/XML content and attribute values. */
export const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A coordinate rounded to one decimal, as written into the markup. */
export const r1 = (n: number): string => String(Math.round(n * 10) / 10);

/** Default font size of chart text, in px. */
export const FONT = 13;

/** Approximate rendered width: CJK glyphs are one em, Latin digits and punctuation about 0.6 em. */
export function textWidth(s: string, size = FONT): number {
  let w = 0;
  for (const ch of s) w += /[\u2E80-\u9FFF\uFF00-\uFFEF\u3000-\u303F\u201C\u201D]/.test(ch) ? size : size * 0.6;
  return w;
}

/** Cuts text to fit `maxWidth` px, ending with “…” when cut. */
export function fit(s: string, maxWidth: number, size = FONT): string {
  if (textWidth(s, size) <= maxWidth) return s;
  let out = '';
  for (const ch of s) {
    if (textWidth(out + ch + '…', size) > maxWidth) break;
    out += ch;
  }
  return out + '…';
}

/** Colours from the site palette, each at least 4.5:1 on white (WCAG 1.4.11 needs 3:1 for marks). */
export const PALETTE = {
  red: '#9f1d20',
  blue: '#0b4f9c',
  green: '#0f6b2f',
  brown: '#7a4b00',
  purple: '#5b2a86',
  grey: '#4a4a4a',
  teal: '#00606b',
  line: '#c9c9c9',
  ink: '#1b1b1b',
} as const;

export interface ChartText {
  /** Prefix for element ids, unique on the page. */
  idPrefix: string;
  /** Short title (the svg's <title>). */
  title: string;
  /** What the chart shows and how to read it (the svg's <desc>). */
  desc: string;
}

/**
 * The outer <svg> with its accessible name and description. `role="img"` makes assistive technology
 * read the title and description and skip the marks; the same data is in a table beside the chart.
 */
export function svgDocument(text: ChartText, width: number, height: number, body: string, className: string): string {
  const t = `${text.idPrefix}-title`;
  const d = `${text.idPrefix}-desc`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="${esc(className)}" width="${r1(width)}" height="${r1(height)}" viewBox="0 0 ${r1(width)} ${r1(height)}" role="img" aria-labelledby="${t} ${d}" font-family="system-ui, sans-serif">` +
    `<title id="${t}">${esc(text.title)}</title><desc id="${d}">${esc(text.desc)}</desc>` +
    body +
    '</svg>'
  );
}

/** Marker shapes, so series are told apart without colour. */
export type Shape = 'circle' | 'square' | 'triangle' | 'diamond';

/** A marker of `shape` centred on (x, y), about `size` px across. */
export function shapePath(shape: Shape, x: number, y: number, colour: string, size = 10, extra = ''): string {
  const h = size / 2;
  switch (shape) {
    case 'circle':
      return `<circle cx="${r1(x)}" cy="${r1(y)}" r="${r1(h)}" fill="${colour}"${extra}/>`;
    case 'square':
      return `<rect x="${r1(x - h)}" y="${r1(y - h)}" width="${r1(size)}" height="${r1(size)}" fill="${colour}"${extra}/>`;
    case 'triangle':
      return `<path d="M${r1(x)} ${r1(y - h - 1)}L${r1(x + h + 1)} ${r1(y + h)}L${r1(x - h - 1)} ${r1(y + h)}Z" fill="${colour}"${extra}/>`;
    case 'diamond':
      return `<path d="M${r1(x)} ${r1(y - h - 1)}L${r1(x + h + 1)} ${r1(y)}L${r1(x)} ${r1(y + h + 1)}L${r1(x - h - 1)} ${r1(y)}Z" fill="${colour}"${extra}/>`;
  }
}

/** A standalone swatch of a marker for an HTML legend (decorative: the legend text says what it is). */
export function legendMarker(shape: Shape, colour: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">${shapePath(shape, 8, 8, colour, 10)}</svg>`;
}
