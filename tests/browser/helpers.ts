import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './chromium.ts';

/** Base URL of the preview server started in global setup. */
export const baseUrl = (): string => inject('baseUrl');

let browser: Browser | undefined;

export async function getBrowser(): Promise<Browser> {
  browser ??= await launchChromium();
  return browser;
}

export async function closeBrowser(): Promise<void> {
  await browser?.close();
  browser = undefined;
}

/**
 * A fresh context and page, recording console errors, CSP violations and any request that leaves the
 * local server, so every test can assert the page stayed clean.
 */
export async function openPage(
  path: string,
  options: Parameters<Browser['newContext']>[0] = {},
  /** Fix the browser's clock before the page loads, so its scripts read this instant as “now”. */
  at?: string,
): Promise<{ context: BrowserContext; page: Page; errors: string[]; foreignRequests: string[] }> {
  const context = await (await getBrowser()).newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...options });
  if (at) await context.clock.setFixedTime(new Date(at));
  const page = await context.newPage();
  const errors: string[] = [];
  const foreignRequests: string[] = [];
  const origin = new URL(baseUrl()).origin;
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreignRequests.push(url);
  });
  await page.goto(baseUrl() + path, { waitUntil: 'load' });
  return { context, page, errors, foreignRequests };
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
