import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import { baseUrl, getBrowser, openPage } from './helpers.ts';
import { builtPages } from './site-files.ts';

/**
 * Answer first: on every direction page the key facts (amount or 原文未载明金额, round status, a tel:
 * link or 原文未载明联系方式) stand on the first screen; quotes appear once and never restate the h1;
 * the home page's open-rounds statement follows the browser clock; the directions finder filters.
 */
type Element = DefaultTreeAdapterMap['element'];
type Node = DefaultTreeAdapterMap['node'];
const pages = builtPages();
const directionPages = pages.filter((p) => /^\/policies\/[^/]+\/directions\/[^/]+\/$/.test(p.url));
const openData = JSON.parse(readFileSync('dist/data/policies.json', 'utf8')) as { policies: Array<{ directions: unknown[] }> };

function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  return ((node as Element).childNodes ?? []).map(textOf).join('');
}
function elements(node: Node, test: (e: Element) => boolean, out: Element[] = []): Element[] {
  const el = node as Element;
  if (el.tagName && test(el)) out.push(el);
  for (const c of (el as DefaultTreeAdapterMap['parentNode']).childNodes ?? []) elements(c, test, out);
  return out;
}
const squash = (s: string) => s.replace(/[\s“”"。，、；：:（）()【】\-—·.,]/g, '');
/** A clause's numbering (（二）, 1., ①) says nothing: “（二）智能化升级” restates the heading 智能化升级. */
const unnumbered = (s: string) => squash(s).replace(/^(?:[一二三四五六七八九十]+|\d+|[①-⑳])+/, '');

describe('quotes over dist/ (no browser)', () => {
  it('every page has a page per direction to check', () => {
    expect(directionPages.length).toBe(openData.policies.reduce((n, p) => n + p.directions.length, 0));
  });

  it('no quote text appears twice on a page, and no quote box restates the page’s h1', () => {
    const twice: string[] = [];
    const restating: string[] = [];
    let quotes = 0;
    for (const p of pages) {
      const doc = parse(p.html);
      const h1 = elements(doc, (e) => e.tagName === 'h1').map(textOf)[0] ?? '';
      const boxes = elements(doc, (e) => e.tagName === 'blockquote').map((e) => textOf(e).replace(/\s+/g, ' ').trim());
      const seen = new Set<string>();
      for (const q of boxes) {
        quotes++;
        if (seen.has(q)) twice.push(`${p.url}: ${q.slice(0, 40)}`);
        seen.add(q);
        const body = unnumbered(q);
        if (h1 && body && (body === unnumbered(h1) || unnumbered(h1).includes(body))) restating.push(`${p.url}: ${q.slice(0, 40)}`);
      }
    }
    expect(quotes).toBeGreaterThan(1000);
    expect(twice).toEqual([]);
    expect(restating).toEqual([]);
  });

  it('quotes fold behind a visible 原文 › link to the exact line', () => {
    const html = pages.find((p) => p.url === '/policies/jiangsu-2023-fund-guide/directions/smart-factory/')!.html;
    expect(html).toMatch(/<a class="cite__link" href="\/policies\/jiangsu-2023-fund-guide\/source\/#L\d+">原文 ›/);
    expect(html).toMatch(/<details class="cite__details"><summary>引文<\/summary><blockquote/);
    // The clause now starts at its own number, not in the middle of the one before.
    expect(html).toContain('“①项目的申报主体须为省级（含）以上智能制造示范工厂。');
    expect(html).not.toContain('“工厂。②');
  });

  it('a text with no printed deadline says so once', () => {
    const html = pages.find((p) => p.url === '/policies/jiangsu-2023-fund-guide/')!.html;
    const main = /<main[\s\S]*<\/main>/.exec(html)![0].replace(/<[^>]+>/g, '');
    expect(main.match(/未载明(?:申报)?截止日期/g)?.length).toBe(1);
  });
});

/** Where the panel's amount, status and phone stand, in px from the top of the page. */
async function panelPositions(page: Page) {
  return page.evaluate(() => {
    const bottom = (sel: string) => {
      const el = document.querySelector(sel);
      return el ? Math.round(el.getBoundingClientRect().bottom + scrollY) : null;
    };
    const contact = document.querySelector('[data-kf-contact]');
    return {
      amount: bottom('[data-kf-amount]'),
      amountText: document.querySelector('[data-kf-amount]')?.textContent ?? '',
      status: bottom('[data-kf-status] .status'),
      statusText: document.querySelector('[data-kf-status] .status')?.textContent ?? '',
      tel: bottom('[data-kf-contact] a[href^="tel:"]'),
      contact: bottom('[data-kf-contact]'),
      contactText: contact?.textContent ?? '',
      selfCheck: document.querySelector('[data-key-facts] a[href^="/self-check/?scope="]')?.getAttribute('href') ?? null,
    };
  });
}

describe('key facts on every direction page, in Chromium', () => {
  const viewports = [[1280, 900, 1], [375, 812, 1.5]] as const;
  it(`amount, status and phone stand within ${viewports.map(([w, h, screens]) => `${screens} screen(s) at ${w}×${h}`).join(' and ')}`, async () => {
    // Each page's built HTML is written into one document on the site's origin, with the site's own
    // stylesheets, and laid out at each width in turn (the panel needs no script). A navigation costs
    // about 0.3 s of CPU on these two cores whatever the page; writing the HTML halves this test's time.
    const context = await (await getBrowser()).newContext({ viewport: { width: viewports[0][0], height: viewports[0][1] }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(baseUrl() + '/');
    const late: string[] = [];
    for (const [i, { url, html }] of directionPages.entries()) {
      await page.setContent(html, { waitUntil: 'load' });
      // Start at the width the last page ended on, so no page is laid out for nothing.
      for (const [width, height, screens] of i % 2 === 0 ? viewports : [...viewports].reverse()) {
        await page.setViewportSize({ width, height });
        const m = await panelPositions(page);
        expect(m.amountText, url).toMatch(/\d(?:万元|亿元)|原文未载明金额/);
        expect(m.statusText, url).toMatch(/^(?:申报中（还剩 \d+ 天）|今天截止|已截止 \d{4}-\d{2}-\d{2}|原文未载明截止日期|指导性文件)/);
        expect(m.selfCheck, url).toBe(`/self-check/?scope=${encodeURIComponent(url.replace(/^\/policies\/([^/]+)\/directions\/([^/]+)\/$/, 'direction:$1/$2'))}`);
        // A direction whose text names no contact says so; none is invented.
        if (m.tel === null) expect(m.contactText, url).toContain('原文未载明联系方式');
        const lowest = Math.max(m.amount ?? Infinity, m.status ?? Infinity, m.tel ?? m.contact ?? Infinity);
        if (lowest > height * screens) late.push(`${url} @ ${width}×${height}: ${lowest}px`);
      }
    }
    expect(late).toEqual([]);
    await context.close();
  });
});

describe('round status follows the browser clock', () => {
  it('the home page says a round is open before 2026-03-04 and none after', async () => {
    const before = await openPage('/', {}, '2026-02-20T10:00:00+08:00');
    await expect.poll(() => before.page.locator('[data-open-rounds]').getAttribute('data-open')).toBe('1');
    expect(await before.page.locator('[data-open-rounds]').innerText()).toMatch(/正在申报 1 轮：.*还剩 12 天/);
    expect(before.errors).toEqual([]);
    await before.context.close();
    const after = await openPage('/', {}, '2026-03-05T10:00:00+08:00');
    await expect.poll(() => after.page.locator('[data-open-rounds]').getAttribute('data-open')).toBe('0');
    expect(await after.page.locator('[data-open-rounds]').innerText()).toContain('目前没有正在申报的轮次');
    expect(await after.page.locator('[data-policy="shanxi-2017-opinion"]').innerText()).toContain('指导性文件');
    expect(await after.page.locator('[data-policy="jiangsu-2023-fund-guide"]').innerText()).toContain('原文未载明截止日期');
    await after.context.close();
  });

  it('a direction page’s panel recomputes its status', async () => {
    const { page, context } = await openPage('/policies/shanxi-2026-item-type/directions/generic-drug/', {}, '2026-03-01T09:00:00+08:00');
    await expect.poll(() => page.locator('[data-kf-status] .status').innerText()).toBe('申报中（还剩 3 天）');
    await context.close();
  });
});

describe('the directions finder', () => {
  it('is the full list without JavaScript', async () => {
    const { page, context } = await openPage('/directions/', { javaScriptEnabled: false });
    expect(await page.locator('[data-direction]:visible').count()).toBe(directionPages.length);
    expect(await page.locator('[data-direction-filters]').isVisible()).toBe(false);
    await context.close();
  });

  it('filters by 行业 = 钢铁 (keeps steel, drops 仿制药), 免申即享 and text, with counts', async () => {
    const { page, context, errors } = await openPage('/directions/');
    await expect.poll(() => page.locator('[data-direction-filters]').isVisible()).toBe(true);
    const names = () => page.locator('[data-direction]:visible .direction-index__name').allInnerTexts();
    await page.selectOption('#df-industry', '钢铁');
    const steel = await names();
    expect(steel).toContain('二氧化碳排放管理水平奖励');
    expect(steel).not.toContain('新药研发和产业化（仿制药）');
    expect(await page.locator('[data-direction-count]').innerText()).toBe(`显示 ${steel.length} / ${directionPages.length} 个方向`);
    expect(await page.locator('#df-industry option[value="钢铁"]').innerText()).toBe(`钢铁（${steel.length}）`);
    await page.selectOption('#df-industry', '');
    await page.check('input[name="free"]');
    const free = await names();
    expect(free.length).toBeGreaterThan(0);
    expect(await page.locator('[data-direction]:visible .tag--free').count()).toBe(free.length);
    await page.uncheck('input[name="free"]');
    await page.fill('#df-q', '仿制药');
    expect(await names()).toEqual(['新药研发和产业化（仿制药）']);
    expect(page.url()).toContain('q=');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('compare theme tables', () => {
  it('keep the first column in view while the table scrolls, at 1280 and 375, with a visible cue', async () => {
    const theme = pages.find((p) => /^\/compare\/(?!same-answers|shanxi-over-time)[^/]+\/$/.test(p.url) && p.html.includes('cw-scroll-cue'))!.url;
    for (const width of [1280, 375]) {
      const { page, context } = await openPage(theme, { viewport: { width, height: 900 } });
      expect(await page.locator('.cw-scroll-cue').first().isVisible()).toBe(true);
      const m = await page.evaluate(() => {
        const box = document.querySelector<HTMLElement>('.cw-scroll')!;
        const wider = box.scrollWidth > box.clientWidth;
        box.scrollLeft = box.scrollWidth;
        const row = box.querySelector('tbody th')!.getBoundingClientRect();
        const b = box.getBoundingClientRect();
        return { wider, firstColumnInView: row.left >= b.left - 1 && row.right <= b.right + 1 };
      });
      expect(m.wider, `${theme} @${width}`).toBe(true);
      expect(m.firstColumnInView, `${theme} @${width}`).toBe(true);
      await context.close();
    }
  });
});

describe('phones and the 404 page', () => {
  it('no tel: link on /contacts/ is clipped at 375 px', async () => {
    const { page, context } = await openPage('/contacts/', { viewport: { width: 375, height: 812 } });
    const clipped = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLAnchorElement>('a[href^="tel:"]')]
        .filter((a) => {
          const r = a.getBoundingClientRect();
          let el: HTMLElement | null = a.parentElement;
          while (el) {
            const box = el.getBoundingClientRect();
            const style = getComputedStyle(el);
            if (style.overflowX !== 'visible' && (r.right > box.right + 1 || r.left < box.left - 1)) return true;
            el = el.parentElement;
          }
          return r.right > innerWidth || r.left < 0;
        })
        .map((a) => a.textContent),
    );
    expect(await page.locator('a[href^="tel:"]').count()).toBeGreaterThan(100);
    expect(clipped).toEqual([]);
    await context.close();
  });

  // The finder and the directory: the name box and the first answer (an amount, a number) on a phone's
  // first screen, the other filters folded under 更多筛选, which counts those a link set; all shown on a
  // wide screen.
  for (const t of [
    { path: '/directions/', form: '[data-direction-filters]', first: '[data-direction] .direction-index__facts', folded: '#df-province', link: '?province=山西' },
    { path: '/contacts/', form: '[data-contact-filters]', first: 'tr[data-contact] a[href^="tel:"]', folded: '#cf-dept', link: '?dept=节能处' },
  ]) {
    it(`${t.path} answers on a phone's first screen, its secondary filters folded (counted when a link sets one); they show on a wide screen`, async () => {
      const phone = await openPage(t.path, { viewport: { width: 375, height: 812 } });
      await phone.page.locator(t.form).waitFor({ state: 'visible' });
      expect(await phone.page.locator(t.folded).isVisible()).toBe(false);
      const bottom = await phone.page.locator(t.first).first().evaluate((e) => e.getBoundingClientRect().bottom + scrollY);
      expect(bottom).toBeLessThanOrEqual(812);
      await phone.context.close();
      const wide = await openPage(t.path, { viewport: { width: 1280, height: 900 } });
      await wide.page.locator(t.form).waitFor({ state: 'visible' });
      expect(await wide.page.locator(t.folded).isVisible()).toBe(true);
      await wide.context.close();
      // A link that sets a folded filter: still folded on a phone, the summary says so, and the first
      // answer the filter leaves stands on the first screen.
      const { page, context } = await openPage(t.path + t.link, { viewport: { width: 375, height: 812 } });
      await page.locator(t.form).waitFor({ state: 'visible' });
      expect(await page.locator(t.folded).isVisible()).toBe(false);
      expect(await page.locator('[data-filters-more] > summary').innerText()).toContain('已选 1 项');
      const filtered = await page.locator(t.first).filter({ visible: true }).first().evaluate((e) => e.getBoundingClientRect().bottom + scrollY);
      expect(filtered).toBeLessThanOrEqual(812);
      await context.close();
    });
  }

  it('/contacts/ states a remark shared by many rows once; a row’s mark opens it; paper shows it', async () => {
    const { page, context } = await openPage('/contacts/');
    await page.locator('.contact-caveats > summary').click();
    const text = await page.locator('main').innerText();
    expect(text.match(/0515为盐城市区号/g)?.length).toBe(2); // two shared remarks mention it, each said once
    await page.locator('.contact-caveats > summary').click();
    expect(await page.locator('tr[data-contact]', { hasText: '原文未载明联系人姓名' }).count()).toBe(0);
    // Printed, the remarks stand below the table even when folded on screen.
    expect(await page.locator('#contact-note-1').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#contact-note-1').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    await page.locator('tr[data-contact] .contact-note a[href="#contact-note-2"]').first().click();
    await expect.poll(() => page.locator('.contact-caveats').getAttribute('open')).not.toBeNull();
    expect(await page.locator('#contact-note-2').isVisible()).toBe(true);
    await context.close();
  });

  it('an unknown path answers 404 with the zh-CN page, its search box and entry points', async () => {
    const context = await (await getBrowser()).newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    const res = await page.goto(baseUrl() + '/no-such-page/');
    expect(res?.status()).toBe(404);
    expect(await page.locator('h1').innerText()).toBe('页面不存在');
    expect(await page.locator('main form[role="search"] input[name="q"]').count()).toBe(1);
    expect(await page.locator('main a[href="/directions/"]').count()).toBeGreaterThan(0);
    await context.close();
  });
});
