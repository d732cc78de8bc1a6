/**
 * Which directions a scope covers and which questions they read. Pure (no DOM), shared by the build
 * step, the browser and the unit tests.
 *
 * A direction reads the fields of its applicable criteria (its policy's eligibility minus what is
 * excepted for it, then its own; src/model/criteria.ts) and the bases of its support formula. Derived
 * fields are never asked: their inputs are, recursively.
 */
import { applicableCriteria, fieldsOf } from '../../model/criteria.ts';
import type { Field } from '../../schemas/index.ts';
import type { IslandData, IslandDirection, IslandPolicy } from './types.ts';

export interface DirectionRef {
  policy: IslandPolicy;
  direction: IslandDirection;
}

/** A scope read from its key. */
export type Scope =
  | { kind: 'all' }
  | { kind: 'province'; province: string }
  | { kind: 'policy'; policy: string }
  | { kind: 'programme'; policy: string; programme: string }
  | { kind: 'direction'; policy: string; direction: string };

/** What a scope key needs to be checked against: the policies with their programmes and directions. */
export interface ScopeCatalogue {
  policies: ReadonlyArray<{ id: string; province: string; shortTitle: string; programmes: ReadonlyArray<{ id: string; name: string }>; directions: ReadonlyArray<{ id: string; name: string; programme: string }> }>;
}

/** Ids are lowercase ASCII slugs (schemas/citation.ts): anything else in a key is not one of ours. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The scope a key spells, read without any data: its kind and ids, or null when malformed. Which files
 * to fetch follows from this alone (see load.ts); whether the scope names something is {@link parseScope}.
 */
export function readScopeKey(key: unknown): Scope | null {
  if (typeof key !== 'string') return null;
  if (key === 'all') return { kind: 'all' };
  const colon = key.indexOf(':');
  if (colon < 0) return null;
  const kind = key.slice(0, colon);
  const rest = key.slice(colon + 1);
  if (kind === 'province') return rest === '' ? null : { kind, province: rest };
  if (kind === 'policy') return SLUG.test(rest) ? { kind, policy: rest } : null;
  const [policy = '', child = '', ...more] = rest.split('/');
  if (!SLUG.test(policy) || !SLUG.test(child) || more.length > 0) return null;
  if (kind === 'programme') return { kind, policy, programme: child };
  if (kind === 'direction') return { kind, policy, direction: child };
  return null;
}

/**
 * The scope a key names, or null when the key is malformed or names nothing in the data (a stale
 * share link, a policy since removed): the page then asks for the scope again instead of guessing.
 */
export function parseScope(key: unknown, data: ScopeCatalogue): Scope | null {
  const scope = readScopeKey(key);
  if (!scope || scope.kind === 'all') return scope;
  if (scope.kind === 'province') return data.policies.some((p) => p.province === scope.province) ? scope : null;
  const p = data.policies.find((x) => x.id === scope.policy);
  if (!p) return null;
  if (scope.kind === 'programme') return p.programmes.some((g) => g.id === scope.programme) ? scope : null;
  if (scope.kind === 'direction') return p.directions.some((d) => d.id === scope.direction) ? scope : null;
  return scope;
}

/** The key of a scope (the inverse of {@link parseScope}). */
export function scopeKey(scope: Scope): string {
  switch (scope.kind) {
    case 'all':
      return 'all';
    case 'province':
      return `province:${scope.province}`;
    case 'policy':
      return `policy:${scope.policy}`;
    case 'programme':
      return `programme:${scope.policy}/${scope.programme}`;
    case 'direction':
      return `direction:${scope.policy}/${scope.direction}`;
  }
}

/** The scope in words, for the results and the printed handout. */
export function describeScope(scope: Scope, data: ScopeCatalogue): string {
  const p = 'policy' in scope ? data.policies.find((x) => x.id === scope.policy) : undefined;
  switch (scope.kind) {
    case 'all':
      return '全部政策文件';
    case 'province':
      return `${scope.province}的全部政策文件`;
    case 'policy':
      return p?.shortTitle ?? scope.policy;
    case 'programme':
      return `${p?.shortTitle ?? scope.policy} · ${p?.programmes.find((x) => x.id === scope.programme)?.name ?? scope.programme}`;
    case 'direction':
      return `${p?.shortTitle ?? scope.policy} · ${p?.directions.find((x) => x.id === scope.direction)?.name ?? scope.direction}`;
  }
}

/** The policies a scope covers (the criteria files to fetch). */
export function policiesInScope<P extends { id: string; province: string }>(policies: readonly P[], scope: Scope): P[] {
  return policies.filter((p) => (scope.kind === 'all' ? true : scope.kind === 'province' ? p.province === scope.province : p.id === scope.policy));
}

/** The directions a scope covers, in corpus order. */
export function directionsInScope(data: IslandData, scope: Scope): DirectionRef[] {
  const out: DirectionRef[] = [];
  for (const policy of policiesInScope(data.policies, scope)) {
    for (const direction of policy.directions) {
      if (scope.kind === 'programme' && direction.programme !== scope.programme) continue;
      if (scope.kind === 'direction' && direction.id !== scope.direction) continue;
      out.push({ policy, direction });
    }
  }
  return out;
}

/** The registry as a map, shared fields first, then each policy's own; the first definition wins, as in the engine. */
export function registryOf(fields: readonly Field[], policies: ReadonlyArray<{ fields?: readonly Field[] }> = []): Map<string, Field> {
  const map = new Map<string, Field>();
  for (const f of [...fields, ...policies.flatMap((p) => p.fields ?? [])]) if (!map.has(f.id)) map.set(f.id, f);
  return map;
}

/** Every `base` in a support formula (rate, parts, upTo…), found generically so a new formula kind is covered. */
function supportBases(x: unknown, out: Set<string>): void {
  if (Array.isArray(x)) x.forEach((i) => supportBases(i, out));
  else if (x !== null && typeof x === 'object') {
    for (const [k, v] of Object.entries(x)) {
      if (k === 'base' && typeof v === 'string') out.add(v);
      else supportBases(v, out);
    }
  }
}

/** Field ids one direction reads (asked or derived): its applicable criteria and its support bases. */
export function fieldsReadBy(policy: IslandPolicy, direction: IslandDirection): Set<string> {
  const out = fieldsOf(applicableCriteria(policy, direction));
  supportBases(direction.support?.formula, out);
  return out;
}

/** Replaces derived ids by the asked fields they are computed from (recursively, cycle-safe). */
export function askedInputs(ids: Iterable<string>, registry: ReadonlyMap<string, Field>): Set<string> {
  const asked = new Set<string>();
  const seen = new Set<string>();
  const visit = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    const f = registry.get(id);
    if (!f) return;
    if (f.type === 'derived') f.derive.of.forEach(visit);
    else asked.add(id);
  };
  for (const id of ids) visit(id);
  return asked;
}

/**
 * Every question a set of directions can need, in registry order: what the questionnaire before this
 * planner asked, page after page (kept as the burden benchmark's “before” figure).
 */
export function questionsFor(refs: readonly DirectionRef[], registry: ReadonlyMap<string, Field>): Field[] {
  const read = new Set<string>();
  for (const r of refs) for (const id of fieldsReadBy(r.policy, r.direction)) read.add(id);
  const asked = askedInputs(read, registry);
  return [...registry.values()].filter((f) => asked.has(f.id));
}
