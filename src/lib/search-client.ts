/**
 * Browser glue for the search page: a query passed as ?q= (from the header form on any page) is typed
 * into Pagefind's input and searched. Runs after the Component UI script has defined its elements.
 */
interface PagefindInstance {
  triggerSearch(term: string): void;
}
interface PagefindComponents {
  getInstanceManager(): { getInstance(name?: string): PagefindInstance };
}

export function startSearchFromUrl(): void {
  const q = new URLSearchParams(location.search).get('q')?.trim();
  if (!q) return;
  const run = () => {
    const components = (window as unknown as { PagefindComponents?: PagefindComponents }).PagefindComponents;
    if (!components) return false;
    const input = document.querySelector<HTMLInputElement>('pagefind-input input');
    if (input) input.value = q;
    components.getInstanceManager().getInstance('default').triggerSearch(q);
    return true;
  };
  if (run()) return;
  // The Component UI script is a module loaded separately; wait for it to define its elements.
  customElements.whenDefined('pagefind-input').then(() => {
    if (!run()) setTimeout(run, 50);
  });
}
