/**
 * The most a direction can give this profile, with the working shown step by step. Only amounts the
 * text prints are used: where it gives none, the answer is null with 原文未载明金额, never an estimate.
 */
import type { Support } from '../schemas/index.ts';
import type { SupportResult, SupportStep } from './types.ts';

/** Amounts are kept to 1 元 (0.0001 万元); more digits would only be float noise. */
function wan(n: number): number {
  return Math.round(n * 10000) / 10000;
}

function fmt(n: number): string {
  return `${wan(n)} 万元`;
}

/** The fixed wording wherever the text prints no amount. */
export const NO_AMOUNT = '原文未载明金额';

type Values = Readonly<Record<string, unknown>>;

function base(values: Values, id: string): number | undefined {
  const v = values[id];
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined;
}

function cap(amount: number, capWan: number | undefined, capQuote: string | undefined, steps: SupportStep[]): number {
  if (capWan === undefined) return amount;
  const capped = Math.min(amount, capWan);
  steps.push({ text: `封顶 ${fmt(capWan)}：取 ${wan(amount)} 与 ${wan(capWan)} 中较小者，为 ${fmt(capped)}`, ...(capQuote ? { quote: capQuote } : {}) });
  return capped;
}

function capNote(capWan: number | undefined, capQuote: string | undefined, steps: SupportStep[]): void {
  if (capWan !== undefined) steps.push({ text: `原文封顶 ${fmt(capWan)}`, ...(capQuote ? { quote: capQuote } : {}) });
}

/**
 * Maximum support in 万元 for one direction, from its formula and the profile's values:
 * rate × base then cap; a fixed amount; rated parts summed under a joint cap; the highest stated
 * tier (labelled as such), or the printed cap when some tier has no printed amount; “up to” a printed
 * cap (lowered by a known base); or null when the text states no amount or a needed base is unknown.
 * Instalments and cited notes are appended to the working.
 */
export function maxSupport(support: Support | undefined, values: Values): SupportResult {
  if (!support) return { maxSupportWan: null, basis: 'none', working: [{ text: '该方向未载明资金支持方式' }] };
  const steps: SupportStep[] = [];
  const f = support.formula;
  let amount: number | null = null;
  let basis: SupportResult['basis'] = 'none';
  switch (f.kind) {
    case 'rate': {
      const b = base(values, f.part.base);
      if (b === undefined) {
        basis = 'needs-input';
        steps.push({ text: `按${f.part.baseLabel}的 ${f.part.ratePct}% 计算，需填写“${f.part.baseLabel}”`, quote: f.part.quote, at: f.part.at });
        capNote(f.capWan, f.capQuote, steps);
        break;
      }
      basis = 'rate';
      const raw = (b * f.part.ratePct) / 100;
      steps.push({ text: `${f.part.baseLabel} ${fmt(b)} × ${f.part.ratePct}% = ${fmt(raw)}`, quote: f.part.quote, at: f.part.at });
      amount = cap(raw, f.capWan, f.capQuote, steps);
      break;
    }
    case 'fixed':
      basis = 'fixed';
      amount = f.amountWan;
      steps.push({ text: `定额支持 ${fmt(f.amountWan)}`, quote: f.quote, at: f.at });
      break;
    case 'parts': {
      let sum = 0;
      const missing: string[] = [];
      for (const part of f.parts) {
        const b = base(values, part.base);
        if (b === undefined) {
          missing.push(part.baseLabel);
          steps.push({ text: `${part.baseLabel} × ${part.ratePct}%：需填写“${part.baseLabel}”`, quote: part.quote, at: part.at });
          continue;
        }
        const x = (b * part.ratePct) / 100;
        sum += x;
        steps.push({ text: `${part.baseLabel} ${fmt(b)} × ${part.ratePct}% = ${fmt(x)}`, quote: part.quote, at: part.at });
      }
      if (missing.length > 0) {
        basis = 'needs-input';
        capNote(f.capWan, f.capQuote, steps);
        break;
      }
      basis = 'parts';
      steps.push({ text: `各部分合计 ${fmt(sum)}` });
      amount = cap(sum, f.capWan, f.capQuote, steps);
      break;
    }
    case 'tiers': {
      let best: (typeof f.tiers)[number] | undefined;
      const unpriced: string[] = [];
      for (const t of f.tiers) {
        if (t.amountWan === undefined) unpriced.push(t.label);
        else if (best?.amountWan === undefined || t.amountWan > best.amountWan) best = t;
      }
      if (unpriced.length > 0 && f.capWan !== undefined) {
        // A tier without a printed amount is still bounded by the printed cap: the cap is the most the
        // text allows, and it is a printed figure, not an estimate.
        basis = 'cap';
        if (best?.amountWan !== undefined) steps.push({ text: `原文载明的最高一档“${best.label}”为 ${fmt(best.amountWan)}`, quote: best.quote, at: best.at });
        steps.push({ text: `“${unpriced.join('”“')}”原文未载明金额，以原文上限 ${fmt(f.capWan)} 为最高`, ...(f.capQuote ? { quote: f.capQuote } : {}) });
        amount = f.capWan;
        break;
      }
      if (best?.amountWan === undefined) {
        basis = 'not-stated';
        steps.push({ text: `分档支持，${NO_AMOUNT}`, quote: f.tiers[0]?.quote, at: f.tiers[0]?.at });
        break;
      }
      basis = 'highest-tier';
      // The engine does not know which tier the project falls in; it shows the highest printed one
      // and says so, rather than guessing a tier.
      steps.push({ text: `分档支持，按原文最高一档“${best.label}”列示 ${fmt(best.amountWan)}（实际档位以评审认定为准）`, quote: best.quote, at: best.at });
      if (unpriced.length > 0) steps.push({ text: `另有“${unpriced.join('”“')}”原文未载明金额，未计入` });
      amount = cap(best.amountWan, f.capWan, f.capQuote, steps);
      break;
    }
    case 'upTo': {
      // “不超过 N 万元”, optionally “按实际投入”: the printed cap is the most the text allows, so it is
      // the answer even before the base is known; a known base below the cap lowers it.
      basis = 'up-to';
      steps.push({ text: `原文上限 ${fmt(f.capWan)}`, quote: f.quote, at: f.at });
      amount = f.capWan;
      if (f.base !== undefined) {
        const label = f.baseLabel ?? f.base;
        const b = base(values, f.base);
        if (b === undefined) steps.push({ text: `按${label}支持，未填写“${label}”，以上限列示` });
        else {
          amount = Math.min(b, f.capWan);
          steps.push({ text: `${label} ${fmt(b)}，取其与上限 ${wan(f.capWan)} 中较小者，为 ${fmt(amount)}` });
        }
      }
      break;
    }
    case 'notStated':
      basis = 'not-stated';
      steps.push({ text: NO_AMOUNT, quote: f.quote, at: f.at });
      break;
    default: {
      // A formula kind added to the schema must be handled here (this fails type-checking until it
      // is); unvalidated data with an unknown kind gets no amount rather than a guess.
      const unknownKind: never = f;
      steps.push({ text: `${NO_AMOUNT}（未识别的计算方式 ${String((unknownKind as { kind?: unknown }).kind)}）` });
    }
  }
  if (amount !== null) {
    amount = wan(amount);
    steps.push({ text: `最高支持 ${fmt(amount)}` });
  }
  for (const p of support.payments ?? []) {
    let text = p.label;
    if (p.sharePct !== undefined) text += ` ${p.sharePct}%` + (amount !== null ? `，即 ${fmt((amount * p.sharePct) / 100)}` : '');
    if (p.amountWan !== undefined) text += ` ${fmt(p.amountWan)}`;
    steps.push({ text, quote: p.quote, at: p.at });
  }
  for (const n of support.notes ?? []) steps.push({ text: `附注：${n.text}`, quote: n.quote, at: n.at });
  return { maxSupportWan: amount, basis, working: steps };
}
