/**
 * The shard plan: a partition of the corpus into groups of policies, by province, for the sharded build
 * (`scripts/build-shards.ts`). With `SITE_SHARD=<shard id>[,<id>…]`, a build renders only those shards'
 * pages (their policies, directions, source texts and per-policy files, and the people first listed by
 * one of their policies); with `SITE_SHARD=site`, only the cross-policy pages (home, compare, contacts,
 * timeline, search and its index, self-check data, open data). Every build reads the whole corpus (a
 * direction page links similar directions of other shards) but renders only its part, so the builds can
 * run on separate machines and their folders be merged.
 *
 * A province is never split unless it alone has more than `maxPolicies` policies; small provinces are
 * packed together in corpus order (province, then year), so adding a notice moves few pages between
 * shards.
 */
import type { Corpus } from '../data/load.ts';
import { directoryEntries, people } from './contacts.ts';
import { getCorpus } from './corpus.ts';

export interface Shard {
  /** `shard-01`, `shard-02`…: a folder and URL segment. */
  id: string;
  provinces: string[];
  policies: string[];
}

/** Policies per shard when SHARD_MAX_POLICIES is not set: about 6,000 pages a shard. */
export const DEFAULT_MAX_POLICIES = 100;

export function maxPoliciesPerShard(): number {
  const raw = process.env.SHARD_MAX_POLICIES;
  if (raw === undefined || raw === '') return DEFAULT_MAX_POLICIES;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`SHARD_MAX_POLICIES：应为正整数；实际为 “${raw}”`);
  return n;
}

/** Groups policies (in corpus order) into shards of at most `maxPolicies`, keeping provinces whole where they fit. */
export function shardPlan(policies: ReadonlyArray<{ id: string; province: string }>, maxPolicies = maxPoliciesPerShard()): Shard[] {
  const byProvince = new Map<string, string[]>();
  for (const p of policies) {
    const list = byProvince.get(p.province);
    if (list) list.push(p.id);
    else byProvince.set(p.province, [p.id]);
  }
  const groups: Array<{ provinces: string[]; policies: string[] }> = [];
  let current: { provinces: string[]; policies: string[] } | undefined;
  for (const [province, ids] of byProvince) {
    // A province larger than a shard is cut into full shards; its remainder may share with the next.
    for (let i = 0; i < ids.length; i += maxPolicies) {
      const chunk = ids.slice(i, i + maxPolicies);
      if (!current || current.policies.length + chunk.length > maxPolicies) {
        current = { provinces: [], policies: [] };
        groups.push(current);
      }
      if (!current.provinces.includes(province)) current.provinces.push(province);
      current.policies.push(...chunk);
    }
  }
  const width = String(groups.length).length < 2 ? 2 : String(groups.length).length;
  return groups.map((g, i) => ({ id: `shard-${String(i + 1).padStart(width, '0')}`, ...g }));
}

/** What one build renders: everything, the pages of some shards, or the cross-policy pages. */
export type BuildScope = { kind: 'all' } | { kind: 'site' } | { kind: 'shards'; shards: Shard[] };

/** Who owns a page: a shard (by policy id, or a person's slug) or the site-wide step. */
export type PageOwner = { policy: string } | { person: string } | 'site';

/**
 * The owner of an output path (`/policies/<id>/…`, `/timeline/<id>/`, `/data/<id>.json`,
 * `/exports/*-<id>.*`, `/contacts/people/<slug>/`). Paths are those of src/model/routes.ts.
 */
export function ownerOfPath(pathname: string, policyIds: ReadonlySet<string>): PageOwner {
  const path = pathname.replace(/index\.html$/, '');
  const policyPage = /^\/(?:policies|timeline)\/([^/]+)\//.exec(path);
  if (policyPage && policyIds.has(policyPage[1]!)) return { policy: policyPage[1]! };
  const person = /^\/contacts\/people\/([^/]+)\/$/.exec(path);
  if (person) return { person: person[1]! };
  const file = /^\/(?:data\/([^/]+)\.json|exports\/(?:contacts|timeline)-([^/]+)\.(?:csv|vcf|ics))$/.exec(path);
  const id = file?.[1] ?? file?.[2];
  if (id && policyIds.has(id)) return { policy: id };
  return 'site';
}

/** The shard map of a corpus: which shard each policy and each person page belongs to. */
export interface ShardMap {
  plan: Shard[];
  policyIds: ReadonlySet<string>;
  shardOfPolicy: ReadonlyMap<string, string>;
  /** A person belongs to the shard of the first policy that lists them (corpus order). */
  shardOfPerson: ReadonlyMap<string, string>;
}

const maps = new WeakMap<Corpus, ShardMap>();

export function shardMap(corpus: Corpus): ShardMap {
  const hit = maps.get(corpus);
  if (hit) return hit;
  const plan = shardPlan(corpus.policies);
  const shardOfPolicy = new Map(plan.flatMap((s) => s.policies.map((p) => [p, s.id] as const)));
  const shardOfPerson = new Map<string, string>();
  for (const person of people(directoryEntries(corpus))) {
    const first = person.entries[0];
    if (first) shardOfPerson.set(person.slug, shardOfPolicy.get(first.policy.id)!);
  }
  const built = { plan, policyIds: new Set(corpus.policies.map((p) => p.id)), shardOfPolicy, shardOfPerson };
  maps.set(corpus, built);
  return built;
}

/** The shard id a page belongs to, or 'site' for a cross-policy page. */
export function shardOfPath(map: ShardMap, pathname: string): string {
  const owner = ownerOfPath(pathname, map.policyIds);
  if (owner === 'site') return 'site';
  if ('policy' in owner) return map.shardOfPolicy.get(owner.policy) ?? 'site';
  return map.shardOfPerson.get(owner.person) ?? 'site';
}

/**
 * The scope of this build, from SITE_SHARD: unset (everything), `site`, or one or more shard ids separated
 * by commas (a build step may cover several shards).
 */
export function buildScope(map: ShardMap): BuildScope {
  const raw = process.env.SITE_SHARD?.trim();
  if (!raw || raw === 'all') return { kind: 'all' };
  if (raw === 'site') return { kind: 'site' };
  const shards = raw.split(',').map((id) => {
    const shard = map.plan.find((s) => s.id === id.trim());
    if (!shard) throw new Error(`SITE_SHARD：应为 site 或 ${map.plan.map((s) => s.id).join('、')} 中的一个或多个（以逗号分隔）；实际为 “${raw}”`);
    return shard;
  });
  return { kind: 'shards', shards };
}

/** Whether a scope renders the pages of a shard (by id), or of the site step ('site'). */
function covers(scope: BuildScope, owner: string): boolean {
  if (scope.kind === 'all') return true;
  if (scope.kind === 'site') return owner === 'site';
  return scope.shards.some((s) => s.id === owner);
}

/** Whether this build renders the page at `pathname`. */
export function inScope(map: ShardMap, scope: BuildScope, pathname: string): boolean {
  return covers(scope, shardOfPath(map, pathname));
}

// ---------------------------------------------------------------------------------------------------
// The scope of the running build (pages, middleware and getStaticPaths ask these).

let current: { map: ShardMap; scope: BuildScope } | undefined;

/** This build's shard map and scope, computed once. */
export function currentScope(): { map: ShardMap; scope: BuildScope } {
  if (!current) {
    const map = shardMap(getCorpus());
    current = { map, scope: buildScope(map) };
  }
  return current;
}

/** Whether this build renders the pages of a policy (its own pages, directions, source, per-policy files). */
export function rendersPolicy(policyId: string): boolean {
  const { map, scope } = currentScope();
  return covers(scope, map.shardOfPolicy.get(policyId) ?? 'site');
}

/** Whether this build renders a person's page. */
export function rendersPerson(slug: string): boolean {
  const { map, scope } = currentScope();
  return covers(scope, map.shardOfPerson.get(slug) ?? 'site');
}

/** Whether this build renders the page at `pathname` (the middleware skips the others). */
export function rendersPath(pathname: string): boolean {
  const { map, scope } = currentScope();
  return inScope(map, scope, pathname);
}
