import { enhanceFilterForm, filtersSet, foldedFilters } from '../../lib/filter-form.ts';
/**
 * Client-side filtering of the contact table: shows the (hidden) form, hides rows that do not match,
 * and keeps the query in the URL so a filtered view can be linked. Rows carry everything needed as
 * data attributes, so no data is fetched. Kept small: it ships on the directory page.
 */

/** Whitespace removed and lower-cased: “郭  毅” and “郭毅” are the same query. */
export const normalise = (s: string): string => s.replace(/[\s\u3000\u00a0]+/g, '').toLowerCase();

export interface RowData {
  policy: string;
  dept: string;
  chains: string[];
  search: string;
  industry: string;
}

export interface Query {
  q: string;
  policy: string;
  dept: string;
  chain: string;
  industry: string;
}

/** True when a row matches every filter that is set. Names and numbers match as substrings. */
export function matches(row: RowData, query: Query): boolean {
  const q = normalise(query.q);
  // “0351 3046026” and “03513046026” both find 0351-3046026: the row's key holds the digits too.
  const digits = /^[\d-]+$/.test(q) ? q.replace(/-/g, '') : '';
  if (q && !row.search.includes(q) && !(digits && row.search.includes(digits))) return false;
  if (query.policy && row.policy !== query.policy) return false;
  if (query.dept && row.dept !== query.dept) return false;
  if (query.chain && !row.chains.includes(query.chain)) return false;
  const industry = normalise(query.industry);
  if (industry && !row.industry.includes(industry)) return false;
  return true;
}

const FIELDS = ['q', 'policy', 'dept', 'chain', 'industry'] as const;

/** The filters folded under “更多筛选” on a phone: all but the name box. */
export const MORE_FILTERS: ReadonlyArray<keyof Query> = ['policy', 'dept', 'chain', 'industry'];

export function initContactFilters(): void {
  const form = document.querySelector<HTMLFormElement>('[data-contact-filters]');
  const rows = [...document.querySelectorAll<HTMLTableRowElement>('tr[data-contact]')];
  if (!form || rows.length === 0) return;
  const empty = document.querySelector<HTMLElement>('[data-contact-empty]');
  const count = form.querySelector<HTMLElement>('[data-contact-count]');
  const more = foldedFilters(form);
  const data = rows.map((tr) => ({
    tr,
    row: {
      policy: tr.dataset.policy ?? '',
      dept: tr.dataset.dept ?? '',
      chains: (tr.dataset.chains ?? '').split('|').filter(Boolean),
      search: tr.dataset.search ?? '',
      industry: tr.dataset.industry ?? '',
    },
  }));
  const control = (name: string) => form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;

  const read = (): Query => {
    const q = { q: '', policy: '', dept: '', chain: '', industry: '' };
    for (const f of FIELDS) q[f] = control(f)?.value ?? '';
    return q;
  };

  const apply = () => {
    const query = read();
    let shown = 0;
    for (const { tr, row } of data) {
      const ok = matches(row, query);
      tr.hidden = !ok;
      if (ok) shown++;
    }
    if (empty) empty.hidden = shown > 0;
    if (count) count.textContent = `显示 ${shown} / ${rows.length} 条`;
    more.update(filtersSet(query, MORE_FILTERS));
    const params = new URLSearchParams();
    for (const f of FIELDS) if (query[f]) params.set(f, query[f]);
    const search = params.toString();
    history.replaceState(null, '', location.pathname + (search ? `?${search}` : '') + location.hash);
  };

  // Start from the URL (?q=孟庆春&policy=…), so links into a filtered view work.
  const initial = new URLSearchParams(location.search);
  for (const f of FIELDS) {
    const el = control(f);
    const v = initial.get(f);
    if (el && v !== null) el.value = v;
  }
  enhanceFilterForm(form, apply);
}
