/**
 * Runs queries on the built search page in Chromium, the way a user does: the text is put in the box and
 * an input event fired, and the answer is what the page then shows (the result cards' links, in order).
 * Shared by the browser test (tests/browser/search.test.ts) and scripts/bench-search.ts.
 */
import type { Page } from 'playwright-core';

export interface PageAnswer {
  q: string;
  /** The cards' links in rank order (empty for the 未找到 state). */
  urls: string[];
  /** The page's state: results, none, too-short, idle. */
  state: string;
  /** From the input event to the results in the DOM (measured at the next animation frame). */
  ms: number;
  /** The search and render alone, as the page measured it. */
  searchMs: number;
}

/** Waits until the page has loaded its index. */
export async function waitForIndex(page: Page, timeout = 30_000): Promise<void> {
  // A function, not a string: the page's CSP forbids eval, which a string predicate needs.
  await page.waitForFunction(() => document.body.dataset.searchReady === '1', undefined, { timeout });
}

/**
 * The in-page part, as source text: tsx and Vite would otherwise wrap its named helpers in a `__name`
 * call that does not exist in the page.
 */
const ASK_IN_PAGE = `async (query) => {
  const input = document.querySelector('[data-search-input]');
  const body = document.body;
  delete body.dataset.searchQuery;
  const t0 = performance.now();
  input.value = query;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await new Promise((resolve) => {
    const check = () => (body.dataset.searchQuery === query.trim() ? resolve() : requestAnimationFrame(check));
    check();
  });
  const ms = performance.now() - t0;
  const urls = [...document.querySelectorAll('[data-search-results] .hit__title a')].map((a) => a.getAttribute('href') || '');
  return { q: query, urls, state: body.dataset.searchState || '', ms, searchMs: Number(body.dataset.searchMs || 'NaN') };
}`;

export async function ask(page: Page, q: string): Promise<PageAnswer> {
  return (await page.evaluate(`(${ASK_IN_PAGE})(${JSON.stringify(q)})`)) as PageAnswer;
}
