/**
 * Links from the results to the exact clause of the original text. The URLs come from the site's one set
 * of builders (src/model/routes.ts, zod-free, so the browser imports it too); the anchors from the island.
 */
import { sourceUrl } from '../../model/routes.ts';
import type { IslandData, IslandPolicy } from './types.ts';

/** The key of a quote with the place its citation names (the same words may be printed at several places). */
const placed = (quote: string, at: string): string => `${at}\u0000${quote}`;

/**
 * Quote → anchor for one policy, read from the anchors island.ts placed beside every quote: by the quote
 * and its `at` where the object has one, and by the quote alone (the first place it is cited).
 */
export function quoteAnchors(policy: IslandPolicy): Map<string, string> {
  const map = new Map<string, string>();
  const pairs = [['quote', 'a'], ['capQuote', 'ca'], ['methodQuote', 'ma']] as const;
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x !== null && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      for (const [q, a] of pairs) {
        const quote = o[q];
        const anchor = o[a];
        if (typeof quote !== 'string' || typeof anchor !== 'string') continue;
        if (!map.has(quote)) map.set(quote, anchor);
        if (q === 'quote' && typeof o.at === 'string') map.set(placed(quote, o.at), anchor);
      }
      Object.values(o).forEach(walk);
    }
  };
  walk(policy);
  return map;
}

/** quoteHref for the browser: the exact place of a quote in its policy's original-text page. */
export class QuoteLinks {
  private readonly byPolicy = new Map<string, Map<string, string>>();

  constructor(data: IslandData) {
    for (const p of data.policies) this.byPolicy.set(p.id, quoteAnchors(p));
  }

  /**
   * The link for a quote, at the place `at` names when given; the top of the original text if the quote
   * is unknown (never a dead anchor).
   */
  href(policyId: string, quote: string, at?: string): string {
    const anchors = this.byPolicy.get(policyId);
    const anchor = (at !== undefined ? anchors?.get(placed(quote, at)) : undefined) ?? anchors?.get(quote);
    return sourceUrl(policyId, anchor);
  }
}
