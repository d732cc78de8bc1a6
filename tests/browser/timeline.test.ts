import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, baseUrl, openPage } from './helpers.ts';

/** A page whose clock is fixed before it loads, so the client script reads that date as “today”. */
const openAt = (path: string, isoInstant: string) => openPage(path, {}, isoInstant);

const marker = (page: Page) => page.locator('svg[data-timeline] [data-role="today"]').first();
const markerX = async (page: Page) => (await marker(page).locator('line').boundingBox())!.x;

describe('timeline in Chromium', () => {
  it('has the SVG, titled and described, in the built HTML', () => {
    const html = readFileSync(join('dist', 'timeline', 'index.html'), 'utf8');
    expect(html).toMatch(/<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" class="tl-chart"[^>]*role="img"/);
    expect(html).toMatch(/<svg[^>]*data-timeline[^>]*>\s*<title id="tl-all-title">[^<]+<\/title>\s*<desc id="tl-all-desc">[^<]+<\/desc>/);
    expect(html).toContain('data-role="today"');
    for (const d of ['2023年11月10日', '2026年3月4日', '原文未载明截止']) expect(html).toContain(d);
  });

  it('moves the today marker with the browser’s clock (Asia/Shanghai)', async () => {
    const early = await openAt('/timeline/', '2024-01-01T01:00:00+08:00');
    const late = await openAt('/timeline/', '2025-07-01T01:00:00+08:00');
    await expect.poll(() => marker(early.page).getAttribute('data-today')).toBe('2024-01-01');
    await expect.poll(() => marker(late.page).getAttribute('data-today')).toBe('2025-07-01');
    const a = await markerX(early.page);
    const b = await markerX(late.page);
    expect(b).toBeGreaterThan(a + 100); // 18 months at 120 px a year
    expect(await marker(early.page).locator('text').textContent()).toBe('今天 2024-01-01');
    // 23:30 UTC on 31 Dec is already 1 Jan in Shanghai.
    const utcEve = await openAt('/timeline/', '2023-12-31T23:30:00Z');
    await expect.poll(() => marker(utcEve.page).getAttribute('data-today')).toBe('2024-01-01');
    expect(Math.abs((await markerX(utcEve.page)) - a)).toBeLessThan(1);
    for (const o of [early, late, utcEve]) {
      expect(o.errors).toEqual([]);
      expect(o.foreignRequests).toEqual([]);
      await o.context.close();
    }
  });

  it('computes each deadline’s status in the browser for Asia/Shanghai', async () => {
    const before = await openAt('/timeline/', '2026-03-01T09:00:00+08:00');
    const row = (page: Page) => page.locator('tr[data-tl-item][data-kind="deadline"]', { hasText: '2026年3月4日' }).first();
    await expect.poll(() => row(before.page).locator('[data-tl-deadline]').innerText()).toBe('距截止还有 3 天');
    const after = await openAt('/timeline/', '2026-03-05T09:00:00+08:00');
    await expect.poll(() => row(after.page).locator('[data-tl-deadline]').innerText()).toBe('已截止 2026-03-04');
    expect(await row(after.page).locator('.status--closed').count()).toBe(1);
    for (const o of [before, after]) {
      expect(o.errors).toEqual([]);
      expect(o.foreignRequests).toEqual([]);
      await o.context.close();
    }
  });

  it('works without JavaScript: chart at the build date, full table, no filters', async () => {
    const { page, context, errors } = await openPage('/timeline/', { javaScriptEnabled: false });
    expect(await page.locator('svg[data-timeline]').count()).toBe(1);
    expect(await marker(page).locator('text').textContent()).toMatch(/^构建日 \d{4}-\d{2}-\d{2}$/);
    expect(await page.locator('tr[data-tl-item]').count()).toBeGreaterThan(20);
    expect(await page.locator('[data-tl-filters]').isVisible()).toBe(false);
    expect(await page.locator('tr[data-tl-item]', { hasText: '原文未载明截止' }).count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('filters by policy and kind of date, in the table and the chart', async () => {
    const { page, context, errors, foreignRequests } = await openPage('/timeline/');
    await expect.poll(() => page.locator('[data-tl-filters]').isVisible()).toBe(true);
    const rows = page.locator('tr[data-tl-item]');
    const total = await rows.count();
    await page.selectOption('#tf-policy', 'shanxi-2023-tech-retrofit');
    const shown = await page.locator('tr[data-tl-item]:visible').evaluateAll((trs) => trs.map((t) => (t as HTMLElement).dataset.policy));
    expect(shown.length).toBeGreaterThan(0);
    expect(new Set(shown)).toEqual(new Set(['shanxi-2023-tech-retrofit']));
    expect(await page.locator('svg .tl-event[data-policy="jiangsu-2023-fund-guide"]:not(.tl-hidden)').count()).toBe(0);
    await page.selectOption('#tf-policy', '');
    await page.uncheck('input[name="kind"][value="issued"]');
    expect(await page.locator('tr[data-tl-item][data-kind="issued"]:visible').count()).toBe(0);
    expect(await page.locator('svg .tl-event[data-kind="issued"]:not(.tl-hidden)').count()).toBe(0);
    expect(await page.locator('tr[data-tl-item]:visible').count()).toBeLessThan(total);
    await page.click('[data-tl-filters] button[type="reset"]');
    await expect.poll(() => page.locator('tr[data-tl-item]:visible').count()).toBe(total);
    expect(errors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });

  it('scrolls the chart inside its container at 360 px, not the page, and prints without filters', async () => {
    const { page, context, errors } = await openPage('/timeline/', { viewport: { width: 360, height: 800 } });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const scroller = page.locator('.tl-scroll').first();
    expect(await scroller.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    expect(await scroller.getAttribute('tabindex')).toBe('0');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('[data-tl-filters]').isVisible()).toBe(false);
    expect(await page.locator('tr[data-tl-item]').first().isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('serves calendar files that ical.js parses: all policies and each policy', async () => {
    const all = await (await fetch(baseUrl() + '/exports/timeline.ics')).text();
    const cal = new ICAL.Component(ICAL.parse(all) as unknown[]);
    const starts = cal.getAllSubcomponents('vevent').map((v) => String(v.getFirstPropertyValue('dtstart')).slice(0, 10));
    expect(starts).toEqual(expect.arrayContaining(['2023-11-10', '2026-03-04']));
    const one = await (await fetch(baseUrl() + '/exports/timeline-shanxi-2023-tech-retrofit.ics')).text();
    const events = new ICAL.Component(ICAL.parse(one) as unknown[]).getAllSubcomponents('vevent');
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((v) => String(v.getFirstPropertyValue('uid')).startsWith('shanxi-2023-tech-retrofit--'))).toBe(true);
  });

  // One test per page, so each has the whole timeout: axe is slow on a long table. At 360 px, /timeline/
  // is among the site-wide gate's pages (tests/browser/gates.test.ts).
  for (const [path, widths] of [['/timeline/', [1280]], ['/timeline/shanxi-2020-double-hundred/', [1280, 360]]] as const) {
    it(`passes axe-core WCAG 2.2 AA checks on ${path} at ${widths.map((w) => `${w} px`).join(' and ')}`, async () => {
      const { page, context } = await openPage(path, { viewport: { width: widths[0], height: 900 } });
      for (const width of widths) {
        await page.setViewportSize({ width, height: 900 });
        expect(await axeViolations(page), `${path} @ ${width}px`).toEqual([]);
      }
      await context.close();
    });
  }
});
