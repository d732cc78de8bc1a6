/**
 * Chart 2: how each policy pays — the number of its directions per support method, as one small bar
 * chart per policy. Each bar is labelled with the method's name and its count, so the colours only
 * repeat what the text says.
 */
import { scaleLinear } from 'd3';
import { esc, fit, FONT, PALETTE, r1, svgDocument, textWidth, type ChartText } from './svg.ts';

/** Support methods as the chart counts them: 以奖代补 rewards split into 免申即享 or not; guidance apart. */
export const METHOD_KEYS = ['subsidy', 'interest-subsidy', 'reward', 'reward-free', 'risk-compensation', 'service-purchase', 'guidance'] as const;
export type MethodKey = (typeof METHOD_KEYS)[number];

export const METHOD_LABEL: Record<MethodKey, string> = {
  subsidy: '补助',
  'interest-subsidy': '贴息',
  reward: '奖励（须申报）',
  'reward-free': '奖励（免申即享）',
  'risk-compensation': '风险补偿',
  'service-purchase': '政府购买服务',
  guidance: '指导性（无资金）',
};

export const METHOD_COLOUR: Record<MethodKey, string> = {
  subsidy: PALETTE.blue,
  'interest-subsidy': PALETTE.teal,
  reward: PALETTE.red,
  'reward-free': PALETTE.green,
  'risk-compensation': PALETTE.brown,
  'service-purchase': PALETTE.purple,
  guidance: PALETTE.grey,
};

export interface MethodRow {
  /** Policy id. */
  id: string;
  label: string;
  /** Count of directions per method; methods with 0 are not drawn. */
  counts: Partial<Record<MethodKey, number>>;
}

const BAR_H = 16;
const ROW_GAP = 6;
const HEAD_H = 26;
const BLOCK_GAP = 12;

export function supportMethodsSvg(rows: readonly MethodRow[], options: ChartText & { width?: number }): string {
  const width = options.width ?? 560;
  const labelW = Math.max(...METHOD_KEYS.map((k) => textWidth(METHOD_LABEL[k], FONT - 1))) + 24;
  const maxCount = Math.max(1, ...rows.flatMap((r) => Object.values(r.counts).map((n) => n ?? 0)));
  const x = scaleLinear().domain([0, maxCount]).range([0, width - labelW - 48]);
  const out: string[] = [];
  let y = 4;
  for (const row of rows) {
    const present = METHOD_KEYS.filter((k) => (row.counts[k] ?? 0) > 0);
    out.push(`<g class="sm-policy" data-policy="${esc(row.id)}">`);
    out.push(`<text x="0" y="${r1(y + 17)}" font-size="${FONT + 1}" font-weight="700" fill="${PALETTE.ink}">${esc(fit(row.label, width - 8, FONT + 1))}</text>`);
    y += HEAD_H;
    if (present.length === 0) {
      out.push(`<text x="12" y="${r1(y + 12)}" font-size="${FONT - 1}" fill="${PALETTE.grey}">没有方向</text>`);
      y += BAR_H + ROW_GAP;
    }
    for (const k of present) {
      const n = row.counts[k] ?? 0;
      const w = Math.max(2, x(n));
      out.push(`<g class="sm-bar" data-method="${k}"><title>${esc(`${row.label}：${METHOD_LABEL[k]} ${n} 个方向`)}</title>`);
      out.push(`<text x="12" y="${r1(y + BAR_H - 3)}" font-size="${FONT - 1}" fill="${PALETTE.ink}">${esc(METHOD_LABEL[k])}</text>`);
      out.push(`<rect x="${r1(labelW)}" y="${r1(y)}" width="${r1(w)}" height="${BAR_H}" fill="${METHOD_COLOUR[k]}"/>`);
      out.push(`<text x="${r1(labelW + w + 6)}" y="${r1(y + BAR_H - 3)}" font-size="${FONT - 1}" fill="${PALETTE.ink}">${n}</text></g>`);
      y += BAR_H + ROW_GAP;
    }
    out.push('</g>');
    y += BLOCK_GAP;
  }
  return svgDocument(options, width, y, out.join(''), 'chart chart--support-methods');
}
