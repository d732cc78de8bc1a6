/**
 * How far a draft agrees with a curated policy: the share of the curated phones, dates and amounts the
 * draft found at the same place in the text, and the share of curated quotes whose `at` equals the
 * extractor's locator for the same text. Used by scripts/bench-authoring.ts. Pure: no I/O.
 */
import { citationPairs } from '../data/citation-walk.ts';
import { quoteSpans, stripSpace } from '../data/text.ts';
import type { CandidateFact, Draft } from './extract.ts';
import { locatorOfSpan } from '../lib/sections.ts';

export interface Tally {
  found: number;
  total: number;
  /** What the draft missed, for the author of the extractor. */
  missed: string[];
}

export interface Agreement {
  phones: Tally;
  dates: Tally;
  amounts: Tally;
  locators: Tally;
  /** Draft quotes that are not verbatim in the source (must be 0). */
  quotesNotFound: string[];
}

interface Curated {
  kind: 'phone' | 'date' | 'amount';
  value: string | number;
  quote: string;
}

/** Every phone, printed day and amount (万元) the curated data states, with the quote that vouches. */
export function curatedFigures(policy: unknown): Curated[] {
  const out: Curated[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    const quote = typeof o.quote === 'string' ? o.quote : undefined;
    if (quote && Array.isArray(o.phones)) for (const p of o.phones) out.push({ kind: 'phone', value: String(p), quote });
    if (quote && (o.shape === 'day' || o.shape === 'window') && !o.yearFromIssueDate) {
      for (const k of ['date', 'start', 'end']) if (typeof o[k] === 'string') out.push({ kind: 'date', value: o[k] as string, quote });
    }
    if (quote && o.kind === 'dateWindow') for (const k of ['from', 'to']) if (typeof o[k] === 'string') out.push({ kind: 'date', value: o[k] as string, quote });
    if (quote && o.kind === 'threshold' && o.unit === '万元' && typeof o.value === 'number') out.push({ kind: 'amount', value: o.value, quote });
    const capQuote = typeof o.capQuote === 'string' ? o.capQuote : quote;
    if (capQuote && typeof o.capWan === 'number') out.push({ kind: 'amount', value: o.capWan, quote: capQuote });
    if (quote && typeof o.amountWan === 'number') out.push({ kind: 'amount', value: o.amountWan, quote });
    for (const [k, v] of Object.entries(o)) if (k !== 'sourceText') visit(v);
  };
  visit(policy);
  return out;
}

const norm = (s: string) => s.replace(/[\s\u3000]+/g, '');

/** The draft's value of a fact, in the data's form. */
function factValue(f: CandidateFact): string | number | undefined {
  if (f.kind === 'phone') return f.text;
  if (f.kind === 'date') return f.date?.iso;
  if (f.kind === 'amount' || (f.kind === 'threshold' && f.unit === '万元')) return f.value;
  return undefined;
}

export function agreement(draft: Draft, source: string, policy: unknown): Agreement {
  const tally = (): Tally => ({ found: 0, total: 0, missed: [] });
  const result: Agreement = { phones: tally(), dates: tally(), amounts: tally(), locators: tally(), quotesNotFound: [] };
  const lineStart = (line: number) => {
    let at = 0;
    for (let n = 1; n < line; n++) at = source.indexOf('\n', at) + 1;
    return at;
  };
  // Facts by kind with their offsets, to tell whether the draft found a figure where the data cites it.
  const located = draft.facts.map((f) => {
    const s = lineStart(f.line);
    const e = source.indexOf('\n', s);
    return { f, from: s, to: e === -1 ? source.length : e, value: factValue(f) };
  });
  const kindOf = { phone: 'phones', date: 'dates', amount: 'amounts' } as const;
  const seen = new Set<string>();
  for (const c of curatedFigures(policy)) {
    const key = `${c.kind}|${c.value}|${norm(c.quote)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const t = result[kindOf[c.kind]];
    t.total++;
    const spans = quoteSpans(c.quote, source);
    const hit = located.some(
      (x) =>
        x.value !== undefined &&
        (c.kind === 'amount' ? x.f.kind === 'amount' || x.f.kind === 'threshold' : x.f.kind === c.kind) &&
        (typeof c.value === 'number' ? Math.abs(Number(x.value) - c.value) < 1e-6 : x.value === c.value) &&
        spans.some(([a, b]) => x.from < b && a < x.to),
    );
    if (hit) t.found++;
    else t.missed.push(`${c.value} “${c.quote.replace(/\s+/g, ' ').slice(0, 40)}”`);
  }
  const cites = new Set<string>();
  for (const c of citationPairs(policy)) {
    const key = `${norm(c.quote)}|${norm(c.at)}`;
    if (cites.has(key)) continue;
    cites.add(key);
    const spans = quoteSpans(c.quote, source);
    if (spans.length === 0) continue;
    result.locators.total++;
    // A clause printed twice (the same condition in two directions) is the same text in both places.
    const got = spans.map(([a, b]) => locatorOfSpan(draft.tree, source, a, b));
    if (got.some((g) => norm(g) === norm(c.at))) result.locators.found++;
    else result.locators.missed.push(`${c.at} ≠ ${got[0]} “${c.quote.replace(/\s+/g, ' ').slice(0, 30)}”`);
  }
  const compact = stripSpace(source);
  for (const f of draft.facts) if (!compact.includes(stripSpace(f.quote))) result.quotesNotFound.push(f.quote);
  for (const c of draft.contacts) if (!compact.includes(stripSpace(c.quote))) result.quotesNotFound.push(c.quote);
  for (const d of draft.directions) if (!compact.includes(stripSpace(d.quote))) result.quotesNotFound.push(d.quote);
  return result;
}
