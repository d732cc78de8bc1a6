/**
 * Progressive enhancement shared by the contact directory and the timeline: the filter form is hidden
 * until its script runs, then filters as the user types or chooses, on submit, and after a reset.
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
