/**
 * Checks over every built page that need no browser, so they run right after the build without
 * Chromium: valid HTML (html-validate), every internal link and #anchor resolves, a strict hashed CSP
 * with no inline script or handler, and nothing referenced from another host.
 */
import { existsSync, readFileSync } from 'node:fs';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { builtPages, DIST, idsIn } from '../browser/site-files.ts';

if (!existsSync('dist/index.html')) throw new Error('dist/ 不存在：这些检查读取构建结果，须先构建（npm run build）。');
const pages = builtPages();
const byUrl = new Map(pages.map((p) => [p.url, p.html]));

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
