import { describe, expect, it } from 'vitest';
import { openPage } from './helpers.ts';

describe('home page in Chromium', () => {
  it('is zh-CN, lists the five policies, and ships only the round-status script', async () => {
    const { page, context, errors, foreignRequests } = await openPage('/');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.locator('h1').innerText()).toContain('专项资金政策通');
    const policies = await page.locator('[data-policy]').evaluateAll((els) => els.map((e) => e.getAttribute('data-policy')));
    expect(policies.sort()).toEqual(['jiangsu-2023-fund-guide', 'shanxi-2017-opinion', 'shanxi-2020-double-hundred', 'shanxi-2023-tech-retrofit', 'shanxi-2026-item-type']);
    // One module: the round statuses and the open-rounds statement, recomputed from today's date.
    expect(await page.locator('script[src], script:not([type="application/json"]):not([type="application/ld+json"])').count()).toBe(1);
    // The 2017 opinion prints no title and no number; the page says so instead of inventing one.
    await expect.poll(() => page.locator('[data-policy="shanxi-2017-opinion"] .not-stated').count()).toBeGreaterThanOrEqual(2);
    expect(errors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });
});
