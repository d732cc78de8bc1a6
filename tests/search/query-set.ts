/**
 * The search query set (tests/search/queries.yaml), read and resolved to URLs with the site's own route
 * builders. Used by the browser test and by scripts/bench-search.ts. Node only (reads files).
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { contactsUrl, directionUrl, personUrl, policyUrl, programmeUrl, sourceUrl, timelineUrl, compareUrl } from '../../src/model/routes.ts';
import { personSlugOf } from '../../src/lib/contacts.ts';

export interface SearchCase {
  q: string;
  tag: string;
  /** Every one of these must be in the top 3. */
  expect: string[];
  /** At least one of these must be in the top 3. */
  anyOf: string[];
}

export interface QuerySet {
  queries: SearchCase[];
  nothing: string[];
}

interface Raw {
  queries: Array<{ q: string | number; tag: string; expect?: string[]; anyOf?: string[] }>;
  nothing: Array<string | number>;
}

/** A page reference of the query file (d:policy/direction, person:姓名 …) as the URL the site uses. */
export function resolveRef(ref: string): string {
  if (ref.startsWith('/')) return ref;
  const [kind, rest = ''] = ref.split(/:(.*)/s) as [string, string];
  const [a = '', b = ''] = rest.split('/');
  switch (kind) {
    case 'd':
      return directionUrl(a, b);
    case 'g':
      return programmeUrl(a, b);
    case 'p':
      return policyUrl(a);
    case 's':
      return sourceUrl(a);
    case 't':
      return timelineUrl(a);
    case 'c':
      return compareUrl(a);
    case 'person':
      return personUrl(personSlugOf(rest));
    case 'office':
      return contactsUrl(`contact-${a}-${b}`);
    default:
      throw new Error(`tests/search/queries.yaml：无法识别的页面写法 “${ref}”`);
  }
}

export function loadQuerySet(file = 'tests/search/queries.yaml'): QuerySet {
  const raw = parse(readFileSync(file, 'utf8')) as Raw;
  return {
    queries: raw.queries.map((x) => ({ q: String(x.q), tag: x.tag, expect: (x.expect ?? []).map(resolveRef), anyOf: (x.anyOf ?? []).map(resolveRef) })),
    nothing: raw.nothing.map(String),
  };
}

export interface CaseScore {
  q: string;
  tag: string;
  /** Rank (1-based) of the first expected page, or 0 when none is returned. */
  firstRank: number;
  /** Share of the expectation met in the top 3 (all of expect; one of anyOf). */
  recall3: number;
  top: string[];
}

/** Scores one query's ranked URLs against its expectation. */
export function scoreCase(c: SearchCase, urls: readonly string[]): CaseScore {
  const wanted = [...c.expect, ...c.anyOf];
  const idx = urls.findIndex((u) => wanted.includes(u));
  const top3 = urls.slice(0, 3);
  const parts: number[] = c.expect.map((u) => (top3.includes(u) ? 1 : 0));
  if (c.anyOf.length) parts.push(c.anyOf.some((u) => top3.includes(u)) ? 1 : 0);
  const recall3 = parts.length ? parts.reduce((a, b) => a + b, 0) / parts.length : 0;
  return { q: c.q, tag: c.tag, firstRank: idx + 1, recall3, top: urls.slice(0, 5) };
}

export interface SetSummary {
  queries: number;
  recallAt1: number;
  recallAt3: number;
  mrr: number;
  nothing: number;
  nothingEmpty: number;
  misses: CaseScore[];
  nonEmptyNothing: Array<{ q: string; top: string[] }>;
}

export function summarise(scores: readonly CaseScore[], nothing: ReadonlyArray<{ q: string; urls: readonly string[] }>): SetSummary {
  const n = scores.length || 1;
  return {
    queries: scores.length,
    recallAt1: scores.filter((s) => s.firstRank === 1).length / n,
    recallAt3: scores.reduce((a, s) => a + s.recall3, 0) / n,
    mrr: scores.reduce((a, s) => a + (s.firstRank ? 1 / s.firstRank : 0), 0) / n,
    nothing: nothing.length,
    nothingEmpty: nothing.filter((x) => x.urls.length === 0).length,
    misses: scores.filter((s) => s.recall3 < 1),
    nonEmptyNothing: nothing.filter((x) => x.urls.length > 0).map((x) => ({ q: x.q, top: x.urls.slice(0, 3) })),
  };
}
