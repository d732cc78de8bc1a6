import { enhanceFilterForm } from '../../lib/filter-form.ts';
/**
 * Filtering the timeline page by policy and kind of date: table rows get `hidden`, chart marks get a
 * class (SVG elements have no `hidden`). Lanes of other policies are dimmed, not removed, so the chart
 * keeps its layout. Without JavaScript the form stays hidden and everything is shown.
 */
export function initTimelineFilters(): void {
  const form = document.querySelector<HTMLFormElement>('[data-tl-filters]');
  if (!form) return;
  const rows = [...document.querySelectorAll<HTMLElement>('tr[data-tl-item]')];
  const marks = [...document.querySelectorAll<SVGGElement>('svg[data-timeline] .tl-event')];
  const lanes = [...document.querySelectorAll<SVGGElement>('svg[data-timeline] .tl-lane')];
  const empty = document.querySelector<HTMLElement>('[data-tl-empty]');
  const count = form.querySelector<HTMLElement>('[data-tl-count]');
  const policySelect = form.querySelector<HTMLSelectElement>('select[name="policy"]');
  const kindBoxes = [...form.querySelectorAll<HTMLInputElement>('input[name="kind"]')];

  const apply = () => {
    const policy = policySelect?.value ?? '';
    const kinds = new Set(kindBoxes.filter((b) => b.checked).map((b) => b.value));
    const visible = (el: HTMLElement | SVGElement) => (!policy || el.dataset.policy === policy) && kinds.has(el.dataset.kind ?? '');
    let shown = 0;
    for (const tr of rows) {
      tr.hidden = !visible(tr);
      if (!tr.hidden) shown++;
    }
    for (const g of marks) g.classList.toggle('tl-hidden', !visible(g));
    for (const g of lanes) g.classList.toggle('tl-dim', Boolean(policy) && g.dataset.policy !== policy);
    if (empty) empty.hidden = shown > 0;
    if (count) count.textContent = `显示 ${shown} / ${rows.length} 个日期`;
  };

  enhanceFilterForm(form, apply, ['change']);
}
