/**
 * Browser glue for the search page: a query passed as ?q= (from the header form on any page) is typed
 * into Pagefind's input and searched. Runs after the Component UI script has defined its elements.
 */
interface PagefindInstance {
  triggerSearch(term: string): void;
}
interface PagefindComponents {
  getInstanceManager(): { getInstance(name?: string): PagefindInstance };
  configureInstance(name: string, options: { mergeIndex: Array<{ bundlePath: string }>; indexWeight: number }): unknown;
}

const components = () => (window as unknown as { PagefindComponents?: PagefindComponents }).PagefindComponents;

/**
 * A large corpus is indexed in one Pagefind bundle per shard (scripts/search-index.ts); the page lists
 * them in `data-merge-index` and they are merged into the main index before it loads, the main index's
 * scores weighted by `data-main-index-weight` (see src/lib/shards.ts for why). The instance
 * reads its merge list only once `pagefind.js` has been fetched, so setting it as soon as the Component
 * UI is defined is in time.
 */
export function mergeShardIndexes(): void {
  const config = document.querySelector('pagefind-config');
  const bundles = config?.getAttribute('data-merge-index')?.split(/\s+/).filter(Boolean) ?? [];
  if (bundles.length === 0) return;
  const indexWeight = Number(config?.getAttribute('data-main-index-weight') ?? 1);
  const apply = () => {
    const c = components();
    if (!c) return false;
    c.configureInstance('default', { mergeIndex: bundles.map((bundlePath) => ({ bundlePath })), indexWeight });
    return true;
  };
  if (!apply()) void customElements.whenDefined('pagefind-config').then(apply);
}

export function startSearchFromUrl(): void {
  const q = new URLSearchParams(location.search).get('q')?.trim();
  if (!q) return;
  const run = () => {
    const c = components();
    if (!c) return false;
    const input = document.querySelector<HTMLInputElement>('pagefind-input input');
    if (input) input.value = q;
    c.getInstanceManager().getInstance('default').triggerSearch(q);
    return true;
  };
  if (run()) return;
  // The Component UI script is a module loaded separately; wait for it to define its elements.
  customElements.whenDefined('pagefind-input').then(() => {
    if (!run()) setTimeout(run, 50);
  });
}
