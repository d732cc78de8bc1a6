import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { axeViolations, openPage } from './helpers.ts';
import { builtPages, idsIn } from './site-files.ts';

/**
 * The /compare/ pages as built: the four charts with their accessible names, every figure on a theme
 * page linked to a quote anchor that exists, content pages without script, and in Chromium the
 * “same answers” page filling both provinces' verdicts from a share link or from saved answers.
 */
const pages = builtPages();
const byUrl = new Map(pages.map((p) => [p.url, p.html]));
const crosswalk = parse(readFileSync('policies/crosswalk.yaml', 'utf8')) as { themes: Array<{ id: string; name: string }> };
const html = (url: string): string => {
  const h = byUrl.get(url);
  if (!h) throw new Error(`没有构建 ${url}`);
  return h;
};

/** The base64url `p` parameter the self-check page writes: {v: 1, s: scope, a: raw answers}. */
const shareParam = (answers: Record<string, string>): string => Buffer.from(JSON.stringify({ v: 1, s: null, a: answers })).toString('base64url');

/** Answers that fail Shanxi's 5亿元 merger threshold and clear Jiangsu's 5000万元 one. */
const ANSWERS = {
  legalEntity: '是',
  creditBlacklisted: '否',
  sx26MergerContributionWan: '20000',
  jsMergerContributionWan: '8000',
  totalInvestmentWan: '5000',
};

describe('built compare pages', () => {
  it('has an overview, a page per theme, the same-answers page and Shanxi over time', () => {
    expect(byUrl.has('/compare/')).toBe(true);
    expect(byUrl.has('/compare/same-answers/')).toBe(true);
    expect(byUrl.has('/compare/shanxi-over-time/')).toBe(true);
    for (const t of crosswalk.themes) {
      const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html(`/compare/${t.id}/`))?.[1];
      expect(h1, t.id).toBe(t.name);
    }
  });

  it('the four charts are inline <svg> elements with a <title> and <desc> that label them', () => {
    const charts: Array<[string, string]> = [
      ['/compare/', 'chart--threshold-support'],
      ['/compare/', 'chart--support-methods'],
      ['/compare/', 'chart--theme-matrix'],
      ['/compare/shanxi-over-time/', 'chart--programmes-over-time'],
    ];
    for (const [url, cls] of charts) {
      const svg = new RegExp(`<svg [^>]*class="chart ${cls}"[^>]*>[\\s\\S]*?</svg>`).exec(html(url))?.[0];
      expect(svg, `${url} ${cls}`).toBeDefined();
      const [, t, d] = /aria-labelledby="([^" ]+) ([^"]+)"/.exec(svg!) ?? [];
      expect(svg).toMatch(new RegExp(`<title id="${t}">[^<]+</title>`));
      expect(svg).toMatch(new RegExp(`<desc id="${d}">[^<]+</desc>`));
      expect(svg).toContain('role="img"');
    }
  });

  it('each chart is followed by the data it draws, and chart 1 lists what it cannot place', () => {
    const overview = html('/compare/');
    // Astro adds data-astro-cid-* attributes to elements; the patterns allow for them.
    const caption = (text: string) => new RegExp(`<caption[^>]*>${text}</caption>`);
    expect(overview).toMatch(caption('各主题在各份文件中的方向数'));
    expect(overview).toMatch(caption('图中各方向的门槛与金额'));
    expect(overview).toMatch(caption('各份文件按支持方式的方向数'));
    expect(html('/compare/shanxi-over-time/')).toMatch(caption('山西各年文件的专项'));
    const list = /<div class="cw-not-plotted[^"]*" id="not-plotted-list"[^>]*>([\s\S]*?)<\/div>/.exec(overview)?.[1] ?? '';
    for (const id of ['merger-award', 'two-integration', 'pilot-demo-award', 'chain-loan-interest']) expect(list).toContain(`data-direction="shanxi-2026-item-type/${id}"`);
  });

  it('every figure on a theme page links to a quote anchor that exists in the original text', () => {
    let figures = 0;
    const broken: string[] = [];
    for (const t of crosswalk.themes) {
      const page = html(`/compare/${t.id}/`);
      const links = [...page.matchAll(/<a href="([^"]+)" class="cw-fig[^"]*"/g)].map((m) => m[1]!);
      expect(links.length, t.id).toBeGreaterThan(0);
      for (const href of links) {
        figures++;
        const m = /^(\/policies\/[^/]+\/source\/)#(.+)$/.exec(href);
        if (!m) broken.push(`${t.id}: ${href} 不是原文锚点`);
        else if (!idsIn(html(m[1]!)).has(m[2]!)) broken.push(`${t.id}: ${href} 锚点不存在`);
      }
      // Cells that differ are marked with a class and a visible sign, not colour alone.
      if (page.includes('cw-diff')) expect(page).toMatch(/class="cw-diff[^"]*"[^>]*>\s*<span class="cw-mark"[^>]*><span aria-hidden="true"[^>]*>≠<\/span><span class="visually-hidden"/);
      expect(page).toMatch(/<div class="table-scroll cw-scroll[^"]*" role="region" tabindex="0"/);
    }
    expect(broken).toEqual([]);
    expect(figures).toBeGreaterThan(200);
  });

  it('pages that need no script ship none', () => {
    for (const url of ['/compare/', '/compare/shanxi-over-time/', ...crosswalk.themes.map((t) => `/compare/${t.id}/`)]) {
      expect(html(url), url).not.toMatch(/<script\b/);
    }
    // The same-answers page ships its data as a JSON island and one bundled module, nothing inline.
    const sa = html('/compare/same-answers/');
    expect(sa).toContain('<script type="application/json" id="sa-data">');
    expect([...sa.matchAll(/<script(?![^>]*type="application\/json")([^>]*)>/g)].every((m) => /\bsrc="\/_astro\//.test(m[1]!))).toBe(true);
  });
});

describe('in Chromium', () => {
  it('same answers: a share link fills the Shanxi and Jiangsu columns with verdicts', async () => {
    const { page, context, errors, foreignRequests } = await openPage(`/compare/same-answers/?p=${shareParam(ANSWERS)}`);
    await page.locator('#sa-results[data-ready="true"]').waitFor();
    expect(await page.locator('#sa-empty').isHidden()).toBe(true);
    const theme = page.locator('section[aria-labelledby="sa-mergers"]');
    const headers = await theme.locator('thead th').allTextContents();
    expect(headers).toEqual(['山西', '江苏']);
    const shanxi = theme.locator('td[data-column="山西"] [data-ref="shanxi-2026-item-type/merger-award"] .sa-verdict');
    const jiangsu = theme.locator('td[data-column="江苏"] [data-ref="jiangsu-2023-fund-guide/major-merger"] .sa-verdict');
    // 2亿元 is below Shanxi's 5亿元: not eligible there; above Jiangsu's 5000万元, so not ruled out there.
    expect(await shanxi.getAttribute('data-verdict')).toBe('ineligible');
    expect(await shanxi.textContent()).toContain('不符合');
    expect(['eligible', 'unknown']).toContain(await jiangsu.getAttribute('data-verdict'));
    // Every direction in both columns of every theme got a verdict, with its reasons linked to the text.
    const empty = await page.locator('#sa-results .sa-verdict[data-verdict=""]').count();
    expect(empty).toBe(0);
    const verdicts = await page.locator('#sa-results .sa-verdict').count();
    expect(verdicts).toBeGreaterThan(40);
    const reasonLink = await theme.locator('td[data-column="山西"] .sa-reasons a').first().getAttribute('href');
    expect(reasonLink).toMatch(/^\/policies\/shanxi-2026-item-type\/source\/#.+/);
    expect(await page.locator('#sa-status').textContent()).toContain('分享链接');
    expect(errors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });

  it('same answers: answers saved by the self-check page are used when there is no link', async () => {
    const { page, context, errors } = await openPage('/compare/same-answers/');
    expect(await page.locator('#sa-empty').isVisible()).toBe(true);
    expect(await page.locator('#sa-empty a[href="/self-check/"]').count()).toBeGreaterThan(0);
    expect(await page.locator('#sa-results').isHidden()).toBe(true);
    await page.evaluate((a) => localStorage.setItem('selfcheck:answers', JSON.stringify(a)), ANSWERS);
    await page.reload();
    await page.locator('#sa-results[data-ready="true"]').waitFor();
    expect(await page.locator('[data-ref="shanxi-2026-item-type/merger-award"] .sa-verdict').getAttribute('data-verdict')).toBe('ineligible');
    expect(await page.locator('#sa-status').textContent()).toContain('本浏览器保存');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('same answers: a damaged link is reported, not thrown', async () => {
    const { page, context, errors } = await openPage('/compare/same-answers/?p=@@not-base64@@');
    await page.locator('#sa-status .sa-error').waitFor();
    expect(await page.locator('#sa-results').isHidden()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  // /compare/ and a theme table are among the site-wide gate's pages (tests/browser/gates.test.ts).
  it('the pages the site-wide gate does not visit: axe WCAG 2.2 AA, no horizontal scroll at 360 px, no console error, no other host', async () => {
    for (const url of ['/compare/shanxi-over-time/', '/compare/industrial-internet-data/', '/compare/same-answers/', `/compare/same-answers/?p=${shareParam(ANSWERS)}`]) {
      const { page, context, errors, foreignRequests, settled } = await openPage(url, { viewport: { width: 360, height: 740 } });
      if (url.includes('?p=')) await page.locator('#sa-results[data-ready="true"]').waitFor();
      await settled();
      const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      expect(scroll, url).toBeLessThanOrEqual(inner!);
      expect(await axeViolations(page), url).toEqual([]);
      expect(errors, url).toEqual([]);
      expect(foreignRequests, url).toEqual([]);
      await context.close();
    }
  });

  it('a theme table scrolls inside its own region on a narrow screen', async () => {
    const { page, context } = await openPage('/compare/industrial-internet-data/', { viewport: { width: 360, height: 740 } });
    const [inner, outer] = await page.locator('.cw-scroll').evaluate((el) => [el.scrollWidth, el.clientWidth]);
    expect(inner!).toBeGreaterThan(outer!);
    await context.close();
  });

  it('prints without the site navigation, keeping the table', async () => {
    const { page, context } = await openPage('/compare/mergers/');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('.cw-table').isVisible()).toBe(true);
    await context.close();
  });
});
