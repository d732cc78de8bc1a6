/**
 * Build time only: the corpus subset the self-check page ships as a JSON island. The engine needs
 * criteria, eligibility, support, rules, deadlines and the field registry; the page needs direction and
 * programme names and, for every quote, its anchor in the original-text page. Source texts, provisions,
 * materials, contacts and summaries stay out: the island is data the browser parses on every visit.
 */
import { anchorOfQuote } from '../citations.ts';
import type { Corpus, Policy } from '../corpus.ts';
import { fieldsReadBy, registryOf } from './questions.ts';
import type { IslandData, IslandDirection, IslandPolicy } from './types.ts';

/** Keys holding a verbatim quote → the key that holds its anchor (see links.ts). */
export const ANCHOR_KEYS = { quote: 'a', capQuote: 'ca', methodQuote: 'ma' } as const;

/**
 * A deep copy of cited data with each quote's anchor added beside it, so the browser can link every
 * reason and support step to the exact place in the original without shipping the original.
 */
function withAnchors<T>(value: T, policy: Policy): T {
  if (Array.isArray(value)) return value.map((v: unknown) => withAnchors(v, policy)) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = withAnchors(v, policy);
    if (typeof v === 'string' && Object.hasOwn(ANCHOR_KEYS, k)) out[ANCHOR_KEYS[k as keyof typeof ANCHOR_KEYS]] = anchorOfQuote(policy, v);
  }
  return out as T;
}

/**
 * What the page never reads from a direction or policy: prose, materials, contacts, the original text.
 * Everything else is kept, so that a property the engine starts reading (as it did `schemeSeparately`)
 * reaches the browser without a change here; the unit test comparing island and corpus evaluations
 * catches anything dropped that matters.
 */
const DIRECTION_OMIT = new Set(['quote', 'at', 'order', 'summary', 'aliases', 'applicants', 'criteriaNote', 'quota', 'materials', 'industries']);
const POLICY_OMIT = new Set(['title', 'issuer', 'docNumber', 'addressees', 'materials', 'provisions', 'inconsistencies', 'source', 'basis', 'contacts', 'fields', 'sourceText']);

function omit<T extends object>(o: T, keys: ReadonlySet<string>): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([k]) => !keys.has(k))) as Partial<T>;
}

/** Only deadlines decide the default as-of date (engine asof.ts); other dates are not shipped. */
const deadlines = <D extends { kind: string }>(dates: readonly D[]) => dates.filter((d) => d.kind === 'deadline');

function islandPolicy(p: Policy): IslandPolicy {
  const directions = p.directions.map((d): IslandDirection => ({ ...omit(d, DIRECTION_OMIT), id: d.id, name: d.name, programme: d.programme, criteria: d.criteria, dates: deadlines(d.dates) }));
  const policy: IslandPolicy = {
    ...omit(p, POLICY_OMIT),
    id: p.id,
    kind: p.kind,
    province: p.province,
    year: p.year,
    shortTitle: p.shortTitle,
    programmes: p.programmes.map((g) => ({ id: g.id, name: g.name })),
    dates: deadlines(p.dates),
    directions,
  };
  return withAnchors(policy, p);
}

/** The island for a corpus: every policy, and only the registry fields some direction reads. */
export function buildIsland(corpus: Corpus): IslandData {
  const policies = corpus.policies.map(islandPolicy);
  const registry = registryOf(corpus.fields);
  const read = new Set<string>();
  for (const p of policies) for (const d of p.directions) for (const id of fieldsReadBy(p, d)) read.add(id);
  // Derived fields stay (the engine computes them) with everything they are computed from, derived or asked.
  const keep = new Set<string>();
  const visit = (id: string) => {
    if (keep.has(id)) return;
    keep.add(id);
    const f = registry.get(id);
    if (f?.type === 'derived') f.derive.of.forEach(visit);
  };
  read.forEach(visit);
  return { fields: [...registry.values()].filter((f) => keep.has(f.id)), policies };
}

/**
 * JSON safe inside `<script type="application/json">`: `<` is escaped so that no quote can close the
 * element or open a comment, whatever the data holds.
 */
export function islandJson(data: IslandData): string {
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
