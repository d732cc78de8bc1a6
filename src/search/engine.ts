/**
 * The search engine: MiniSearch (BM25+, field boosts, query trees) over the site's own tokens. Shared by
 * the build (which fills and serialises the index) and the browser (which loads it and answers queries),
 * so both tokenise with the same code and the same dictionary. Pure apart from MiniSearch itself.
 *
 * Ranking, fixed for every query rather than per query:
 * - every required group must match (AND); generic words only add rank;
 * - fields: title ≫ keys (programme, policy, department, province, year) > phones > body;
 * - page kinds: answer pages (方向, 联系人, 政策) above evidence (原文) and navigation (目录);
 * - a kind the query asks for (电话 → 联系人, 截止 → 政策 and 时间线) is raised;
 * - a title that contains the whole query is raised again.
 */
import MiniSearch, { type Query, type SearchResult } from 'minisearch';
import { parseQuery, spellingCandidates, type ParsedQuery } from './query.ts';
import { buildLexicon, indexTokens, normalize, phoneTokens, type Lexicon } from './text.ts';
import type { IndexField, PageKind, SearchDoc, SearchPayload, SearchPolicy } from './types.ts';
import { INDEX_FIELDS } from './types.ts';

export const FIELD_BOOST: Record<IndexField, number> = { title: 8, keys: 3, phones: 4, body: 1 };

export const KIND_WEIGHT: Record<PageKind, number> = {
  direction: 1,
  programme: 0.8,
  person: 1,
  policy: 0.5,
  compare: 0.6,
  timeline: 0.5,
  directory: 0.5,
  source: 0.35,
};

/** Which page kinds each intent word raises, and by how much. */
const INTENT_KINDS: Record<string, PageKind[]> = {
  contact: ['person'],
  direction: ['direction'],
  date: ['policy', 'timeline'],
  compare: ['compare'],
  source: ['source'],
};
const INTENT_BOOST = 3;
/** Kinds whose body is a list drawn from other pages, and how much a match only there counts. */
const DERIVED_BODY: ReadonlySet<PageKind> = new Set(['person', 'directory']);
const BODY_ONLY = 0.3;

/** Index options: the build and the browser must agree on them. */
export function indexOptions(lexicon: Lexicon) {
  return {
    fields: [...INDEX_FIELDS],
    idField: 'id',
    tokenize: (text: string, field?: string) => (field === 'phones' ? phoneTokens(text.split(/\s+/)) : indexTokens(text, lexicon)),
    processTerm: (term: string) => term,
  };
}

/** A page's text, by field, as the build hands it to the index. */
export type IndexedText = { id: number } & Record<IndexField, string>;

export function buildIndex(texts: readonly IndexedText[], lexicon: Lexicon): MiniSearch<IndexedText> {
  const ms = new MiniSearch<IndexedText>(indexOptions(lexicon));
  ms.addAll(texts);
  return ms;
}

export interface Hit {
  doc: SearchDoc;
  score: number;
}

export interface Filters {
  kinds?: readonly PageKind[];
  provinces?: readonly string[];
  policies?: readonly string[];
}

export type Outcome =
  | { state: 'idle' }
  | { state: 'too-short'; query: ParsedQuery }
  | { state: 'results'; query: ParsedQuery; hits: Hit[]; corrected?: { from: string; to: string } }
  | { state: 'none'; query: ParsedQuery; near: Hit[]; suggestions: string[] };

export interface Searcher {
  search(raw: string, filters?: Filters): Outcome;
  policy(id: string): SearchPolicy | undefined;
  docs: readonly SearchDoc[];
  lexicon: Lexicon;
}

export function createSearcher(payload: SearchPayload): Searcher {
  const lexicon = buildLexicon(payload.lexicon);
  // The payload is already parsed: loadJS takes the object as is (loadJSON would parse it a second time).
  const ms = MiniSearch.loadJS<IndexedText>(payload.index as Parameters<typeof MiniSearch.loadJS>[0], indexOptions(lexicon));
  const docs = payload.docs;
  const policies = new Map(payload.policies.map((p) => [p.id, p]));
  const kindWeight = payload.kindWeight;

  function passes(doc: SearchDoc, f: Filters | undefined): boolean {
    if (!f) return true;
    if (f.kinds?.length && !f.kinds.includes(doc.kind)) return false;
    if (f.policies?.length && !doc.policies.some((p) => f.policies!.includes(p))) return false;
    if (f.provinces?.length && !doc.policies.some((p) => f.provinces!.includes(policies.get(p)?.province ?? ''))) return false;
    return true;
  }

  // Document frequency over all fields: a term found on most pages (技术改造) says less than a rare one
  // (贴息). MiniSearch's own IDF is per field, which lets a common word in a title outrank a rare word.
  const dfCache = new Map<string, number>();
  const docFrequency = (term: string) => {
    let df = dfCache.get(term);
    if (df === undefined) dfCache.set(term, (df = ms.search(term, { tokenize: (s: string) => [s], processTerm: (t: string) => t }).length));
    return df;
  };
  const specificity = (term: string) => 1 + Math.log(docs.length / Math.max(1, docFrequency(term)));

  function groupQuery(group: string[], prefixes: Set<string>): Query {
    const leaves: Query[] = group.map((term) => ({ queries: [term], prefix: prefixes.has(term) }) as Query);
    return leaves.length === 1 ? leaves[0]! : { combineWith: 'OR', queries: leaves };
  }

  function run(q: ParsedQuery, f: Filters | undefined, combineWith: 'AND' | 'OR'): Hit[] {
    if (q.groups.length === 0) return [];
    const prefixes = new Set(q.digitPrefixes);
    const raised = new Set(q.intents.flatMap((i) => INTENT_KINDS[i] ?? []));
    const query: Query = { combineWith, queries: q.groups.map((g) => groupQuery(g, prefixes)) };
    const results: SearchResult[] = ms.search(query, {
      tokenize: (s: string) => [s],
      processTerm: (t: string) => t,
      boost: FIELD_BOOST,
      fuzzy: false,
      boostTerm: (term) => specificity(term),
      filter: (r) => passes(docs[r.id as number]!, f),
      boostDocument: (id) => {
        const doc = docs[id as number]!;
        return (kindWeight[doc.kind] ?? 1) * (raised.has(doc.kind) ? INTENT_BOOST : 1);
      },
    });
    const soft = new Map<number, number>();
    if (q.soft.length > 0 && results.length > 0) {
      for (const r of ms.search({ combineWith: 'OR', queries: q.soft }, { tokenize: (s: string) => [s], processTerm: (t: string) => t, boost: FIELD_BOOST }))
        soft.set(r.id as number, r.score);
    }
    const core = q.core;
    const hits = results.map((r) => {
      const doc = docs[r.id as number]!;
      const title = normalize(doc.title).replace(/\s+/g, '');
      let score = r.score + 0.2 * (soft.get(doc.id) ?? 0);
      // A person's body only lists the directions they handle: when nothing but that list matches, the
      // direction itself is the answer, unless the query asks for a contact (电话, 联系人 …).
      if (DERIVED_BODY.has(doc.kind) && !raised.has(doc.kind) && Object.values(r.match).every((fields) => fields.every((f) => f === 'body'))) score *= BODY_ONLY;
      if (core.length >= 2 && title === core) score *= 5;
      else if (core.length >= 2 && title.includes(core)) score *= 3;
      return { doc, score };
    });
    return hits.sort((a, b) => b.score - a.score);
  }

  function search(raw: string, filters?: Filters): Outcome {
    const text = raw.trim();
    if (!text) return { state: 'idle' };
    const query = parseQuery(text, lexicon);
    if (query.groups.length === 0) return { state: 'too-short', query };
    const hits = run(query, filters, 'AND');
    if (hits.length > 0) return { state: 'results', query, hits };
    // Nothing: try one-character slips of dictionary terms (煤干石 → 煤矸石) before giving up.
    for (const run1 of query.loose) {
      for (const fixed of spellingCandidates(run1, lexicon)) {
        const to = text.replace(run1, fixed);
        const again = parseQuery(to, lexicon);
        const found = run(again, filters, 'AND');
        if (found.length > 0) return { state: 'results', query: again, hits: found, corrected: { from: text, to } };
      }
    }
    // Suggestions: dictionary terms that share a pair of characters with what was typed and find pages.
    const pairs = new Set(query.groups.flat().filter((t) => t.length === 2));
    const suggestions = [...lexicon.roles.entries()]
      .filter(([t, role]) => role === 'term' && t.length >= 2 && [...pairs].some((p) => t.includes(p)) && docFrequency(t) > 0)
      .map(([t]) => t)
      .slice(0, 5);
    // Near matches: pages that match some of the words, offered as a way forward, never as results.
    const near = query.groups.length > 1 ? run(query, filters, 'OR').slice(0, 5) : [];
    return { state: 'none', query, near, suggestions };
  }

  return { search, policy: (id) => policies.get(id), docs, lexicon };
}
