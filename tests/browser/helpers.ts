import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './chromium.ts';

/** Base URL of the preview server started in global setup. */
export const baseUrl = (): string => inject('baseUrl');

let browser: Browser | undefined;

/**
 * One Chromium for the whole run (the browser project is not isolated, so every file shares this
 * module). It is never closed by hand: it ends with the test process, whose DevTools pipe it reads.
 */
export async function getBrowser(): Promise<Browser> {
  browser ??= await launchChromium();
  return browser;
}

/** What a page did while it loaded: console errors and CSP violations, requests to other hosts. */
interface Visit {
  page: Page;
  errors: string[];
  foreignRequests: string[];
  /** Resolves once the page's own fetches are done (at once when it made none, instead of idling 500 ms). */
  settled(): Promise<void>;
}

type ContextOptions = NonNullable<Parameters<Browser['newContext']>[0]>;

/** A page that records what each visit does, so every test can assert the page stayed clean. */
async function recordingPage(context: BrowserContext): Promise<{ page: Page; visit(path: string): Promise<Visit>; forget(): void }> {
  const page = await context.newPage();
  const origin = new URL(baseUrl()).origin;
  const blank = () => ({ errors: [] as string[], foreignRequests: [] as string[], fetches: 0 });
  let current = blank();
  page.on('console', (m) => {
    if (m.type() === 'error') current.errors.push(m.text());
  });
  page.on('pageerror', (e) => current.errors.push(String(e)));
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) current.foreignRequests.push(url);
    if (r.resourceType() === 'fetch' || r.resourceType() === 'xhr') current.fetches++;
  });
  return {
    page,
    async visit(path) {
      const mine = (current = blank());
      await page.goto(baseUrl() + path, { waitUntil: 'load' });
      return { page, errors: mine.errors, foreignRequests: mine.foreignRequests, settled: async () => void (mine.fetches > 0 && (await page.waitForLoadState('networkidle'))) };
    },
    /** What the page does from now on belongs to no visit (a released page's last events). */
    forget: () => void (current = blank()),
  };
}

const newContext = async (options: ContextOptions = {}) => (await getBrowser()).newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...options });

/**
 * Contexts a test has released, kept for the next test with the same options. On these two cores a new
 * context costs a renderer process, about 0.9 s of CPU, more than most checks; a released one is handed
 * on as good as new: its origin's storage cleared, off our pages, print emulation and viewport reset.
 */
interface Pooled {
  key: string;
  options: ContextOptions;
  context: BrowserContext;
  recorder: Awaited<ReturnType<typeof recordingPage>>;
  busy: boolean;
}
const pool: Pooled[] = [];

async function release(entry: Pooled): Promise<void> {
  const { page, forget } = entry.recorder;
  forget();
  try {
    if (page.url().startsWith(new URL(baseUrl()).origin)) await page.evaluate(() => (localStorage.clear(), sessionStorage.clear()));
    await page.goto('about:blank');
    await page.emulateMedia({ media: null });
    await page.setViewportSize(entry.options.viewport ?? { width: 1280, height: 720 });
    await entry.context.clearCookies();
    entry.busy = false;
  } catch {
    // A page that cannot be reset is not reused.
    pool.splice(pool.indexOf(entry), 1);
    await entry.context.close().catch(() => undefined);
  }
}

/**
 * A page as good as fresh, recording console errors, CSP violations and any request that leaves the
 * local server, so every test can assert the page stayed clean. `context.close()` hands it back for
 * the next test. With `at`, a context of its own whose clock is fixed before the page loads.
 */
export async function openPage(
  path: string,
  options: ContextOptions = {},
  /** Fix the browser's clock before the page loads, so its scripts read this instant as “now”. */
  at?: string,
): Promise<Visit & { context: BrowserContext }> {
  if (at) {
    // A fixed clock cannot be taken back off a context, so this one is never reused.
    const context = await newContext(options);
    await context.clock.setFixedTime(new Date(at));
    const { visit } = await recordingPage(context);
    return { context, ...(await visit(path)) };
  }
  const key = JSON.stringify(options);
  let entry = pool.find((e) => !e.busy && e.key === key);
  if (!entry) {
    const context = await newContext(options);
    entry = { key, options, context, recorder: await recordingPage(context), busy: false };
    pool.push(entry);
  }
  entry.busy = true;
  const held = entry;
  const context = new Proxy(held.context, {
    get(target, prop) {
      if (prop === 'close') return () => release(held);
      const value = Reflect.get(target, prop) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { context, ...(await held.recorder.visit(path)) };
}

const axeSource = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

/**
 * axe-core's WCAG 2.0–2.2 A/AA rules (target-size included) on the current page, as “rule: targets” strings. Evaluated through
 * DevTools, which the page's CSP does not govern (an injected <script> would rightly be refused).
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: unknown): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }> } }).axe;
    // target-size (WCAG 2.2 SC 2.5.8, 24×24 CSS px) is off by default in axe; it is part of our bar.
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }, rules: { 'target-size': { enabled: true } } });
    return r.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
  });
}
