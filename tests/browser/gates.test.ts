import { readFileSync } from 'node:fs';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { afterAll, describe, expect, it } from 'vitest';
import { axeViolations, closeBrowser, openPage } from './helpers.ts';
import { builtPages, DIST, idsIn } from './site-files.ts';

/**
 * Quality gates over the built site: valid HTML, no broken internal link or anchor, a strict CSP,
 * axe WCAG 2.2 AA on every page kind, no request to another host, no horizontal scroll at 360 px.
 */
const pages = builtPages();
const byUrl = new Map(pages.map((p) => [p.url, p.html]));

/** One page of each kind; kinds whose pages do not exist yet are reported, not skipped silently. */
function pageOfKind(pattern: RegExp): string {
  const hit = pages.find((p) => pattern.test(p.url));
  if (!hit) throw new Error(`没有符合 ${pattern} 的页面`);
  return hit.url;
}
const KINDS: Record<string, RegExp> = {
  home: /^\/$/,
  policy: /^\/policies\/[^/]+\/$/,
  source: /^\/policies\/[^/]+\/source\/$/,
  direction: /^\/policies\/[^/]+\/directions\/[^/]+\/$/,
  checklist: /^\/policies\/[^/]+\/directions\/[^/]+\/checklist\/$/,
  directions: /^\/directions\/$/,
  contacts: /^\/contacts\/$/,
  person: /^\/contacts\/people\/[^/]+\/$/,
  timeline: /^\/timeline\/$/,
  selfCheck: /^\/self-check\/$/,
  compare: /^\/compare\/$/,
  compareTheme: /^\/compare\/(?!same-answers|shanxi-over-time)[^/]+\/$/,
  search: /^\/search\/$/,
  data: /^\/data\/$/,
  codebook: /^\/data\/codebook\/$/,
};

afterAll(closeBrowser);

describe('static checks over every built page', () => {
  it('html-validate reports no error on any page', async () => {
    const hv = new HtmlValidate(new FileSystemConfigLoader());
    const errors: string[] = [];
    for (const p of pages) {
      const report = await hv.validateString(p.html, `dist${p.url}index.html`);
      for (const r of report.results) for (const m of r.messages) errors.push(`${p.url}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
    expect(errors).toEqual([]);
  });

  it('every internal link and #anchor resolves', () => {
    const broken: string[] = [];
    const files = new Set(pages.map((p) => p.url));
    for (const p of pages) {
      for (const m of p.html.matchAll(/\shref="([^"]+)"/g)) {
        const href = m[1]!.replace(/&amp;/g, '&');
        if (/^(?:[a-z]+:|\/\/)/i.test(href)) continue; // tel:, mailto:, and (never present) other hosts
        const [pathPart, anchor] = href.split('#') as [string, string | undefined];
        const path = (pathPart === '' ? p.url : new URL(pathPart, 'http://x' + p.url).pathname).replace(/\?.*$/, '');
        const isPage = files.has(path);
        const isFile = !path.endsWith('/') && (() => { try { readFileSync(DIST + decodeURIComponent(path)); return true; } catch { return false; } })();
        if (!isPage && !isFile) broken.push(`${p.url} → ${href}`);
        else if (anchor && isPage && !idsIn(byUrl.get(path)!).has(decodeURIComponent(anchor))) broken.push(`${p.url} → ${href} (no #${anchor})`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('every page carries a CSP that hashes scripts and allows no inline script or other host', () => {
    for (const p of pages) {
      const csp = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(p.html)?.[1];
      expect(csp, p.url).toBeDefined();
      const script = /script-src ([^;]+)/.exec(csp!)?.[1] ?? '';
      expect(script, p.url).not.toContain("'unsafe-inline'");
      expect(script).not.toContain("'unsafe-eval'");
      expect(csp).toContain("default-src 'self'");
      expect(csp).not.toMatch(/https?:\/\//);
      expect(p.html, p.url).not.toMatch(/\son[a-z]+="/); // no inline event handlers
    }
  });

  it('no page references another host', () => {
    const foreign = pages.flatMap((p) => [...p.html.matchAll(/\s(?:src|href)="(https?:)?\/\/[^"]+"/g)].map((m) => `${p.url}: ${m[0]}`));
    expect(foreign).toEqual([]);
  });
});

describe('in Chromium, one page of each kind', () => {
  for (const [kind, pattern] of Object.entries(KINDS)) {
    it(`${kind}: axe WCAG 2.2 AA, no console error or CSP violation, no other host, no horizontal scroll at 360 px`, async () => {
      const url = pageOfKind(pattern);
      const { page, context, errors, foreignRequests } = await openPage(url, { viewport: { width: 360, height: 740 } });
      await page.waitForLoadState('networkidle');
      const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      expect(scroll, `${url} scrolls horizontally`).toBeLessThanOrEqual(inner!);
      const violations = await axeViolations(page);
      expect(violations, url).toEqual([]);
      expect(errors, url).toEqual([]);
      expect(foreignRequests, url).toEqual([]);
      await context.close();
    });
  }
});
