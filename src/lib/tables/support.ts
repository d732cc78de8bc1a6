/**
 * support.csv: one row per part of a direction's support — the clause naming the method, each rated
 * part, fixed amount, tier, cap, instalment and cited note — so every figure sits in its own row with
 * its own quote. Directions without support (guidance documents) have no rows.
 */
import type { Direction } from '../../schemas/index.ts';
import type { OpenData } from '../../schemas/open-data.ts';
import type { SupportRow } from '../../schemas/tables.ts';
import { oneLine } from './shared.ts';

type Item = Omit<SupportRow, 'id' | 'policy' | 'direction' | 'method' | 'formula' | 'cap_wan'>;

const blank = { label: null, base_field: null, base_label: null, rate_pct: null, amount_wan: null, share_pct: null };

function items(support: NonNullable<Direction['support']>): Item[] {
  const f = support.formula;
  const out: Item[] = [{ ...blank, item: 'method', quote: support.methodQuote, locator: support.methodAt }];
  const rate = (p: { base: string; baseLabel: string; ratePct: number; quote: string; at: string }): Item => ({
    ...blank,
    item: 'rate-part',
    base_field: p.base,
    base_label: p.baseLabel,
    rate_pct: p.ratePct,
    quote: p.quote,
    locator: p.at,
  });
  switch (f.kind) {
    case 'rate':
      out.push(rate(f.part));
      break;
    case 'parts':
      out.push(...f.parts.map(rate));
      break;
    case 'fixed':
      out.push({ ...blank, item: 'fixed', amount_wan: f.amountWan, quote: f.quote, locator: f.at });
      break;
    case 'tiers':
      for (const t of f.tiers) out.push({ ...blank, item: 'tier', label: t.label, amount_wan: t.amountWan ?? null, quote: t.quote, locator: t.at });
      break;
    case 'upTo':
      out.push({ ...blank, item: 'up-to', base_field: f.base ?? null, base_label: f.baseLabel ?? null, amount_wan: f.capWan, quote: f.quote, locator: f.at });
      break;
    case 'notStated':
      out.push({ ...blank, item: 'not-stated', quote: f.quote, locator: f.at });
      break;
  }
  // A cap's quote carries no locator of its own in the data; it sits in the rated clause (as on the
  // direction page) or, for tiers, in the clause naming the support.
  if ((f.kind === 'rate' || f.kind === 'parts' || f.kind === 'tiers') && f.capWan !== undefined && f.capQuote !== undefined) {
    const locator = f.kind === 'rate' ? f.part.at : f.kind === 'parts' ? f.parts[0]!.at : support.methodAt;
    out.push({ ...blank, item: 'cap', amount_wan: f.capWan, quote: f.capQuote, locator });
  }
  for (const p of support.payments) out.push({ ...blank, item: 'payment', label: p.label, share_pct: p.sharePct ?? null, amount_wan: p.amountWan ?? null, quote: p.quote, locator: p.at });
  for (const n of support.notes) out.push({ ...blank, item: 'note', label: n.text, quote: n.quote, locator: n.at });
  return out;
}

export function supportRows(data: OpenData): SupportRow[] {
  return data.policies.flatMap((p) =>
    p.directions.flatMap((d) => {
      if (!d.support) return [];
      const f = d.support.formula;
      const cap = f.kind === 'upTo' ? f.capWan : f.kind === 'fixed' || f.kind === 'notStated' ? undefined : f.capWan;
      return items(d.support).map(
        (x, i): SupportRow => ({
          id: `${p.id}/${d.id}/${i + 1}`,
          policy: p.id,
          direction: d.id,
          method: d.support!.method,
          formula: f.kind,
          cap_wan: cap ?? null,
          ...x,
          quote: oneLine(x.quote),
        }),
      );
    }),
  );
}
