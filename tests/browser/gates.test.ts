import { describe, expect, it } from 'vitest';
import { axeViolations, openPage } from './helpers.ts';
import { builtPages } from './site-files.ts';

/**
 * Quality gates in Chromium over one page of each kind: axe WCAG 2.2 AA, no console error or CSP
 * violation, no request to another host, no horizontal scroll at 360 px. The checks that only read
 * dist/ (HTML validity, links, CSP, other hosts) run without a browser: tests/dist/static.test.ts.
 */
const pages = builtPages();

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
  notFound: /^\/404\.html$/,
  data: /^\/data\/$/,
  codebook: /^\/data\/codebook\/$/,
};

describe('in Chromium, one page of each kind', () => {
  for (const [kind, pattern] of Object.entries(KINDS)) {
    it(`${kind}: axe WCAG 2.2 AA, no console error or CSP violation, no other host, no horizontal scroll at 360 px`, async () => {
      const url = pageOfKind(pattern);
      const { page, context, errors, foreignRequests, settled } = await openPage(url, { viewport: { width: 360, height: 740 } });
      await settled();
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
