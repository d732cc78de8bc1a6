/**
 * Bytes a search costs: open /search/ in Chromium, wait until the page is loaded and quiet, then type a
 * query into the search box and count what the server sends until the results are shown and the
 * network is quiet again.
 *
 * Counted on the server, not in the browser, so that requests from any worker are seen too. The test
 * server sends files as they are on disk (no compression), so a response's body is its file's size; for
 * HTML/JS/CSS/JSON we also give the size a gzip-enabled intranet server would send.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { IncomingMessage } from 'node:http';
import { serveStatic } from '../../tests/browser/static-server.ts';
import { launchChromium } from '../../tests/browser/chromium.ts';
import { searchIndexUrl } from '../../src/model/routes.ts';

export interface Transfer {
  requests: number;
  /** Bodies as served by the plain static server. */
  bytes: number;
  /** The same, with text types gzipped as a compressing server would. */
  gzBytes: number;
  /** Bytes by kind: index (/search/index.json), js, css, html, other. */
  byKind: Record<string, number>;
  files: Array<{ path: string; bytes: number }>;
}

const TEXT = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt']);

function kindOf(path: string): string {
  if (path === searchIndexUrl()) return 'index';
  if (path.endsWith('.js')) return 'js';
  if (path.endsWith('.css')) return 'css';
  if (path.endsWith('.html') || path.endsWith('/')) return 'html';
  return 'other';
}

function emptyTransfer(): Transfer {
  return { requests: 0, bytes: 0, gzBytes: 0, byKind: {}, files: [] };
}

export interface QueryBytes {
  query: string;
  pageLoad: Transfer;
  search: Transfer;
  /** The results line of the page, and the number of result cards shown. */
  results: string;
}

export async function measureQueryBytes(dist: string, query = '煤矸石'): Promise<QueryBytes> {
  const { server, url } = await serveStatic(dist);
  let phase: Transfer = emptyTransfer();
  let lastRequestAt = Date.now();
  const gzCache = new Map<string, number>();
  // A second 'request' listener sees every request the static server answers.
  server.on('request', (req: IncomingMessage) => {
    lastRequestAt = Date.now();
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(dist, path));
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    const bytes = existsSync(file) ? statSync(file).size : 0;
    let gz = bytes;
    if (bytes > 0 && TEXT.has(extname(file))) {
      gz = gzCache.get(file) ?? gzipSync(readFileSync(file)).length;
      gzCache.set(file, gz);
    }
    const k = kindOf(path);
    phase.requests++;
    phase.bytes += bytes;
    phase.gzBytes += gz;
    phase.byKind[k] = (phase.byKind[k] ?? 0) + bytes;
    phase.files.push({ path, bytes });
  });
  const quiet = async (ms: number, max = 20_000) => {
    const start = Date.now();
    while (Date.now() - lastRequestAt < ms && Date.now() - start < max) await new Promise((r) => setTimeout(r, 100));
  };
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    const pageLoad = phase;
    await page.goto(`${url}/search/`, { waitUntil: 'load' });
    await quiet(1500);
    phase = emptyTransfer();
    const search = phase;
    const input = page.locator('[data-search-input]').first();
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    await input.fill(query);
    // Results are rendered as cards in the results list; wait for the first, then for quiet.
    await page.locator('[data-search-results] .hit').first().waitFor({ timeout: 30_000 }).catch(() => undefined);
    await quiet(1500);
    const summary = (await page.locator('[data-search-status]').first().textContent().catch(() => null))?.trim();
    const links = await page.locator('[data-search-results] .hit').count();
    await context.close();
    return { query, pageLoad, search, results: summary ? `${summary}（页面上 ${links} 个结果链接）` : `${links} 个结果链接` };
  } finally {
    await browser.close();
    server.close();
  }
}
