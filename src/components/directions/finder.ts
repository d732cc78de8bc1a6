/**
 * The directions finder's DOM layer: reveals the (hidden) filter form, reads each row from its data
 * attributes, filters with the pure functions in filter.ts, updates the counts, hides empty groups and
 * keeps the query in the URL.
 */
import { enhanceFilterForm, filtersSet, foldedFilters } from '../../lib/filter-form.ts';
import { todayInShanghai } from '../../lib/dates.ts';
import { EMPTY_QUERY, MORE_FILTERS, QUERY_FIELDS, facetCounts, matchesDirection, type DirectionQuery, type DirectionRow } from './filter.ts';

const readRow = (el: HTMLElement): DirectionRow => ({
  province: el.dataset.province ?? '',
  policy: el.dataset.policy ?? '',
  industries: el.dataset.industries === '*' ? 'all' : (el.dataset.industries ?? '').split('|').filter(Boolean),
  methods: (el.dataset.method ?? '').split('|').filter(Boolean),
  applyFree: el.dataset.free === '1',
  fundingCall: el.dataset.call !== 'guidance',
  deadline: el.dataset.deadline || undefined,
  text: el.dataset.text ?? '',
});

export function initDirectionFinder(): void {
  const form = document.querySelector<HTMLFormElement>('[data-direction-filters]');
  const items = [...document.querySelectorAll<HTMLElement>('[data-direction]')];
  if (!form || items.length === 0) return;
  const today = todayInShanghai();
  const data = items.map((el) => ({ el, row: readRow(el) }));
  const rows = data.map((d) => d.row);
  const groups = [...document.querySelectorAll<HTMLElement>('[data-direction-group]')];
  const count = form.querySelector<HTMLElement>('[data-direction-count]');
  const empty = document.querySelector<HTMLElement>('[data-direction-empty]');
  const control = (name: string) => form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
  const more = foldedFilters(form);

  const read = (): DirectionQuery => {
    const q = { ...EMPTY_QUERY };
    for (const f of QUERY_FIELDS) {
      const el = control(f);
      q[f] = el instanceof HTMLInputElement && el.type === 'checkbox' ? (el.checked ? '1' : '') : (el?.value ?? '');
    }
    return q;
  };

  const apply = () => {
    const query = read();
    let shown = 0;
    for (const { el, row } of data) {
      const ok = matchesDirection(row, query, today);
      el.hidden = !ok;
      if (ok) shown++;
    }
    for (const g of groups) g.hidden = !g.querySelector('[data-direction]:not([hidden])');
    if (empty) empty.hidden = shown > 0;
    if (count) count.textContent = `显示 ${shown} / ${rows.length} 个方向`;
    more.update(filtersSet(query, MORE_FILTERS));
    // Each option says how many directions it would show with the other filters as they are.
    for (const field of ['province', 'policy', 'industry', 'method', 'status'] as const) {
      const select = control(field);
      if (!(select instanceof HTMLSelectElement)) continue;
      const options = [...select.options].filter((o) => o.value);
      const counts = facetCounts(rows, query, field, options.map((o) => o.value), today);
      for (const o of options) o.textContent = `${o.dataset.label ?? o.value}（${counts.get(o.value) ?? 0}）`;
    }
    const params = new URLSearchParams();
    for (const f of QUERY_FIELDS) if (query[f]) params.set(f, query[f]);
    const search = params.toString();
    history.replaceState(null, '', location.pathname + (search ? `?${search}` : '') + location.hash);
  };

  const initial = new URLSearchParams(location.search);
  for (const f of QUERY_FIELDS) {
    const el = control(f);
    const v = initial.get(f);
    if (!el || v === null) continue;
    if (el instanceof HTMLInputElement && el.type === 'checkbox') el.checked = v === '1';
    else el.value = v;
  }
  enhanceFilterForm(form, apply);
}
