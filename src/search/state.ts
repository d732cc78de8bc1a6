/**
 * The search page's state in its URL (?q=…&kind=…&province=…&policy=…), so a search can be linked,
 * reloaded and reached from the header form on every page. Pure.
 */
import type { Filters } from './engine.ts';
import type { PageKind } from './types.ts';

export interface SearchState {
  q: string;
  filters: Required<Filters>;
}

export function stateFromSearch(search: string): SearchState {
  const params = new URLSearchParams(search);
  return {
    q: params.get('q')?.trim() ?? '',
    filters: {
      kinds: params.getAll('kind') as PageKind[],
      provinces: params.getAll('province'),
      policies: params.getAll('policy'),
    },
  };
}

export function searchOfState(s: SearchState): string {
  const params = new URLSearchParams();
  if (s.q) params.set('q', s.q);
  for (const k of s.filters.kinds) params.append('kind', k);
  for (const p of s.filters.provinces) params.append('province', p);
  for (const p of s.filters.policies) params.append('policy', p);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const activeFilterCount = (f: Required<Filters>) => f.kinds.length + f.provinces.length + f.policies.length;
