import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { axeViolations, baseUrl, getBrowser, openPage } from './helpers.ts';
import { ask, waitForIndex, type PageAnswer } from '../search/in-browser.ts';
import { loadQuerySet, scoreCase, summarise } from '../search/query-set.ts';
import { PAGE_KIND_LABEL } from '../../src/search/types.ts';
import { contactsUrl, directionsUrl } from '../../src/model/routes.ts';

/**
 * Search on the built site, in Chromium, as a user types: the whole query set of
 * tests/search/queries.yaml (recall@3 and nothing-queries), what every result card shows, the 未找到
 * state, the header form, the filters and the phone layout.
 */
const set = loadQuerySet();

let context: BrowserContext;
let page: Page;
const answers = new Map<string, PageAnswer>();

beforeAll(async () => {
  context = await (await getBrowser()).newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  page = await context.newPage();
  await page.goto(baseUrl() + '/search/');
  await waitForIndex(page);
  for (const q of [...set.queries.map((c) => c.q), ...set.nothing]) answers.set(q, await ask(page, q));
});
afterAll(async () => {
  await context?.close();
});

describe('the query set', () => {
  it('has at least 120 queries with expectations and 15 that must find nothing', () => {
    expect(set.queries.length).toBeGreaterThanOrEqual(120);
    expect(set.queries.every((c) => c.expect.length + c.anyOf.length > 0)).toBe(true);
    expect(set.nothing.length).toBeGreaterThanOrEqual(15);
  });

  it('puts the expected pages in the top 3 for at least 95% of the queries', () => {
    const scores = set.queries.map((c) => scoreCase(c, answers.get(c.q)?.urls ?? []));
    const sum = summarise(scores, []);
    expect(sum.recallAt3, sum.misses.map((m) => `${m.q} → ${m.top.slice(0, 3).join(' ')}`).join('\n')).toBeGreaterThanOrEqual(0.95);
  });

  it('shows nothing for at least 14 of every 15 nothing-queries', () => {
    const empty = set.nothing.filter((q) => answers.get(q)?.state === 'none' && answers.get(q)?.urls.length === 0);
    const shown = set.nothing.filter((q) => !empty.includes(q)).map((q) => `${q} → ${answers.get(q)?.urls.slice(0, 3).join(' ')}`);
    expect(empty.length / set.nothing.length, shown.join('\n')).toBeGreaterThanOrEqual(14 / 15);
  });
});

interface Card {
  kind: string;
  where: string;
  href: string;
  tel: string[];
  facts: string;
  sub: string;
}

async function cards(q: string): Promise<Card[]> {
  await ask(page, q);
  return page.locator('[data-search-results] .hit').evaluateAll((lis) =>
    lis.map((li) => ({
      kind: li.querySelector('.hit__kind')?.textContent?.trim() ?? '',
      where: li.querySelector('.hit__where')?.textContent?.trim() ?? '',
      href: li.querySelector('.hit__title a')?.getAttribute('href') ?? '',
      tel: [...li.querySelectorAll('a[href^="tel:"]')].map((a) => a.getAttribute('href') ?? ''),
      facts: li.querySelector('.hit__facts')?.textContent ?? '',
      sub: li.querySelector('.hit__sub')?.textContent ?? '',
    })),
  );
}

describe('result cards', () => {
  it('every card shows its page type, province and policy; a person’s card its department and phone; a direction’s card its round status and maximum support', async () => {
    const labels = new Set(Object.values(PAGE_KIND_LABEL));
    const seen = new Set<string>();
    for (const q of ['技术改造', '孟庆春', '化工处', '比较', '原文', '时间线', '专项', '联系人', '兼并重组']) {
      const shown = await cards(q);
      expect(shown.length, q).toBeGreaterThan(0);
      for (const c of shown) {
        seen.add(c.kind);
        expect(labels.has(c.kind), `${q}: ${c.href} 的类型 “${c.kind}”`).toBe(true);
        // “山西 · 山西 2026 …”: a province, then the policy (or how many policies).
        expect(c.where, `${q}: ${c.href}`).toMatch(/^(山西|江苏)(、(山西|江苏))? · \S/);
        if (c.kind === '联系人') {
          expect(c.tel.length, `${q}: ${c.href} 没有 tel: 链接`).toBeGreaterThan(0);
          expect(c.sub, `${q}: ${c.href}`).toMatch(/^处室：\S/);
        }
        if (c.kind === '方向') {
          expect(c.facts, `${q}: ${c.href}`).toMatch(/最高支持：(\d|原文未载明金额)/);
          expect(c.facts, `${q}: ${c.href}`).toMatch(/申报中|今天截止|已截止|原文未载明截止日期|指导性文件/);
        }
      }
    }
    // The sampled queries reach every kind of page.
    expect([...seen].sort()).toEqual([...labels].sort());
  });

  it('a phone link dials the number shown', async () => {
    const [first] = await cards('3046297');
    expect(first?.tel).toContain('tel:03513046297');
  });
});

describe('the search page', () => {
  it('says 未找到 and offers near matches, the directions finder and the contact directory', async () => {
    await ask(page, '火箭发射');
    const none = page.locator('[data-search-none]');
    await expect.poll(() => none.isVisible()).toBe(true);
    expect(await none.locator('h2').innerText()).toBe('未找到');
    const hrefs = await none.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toContain(directionsUrl());
    expect(hrefs).toContain(contactsUrl());
    // Near matches: pages with only some of the words, offered separately from results.
    await ask(page, '煤矸石 火箭');
    expect(await page.locator('[data-search-results] .hit').count()).toBe(0);
    expect(await none.locator('.search-near .hit').count()).toBeGreaterThan(0);
  });

  it('corrects a one-character slip and says so', async () => {
    const a = await ask(page, '煤干石');
    expect(a.urls.length).toBeGreaterThan(0);
    expect(await page.locator('[data-search-status]').innerText()).toContain('已按“煤矸石”搜索');
  });

  it('runs the header form’s query from any page, then searches as you type', async () => {
    const { page: p, context: ctx, errors, foreignRequests } = await openPage('/directions/');
    await p.locator('#header-q').fill('孟庆春');
    await p.locator('#header-q').press('Enter');
    await p.waitForURL(/\/search\/\?q=/);
    await waitForIndex(p);
    await expect.poll(() => p.locator('[data-search-results] .hit').count()).toBeGreaterThan(0);
    expect(await p.locator('[data-search-results] .hit__title').first().innerText()).toBe('孟庆春');
    await p.locator('[data-search-input]').fill('卢长云');
    await expect.poll(() => p.locator('[data-search-results] .hit__title').first().innerText()).toBe('卢长云');
    expect(p.url()).toContain(encodeURIComponent('卢长云'));
    expect(errors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await ctx.close();
  });

  it('narrows the results when a filter is ticked, and keeps the filter in the URL', async () => {
    const { page: p, context: ctx } = await openPage('/search/?q=' + encodeURIComponent('奖励'), { viewport: { width: 1280, height: 900 } });
    await waitForIndex(p);
    const hrefs = () => p.locator('[data-search-results] .hit__title a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    const before = await hrefs();
    expect(before.some((h) => h.includes('jiangsu'))).toBe(true);
    expect(before.some((h) => h.includes('shanxi'))).toBe(true);
    await p.locator('[data-search-filters] label', { hasText: '江苏' }).first().click();
    await expect.poll(async () => (await hrefs()).some((h) => h.includes('shanxi'))).toBe(false);
    expect((await hrefs()).length).toBeGreaterThan(0);
    expect(p.url()).toContain('province=');
    await ctx.close();
  });

  it('on a 375 px phone puts the box and the first result on the first screen, with the filters behind 筛选', async () => {
    const { page: p, context: ctx, errors } = await openPage('/search/?q=' + encodeURIComponent('专精特新 奖励 多少'), { viewport: { width: 375, height: 812 } });
    await waitForIndex(p);
    const first = p.locator('[data-search-results] .hit').first();
    await first.waitFor();
    const box = await first.boundingBox();
    expect(box && box.y + Math.min(box.height, 60)).toBeLessThanOrEqual(812);
    expect(await p.locator('[data-search-filters]').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    const input = await p.locator('[data-search-input]').boundingBox();
    const toggle = await p.locator('[data-search-filters] summary').boundingBox();
    expect(input!.y).toBeLessThan(toggle!.y);
    expect(toggle!.y).toBeLessThan(box!.y);
    // The wording matches the layout: no “左侧/右侧” filters.
    expect(await p.locator('main').innerText()).not.toMatch(/左侧|右侧/);
    expect(await axeViolations(p)).toEqual([]);
    expect(errors).toEqual([]);
    await ctx.close();
  });
});
