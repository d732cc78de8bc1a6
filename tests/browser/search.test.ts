import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { baseUrl, closeBrowser, getBrowser, openPage } from './helpers.ts';
import { builtPages, DIST, indexedText } from './site-files.ts';

/**
 * Search recall in Chromium against the real Pagefind index: for every sampled term, every built page
 * whose indexed text contains the term must be returned; a direction's own name ranks its page first.
 */
interface OpenData {
  policies: Array<{
    id: string;
    programmes: Array<{ name: string }>;
    directions: Array<{ id: string; name: string }>;
    contacts: Array<{ displayName: string; phones: string[] }>;
  }>;
}
const data = JSON.parse(readFileSync(`${DIST}/data/policies.json`, 'utf8')) as OpenData;
const pages = builtPages().map((p) => ({ url: p.url, text: indexedText(p.html).replace(/\s+/g, ' '), indexed: p.html.includes('data-pagefind-body') }));

const TECHNICAL_TERMS = ['标识解析', '一致性评价', '煤矸石', '免申即享', '两化融合', '首台（套）', '专精特新', '算力', '融资租赁', '兼并重组', '现场核查表', '数字基础设施建设'];
const unique = <T,>(xs: T[]) => [...new Set(xs)];
const directionNames = data.policies.flatMap((p) => p.directions.map((d) => ({ policy: p.id, ...d })));
const nameCount = new Map<string, number>();
for (const d of directionNames) nameCount.set(d.name, (nameCount.get(d.name) ?? 0) + 1);
const uniqueDirections = directionNames.filter((d) => nameCount.get(d.name) === 1 && d.name.length >= 4);
const pick = <T,>(xs: T[], n: number) => xs.filter((_, i) => i % Math.max(1, Math.floor(xs.length / n)) === 0).slice(0, n);

const people = unique(data.policies.flatMap((p) => p.contacts.map((c) => c.displayName))).filter((n) => /^[\u4e00-\u9fa5]{2,4}$/.test(n));
const phones = unique(data.policies.flatMap((p) => p.contacts.flatMap((c) => c.phones)));
const programmes = unique(data.policies.flatMap((p) => p.programmes.map((g) => g.name)));
const sampledDirections = pick(uniqueDirections, 12);
const terms = unique([...TECHNICAL_TERMS, ...pick(people, 10), ...pick(phones, 8), ...pick(programmes, 6), ...sampledDirections.map((d) => d.name)]);

let context: BrowserContext;
let page: Page;

async function search(term: string): Promise<string[]> {
  return page.evaluate(async (q) => {
    const pf = (window as unknown as { __pf: { search(q: string): Promise<{ results: Array<{ data(): Promise<{ url: string }> }> }> } }).__pf;
    const r = await pf.search(q);
    const all = await Promise.all(r.results.map((x) => x.data()));
    return all.map((d) => d.url);
  }, term);
}

beforeAll(async () => {
  context = await (await getBrowser()).newContext({ locale: 'zh-CN' });
  page = await context.newPage();
  await page.goto(baseUrl() + '/search/');
  // A string, so that Vite does not rewrite the browser's own dynamic import. The shards' bundles the
  // search page lists (a corpus indexed in parts, src/lib/shards.ts) are merged in, weighted as the page
  // weights them.
  await page.evaluate(
    `import('/pagefind/pagefind.js').then(async (pf) => {
      const config = document.querySelector('pagefind-config');
      const parts = (config?.getAttribute('data-merge-index') ?? '').split(' ').filter(Boolean);
      if (parts.length > 0) await pf.options({ indexWeight: Number(config.getAttribute('data-main-index-weight') ?? 1) });
      for (const bundle of parts) await pf.mergeIndex(bundle);
      await pf.init();
      window.__pf = pf;
    })`,
  );
});
afterAll(async () => {
  await context?.close();
  await closeBrowser();
});

describe('Pagefind search', () => {
  it('samples at least 40 terms from the corpus', () => {
    expect(terms.length).toBeGreaterThanOrEqual(40);
  });

  it('returns every page whose text contains each term', async () => {
    const misses: string[] = [];
    for (const term of terms) {
      const expected = pages.filter((p) => p.indexed && p.text.includes(term)).map((p) => p.url);
      expect(expected.length, `“${term}” is on no page`).toBeGreaterThan(0);
      const got = new Set(await search(term));
      for (const url of expected) if (!got.has(url)) misses.push(`${term} → ${url}`);
    }
    expect(misses).toEqual([]);
  });

  it('ranks a direction’s own page first for its name', async () => {
    const wrong: string[] = [];
    for (const d of sampledDirections) {
      const [first] = await search(d.name);
      const own = `/policies/${d.policy}/directions/${d.id}/`;
      if (first !== own) wrong.push(`${d.name}: ${first} ≠ ${own}`);
    }
    expect(wrong).toEqual([]);
  });

  it('finds padded names in their normalised form', async () => {
    const urls = await search('李武');
    expect(urls.some((u) => u.startsWith('/contacts/'))).toBe(true);
  });
});

describe('the search page', () => {
  it('runs the query from ?q= and narrows results when a filter is chosen', async () => {
    const { page: p, context: ctx, errors, foreignRequests } = await openPage('/search/?q=' + encodeURIComponent('奖励'));
    const results = p.locator('pagefind-results a[href]');
    await expect.poll(() => results.count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const before = await p.locator('pagefind-summary').innerText();
    const jiangsu = p.locator('pagefind-filter-pane label', { hasText: '江苏' }).first();
    await jiangsu.click();
    await expect.poll(async () => (await p.locator('pagefind-summary').innerText()) !== before, { timeout: 10_000 }).toBe(true);
    const hrefs = await results.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const h of hrefs.filter((x) => x.startsWith('/policies/'))) expect(h).toContain('jiangsu');
    expect(errors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await ctx.close();
  });
});
