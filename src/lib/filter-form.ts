/**
 * Progressive enhancement shared by the contact directory, the directions finder and the timeline: the
 * filter form is hidden until its script runs, then filters as the user types or chooses, on submit, and
 * after a reset.
 */
export function enhanceFilterForm(form: HTMLFormElement, apply: () => void, events: ReadonlyArray<'input' | 'change'> = ['input', 'change']): void {
  form.hidden = false;
  for (const e of events) form.addEventListener(e, apply);
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    apply();
  });
  // A reset clears the controls after its event; filter on the next task.
  form.addEventListener('reset', () => setTimeout(apply, 0));
  apply();
}

/** How many of the named filters hold a value (blank counts as unset). */
export const filtersSet = <Q extends Record<K, string>, K extends keyof Q>(query: Q, names: readonly K[]): number =>
  names.filter((n) => query[n].trim() !== '').length;

/** Wider than the site's phone layout (which ends at 40rem): every filter fits on the first screen. */
const WIDE_SCREEN = '(min-width: 40.01rem)';

/**
 * The secondary filters folded under a `<details data-filters-more>` (“更多筛选”), so that on a phone the
 * first results stand on the first screen: opened at once on a wide screen, where they fit. A phone
 * keeps them folded even when a link set some, since the results are what the link is for; the
 * summary's `[data-filters-more-count]` says how many are set (`update(set)` after each filtering).
 */
export function foldedFilters(form: HTMLFormElement): { update(set: number): void } {
  const details = form.querySelector<HTMLDetailsElement>('[data-filters-more]');
  const count = form.querySelector<HTMLElement>('[data-filters-more-count]');
  if (details && window.matchMedia(WIDE_SCREEN).matches) details.open = true;
  return {
    update(set) {
      if (count) count.textContent = set > 0 ? `（已选 ${set} 项）` : '';
    },
  };
}
