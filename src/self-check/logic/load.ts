/**
 * Which data files a scope needs, and loading them. Pure apart from the injected `fetchJson`, so the
 * browser, the unit tests and the benchmark (scripts/bench/self-check-bytes.ts) run the same code and
 * agree on what a scope transfers.
 *
 * A one-policy, programme or direction scope reads its key's policy id and fetches that policy's
 * criteria file only: nothing it loads grows with the corpus. A province scope fetches the province's
 * list of policies, then their files; the whole corpus, every province's list.
 */
import { selfCheckDataUrl } from '../../model/routes.ts';
import { parseScope, readScopeKey, type Scope } from './scope.ts';
import type { IslandPolicy, SelfCheckIndex, SelfCheckProvince } from './types.ts';

/** Reads one JSON file; null when it does not exist (a stale link naming a policy since removed). */
export type FetchJson = (url: string) => Promise<unknown>;

export interface LoadedScope {
  scope: Scope;
  /** The policies in scope, in corpus order (provinces in index order, each province's list in order). */
  policies: IslandPolicy[];
}

/** Loads scopes against one index, fetching each file at most once (files are cached across scopes). */
export class ScopeLoader {
  private readonly files = new Map<string, Promise<unknown>>();

  constructor(
    readonly index: SelfCheckIndex,
    private readonly fetchJson: FetchJson,
  ) {}

  private get<T>(url: string): Promise<T | null> {
    let hit = this.files.get(url);
    if (!hit) {
      hit = this.fetchJson(url);
      // A failed request is not cached: the next attempt asks again.
      hit.catch(() => this.files.delete(url));
      this.files.set(url, hit);
    }
    return hit as Promise<T | null>;
  }

  /** The ids of the policies a scope covers, fetching the province lists it needs. */
  private async policyIds(scope: Scope): Promise<string[] | null> {
    if (scope.kind !== 'all' && scope.kind !== 'province') return [scope.policy];
    const provinces = scope.kind === 'all' ? this.index.provinces : this.index.provinces.filter((p) => p === scope.province);
    if (provinces.length === 0) return null;
    const lists = await Promise.all(provinces.map((p) => this.get<SelfCheckProvince>(selfCheckDataUrl.province(p))));
    if (lists.some((l) => l === null)) return null;
    return lists.flatMap((l) => l!.policies);
  }

  /**
   * The scope a key names and its policies' criteria, or null when the key is malformed or names
   * nothing that exists (the page then asks for the scope again). Network errors are thrown.
   */
  async load(key: unknown): Promise<LoadedScope | null> {
    const scope = readScopeKey(key);
    if (!scope) return null;
    const ids = await this.policyIds(scope);
    if (!ids) return null;
    const files = await Promise.all(ids.map((id) => this.get<IslandPolicy>(selfCheckDataUrl.policy(id))));
    if (files.some((f) => f === null)) return null;
    const policies = files as IslandPolicy[];
    return parseScope(key, { policies }) ? { scope, policies } : null;
  }
}
