/**
 * Build time only: the corpus subset the self-check page ships as a JSON island. The engine needs
 * criteria, eligibility, support, rules, deadlines and the field registry; the page needs direction and
 * programme names and, for every quote, its anchor in the original-text page. Source texts, provisions,
 * materials, contacts and summaries stay out: the island is data the browser parses on every visit.
 */
import { anchorOfQuote } from '../../lib/citations.ts';
import type { Corpus, Policy } from '../../lib/corpus.ts';
import type { Field } from '../../schemas/index.ts';
import { selfCheckDataUrl } from '../../model/routes.ts';
import { fieldsReadBy, registryOf } from '../logic/scope.ts';
import type { IslandContact, IslandData, IslandDirection, IslandPolicy, SelfCheckIndex, SelfCheckProvince } from '../logic/types.ts';

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
    if (typeof v !== 'string' || !Object.hasOwn(ANCHOR_KEYS, k)) continue;
    // A `quote`'s own `at` says which printing it means when the words are printed more than once.
    const at = (value as Record<string, unknown>).at;
    out[ANCHOR_KEYS[k as keyof typeof ANCHOR_KEYS]] = anchorOfQuote(policy, v, k === 'quote' && typeof at === 'string' ? at : undefined);
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

/**
 * The one phone the results show for a direction: the contacts handling it (province level first), else
 * the policy's general contacts (those naming no direction). Undefined when the text lists none.
 */
function contactFor(p: Policy, directionId: string): IslandContact | undefined {
  const withPhone = p.contacts.filter((c) => c.phones.length > 0);
  const own = withPhone.filter((c) => c.directions.includes(directionId));
  const pool = own.length > 0 ? own : withPhone.filter((c) => c.directions.length === 0);
  const c = pool.find((x) => x.level === 'province') ?? pool[0];
  return c ? { name: c.name.replace(/\s+/g, ''), organisation: c.organisation, phone: c.phones[0]! } : undefined;
}

function islandPolicy(p: Policy): IslandPolicy {
  const directions = p.directions.map((d): IslandDirection => {
    const contact = contactFor(p, d.id);
    return { ...omit(d, DIRECTION_OMIT), id: d.id, name: d.name, programme: d.programme, criteria: d.criteria, dates: deadlines(d.dates), ...(contact ? { contact } : {}) };
  });
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
  const keep = withInputs(read, registry);
  return { fields: [...registry.values()].filter((f) => keep.has(f.id)), policies };
}

/**
 * JSON safe inside `<script type="application/json">`: `<` is escaped so that no quote can close the
 * element or open a comment, whatever the data holds.
 */
export function islandJson(data: IslandData): string {
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** The fields `ids` need kept: each with everything it is derived from, derived or asked. */
function withInputs(ids: Iterable<string>, registry: ReadonlyMap<string, Field>): Set<string> {
  const keep = new Set<string>();
  const visit = (id: string) => {
    if (keep.has(id)) return;
    keep.add(id);
    const f = registry.get(id);
    if (f?.type === 'derived') f.derive.of.forEach(visit);
  };
  for (const id of ids) visit(id);
  return keep;
}

/**
 * One policy's criteria file (/self-check/policies/<id>.json): what the engine reads for it, the quote
 * anchors, one contact per direction, and the policy's own questions its directions read.
 */
export function buildPolicyFile(corpus: Corpus, p: Policy): IslandPolicy {
  const policy = islandPolicy(p);
  const registry = corpusRegistry(corpus);
  const read = withInputs(policy.directions.flatMap((d) => [...fieldsReadBy(policy, d)]), registry);
  const shared = new Set(sharedFields(corpus).map((f) => f.id));
  return { ...policy, fields: p.fields.filter((f) => read.has(f.id) && !shared.has(f.id)) };
}

const sharedByCorpus = new WeakMap<Corpus, Field[]>();
const registryByCorpus = new WeakMap<Corpus, Map<string, Field>>();

/** The corpus's question registry, built once: every policy's file reads it, and it holds every policy's questions. */
function corpusRegistry(corpus: Corpus): Map<string, Field> {
  let registry = registryByCorpus.get(corpus);
  if (!registry) registryByCorpus.set(corpus, (registry = registryOf(corpus.fields)));
  return registry;
}

/**
 * The shared question registry (policies/fields.yaml): the fields no policy defines itself. Computed once
 * per corpus: every policy's file asks for it, and it reads every policy.
 */
function sharedFields(corpus: Corpus): Field[] {
  let shared = sharedByCorpus.get(corpus);
  if (!shared) {
    const own = new Set(corpus.policies.flatMap((p) => p.fields.map((f) => f.id)));
    shared = corpus.fields.filter((f) => !own.has(f.id));
    sharedByCorpus.set(corpus, shared);
  }
  return shared;
}

/** The provinces in corpus order (the order of their first policy). */
export const selfCheckProvinces = (corpus: Corpus): string[] => [...new Set(corpus.policies.map((p) => p.province))];

/**
 * The file the page fetches first: the shared questions and the provinces. Nothing in it is per policy,
 * so its size does not grow with the corpus (a one-policy scope fetches this and its policy's file).
 */
export function buildIndex(corpus: Corpus): SelfCheckIndex {
  return { fields: sharedFields(corpus), provinces: selfCheckProvinces(corpus) };
}

/** A province's file: its policies' ids in corpus order, fetched for a province or whole-corpus scope. */
export function buildProvinceFile(corpus: Corpus, province: string): SelfCheckProvince {
  return { province, policies: corpus.policies.filter((p) => p.province === province).map((p) => p.id) };
}

/**
 * Every self-check data file the build writes, by URL (src/pages/self-check/), each built on demand:
 * what the unit tests and the benchmark fetch through the same loader as the page, without a site build.
 */
export function selfCheckFiles(corpus: Corpus): Map<string, () => unknown> {
  const files = new Map<string, () => unknown>([[selfCheckDataUrl.index(), () => buildIndex(corpus)]]);
  for (const province of selfCheckProvinces(corpus)) files.set(selfCheckDataUrl.province(province), () => buildProvinceFile(corpus, province));
  for (const p of corpus.policies) files.set(selfCheckDataUrl.policy(p.id), () => buildPolicyFile(corpus, p));
  return files;
}

/** JSON for any of the self-check's files (see {@link islandJson}). */
export const safeJson = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

/** The data the page works on once every policy's file is loaded (what the browser assembles). */
export function selfCheckData(corpus: Corpus, policyIds?: readonly string[]): IslandData {
  const index = buildIndex(corpus);
  const policies = corpus.policies.filter((p) => !policyIds || policyIds.includes(p.id)).map((p) => buildPolicyFile(corpus, p));
  return { fields: index.fields, policies };
}
