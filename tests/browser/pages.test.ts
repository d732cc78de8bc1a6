import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { baseUrl, getBrowser, openPage } from './helpers.ts';
import { builtPages, DIST, idsIn } from './site-files.ts';

interface OpenDataPolicy { id: string; directions: Array<{ id: string; name: string }> }
const openData = JSON.parse(readFileSync(`${DIST}/data/policies.json`, 'utf8')) as { policies: OpenDataPolicy[] };
const pages = builtPages();
const byUrl = new Map(pages.map((p) => [p.url, p.html]));

describe('direction, policy and original-text pages', () => {
  it('every direction in policies.json has a page whose h1 names it', () => {
    let count = 0;
    for (const p of openData.policies) {
      for (const d of p.directions) {
        const html = byUrl.get(`/policies/${p.id}/directions/${d.id}/`);
        expect(html, `${p.id}/${d.id}`).toBeDefined();
        const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html!)?.[1]?.replace(/<[^>]+>/g, '').trim();
        expect(h1).toBe(d.name);
        count++;
      }
    }
    expect(count).toBeGreaterThan(0);
  });

  it('every policy has an overview page and an original-text page', () => {
    for (const p of openData.policies) {
      expect(byUrl.has(`/policies/${p.id}/`), p.id).toBe(true);
      expect(byUrl.has(`/policies/${p.id}/source/`), p.id).toBe(true);
    }
  });

  it('every citation link points to an anchor that exists in the original-text page', () => {
    let checked = 0;
    const broken: string[] = [];
    for (const page of pages) {
      for (const m of page.html.matchAll(/href="(\/policies\/[^/"]+\/source\/)#([^"]+)"/g)) {
        const target = byUrl.get(m[1]!);
        if (!target || !idsIn(target).has(m[2]!)) broken.push(`${page.url} → ${m[1]}#${m[2]}`);
        checked++;
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });

  it('the original text marks cited clauses and links back to what cites them', () => {
    const html = byUrl.get('/policies/shanxi-2023-tech-retrofit/source/')!;
    expect(html).toContain('class="cited-by"');
    expect(html).toMatch(/href="\/policies\/shanxi-2023-tech-retrofit\/directions\/smart-upgrade\/#criterion-[a-z0-9-]+"/);
    // The contact table is rebuilt as a table, not one cell per line.
    expect(html).toMatch(/<td[^>]*>孟庆春<\/td>\s*<td[^>]*>0351-3046026<\/td>/);
  });
});

describe('in Chromium', () => {
  it('a direction page does not scroll horizontally at 360 px', async () => {
    const directionPages = pages.filter((p) => /\/directions\/[^/]+\/$/.test(p.url) && p.url.startsWith('/policies/'));
    const sample = [directionPages[0], directionPages[Math.floor(directionPages.length / 2)], directionPages.at(-1)].filter((x) => x !== undefined);
    for (const { url } of sample) {
      const { page, context, errors } = await openPage(url, { viewport: { width: 360, height: 740 } });
      const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      expect(scroll, url).toBeLessThanOrEqual(inner!);
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  it('the print stylesheet hides navigation and search on a direction page', async () => {
    const url = pages.find((p) => p.url.includes('/directions/smart-upgrade/') && !p.url.includes('checklist'))!.url;
    const { page, context } = await openPage(url);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('form[role="search"]').first().isVisible()).toBe(false);
    expect(await page.locator('h1').isVisible()).toBe(true);
    await context.close();
  });

  it('the live status is recomputed from the browser’s date in Asia/Shanghai', async () => {
    const context = await (await getBrowser()).newContext({ timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    await page.clock.setFixedTime(new Date('2023-11-07T10:00:00+08:00'));
    await page.goto(baseUrl() + '/policies/shanxi-2023-tech-retrofit/');
    await expect.poll(() => page.locator('[data-deadline="2023-11-10"]').first().innerText()).toBe('申报中（还剩 3 天）');
    await page.clock.setFixedTime(new Date('2023-11-11T00:30:00+08:00'));
    await page.reload();
    await expect.poll(() => page.locator('[data-deadline="2023-11-10"]').first().innerText()).toBe('已截止 2023-11-10');
    await context.close();
  });
});

describe('the printable materials checklist', () => {
  it('prints on one or two A4 pages, with tick boxes, even for the direction with the most materials', async () => {
    const counts = openData.policies.flatMap((p) =>
      p.directions.map((d) => {
        const html = byUrl.get(`/policies/${p.id}/directions/${d.id}/checklist/`) ?? '';
        return { url: `/policies/${p.id}/directions/${d.id}/checklist/`, boxes: (html.match(/type="checkbox"/g) ?? []).length };
      }),
    );
    const largest = counts.sort((a, b) => b.boxes - a.boxes)[0]!;
    expect(largest.boxes).toBeGreaterThan(5);
    const { page, context } = await openPage(largest.url);
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
    expect(pages, largest.url).toBeGreaterThanOrEqual(1);
    expect(pages, `${largest.url} prints on ${pages} pages`).toBeLessThanOrEqual(2);
    await context.close();
  });
});

describe('application deadlines', () => {
  it('appear only for funding calls: a work notice’s reporting date is not an application deadline', () => {
    for (const p of openData.policies) {
      const html = byUrl.get(`/policies/${p.id}/directions/${p.directions[0]!.id}/`)!;
      const shown = /申报截止：/.test(html);
      expect(shown, p.id).toBe(['shanxi-2023-tech-retrofit', 'shanxi-2026-item-type'].includes(p.id));
    }
  });
});
