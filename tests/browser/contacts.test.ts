import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { personSlugOf } from '../../src/lib/contacts.ts';
import { baseUrl, openPage, axeViolations } from './helpers.ts';
import { DIST } from './site-files.ts';

const dist = DIST;
const html = () => readFileSync(join(dist, 'contacts', 'index.html'), 'utf8');

/** Every number the five texts print: 区号-号码, mobiles, and bare numbers after a 区号 number in one cell. */
function phonesInSources(dir = 'policies'): Array<{ text: string; tel: string }> {
  const out: Array<{ text: string; tel: string }> = [];
  for (const policy of readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    const source = readFileSync(join(dir, policy.name, 'source.txt'), 'utf8');
    for (const m of source.matchAll(/(0\d{2,3})-(\d{7,8})((?:[ \t]+\d{7,8}(?!\d))*)/g)) {
      out.push({ text: `${m[1]}-${m[2]}`, tel: `tel:${m[1]}${m[2]}` });
      for (const extra of (m[3] ?? '').trim().split(/\s+/).filter(Boolean)) out.push({ text: extra, tel: `tel:${m[1]}${extra}` });
    }
    for (const m of source.matchAll(/(?<!\d)1[3-9]\d{9}(?!\d)/g)) out.push({ text: m[0], tel: `tel:${m[0]}` });
  }
  return out;
}

/** Contacts in the data, counted from the built open data (the same corpus the page was built from). */
function contactCount(): number {
  const data = JSON.parse(readFileSync(join(dist, 'data', 'policies.json'), 'utf8')) as { policies: Array<{ contacts: unknown[] }> };
  return data.policies.reduce((n, p) => n + p.contacts.length, 0);
}

describe('contact directory in Chromium', () => {
  it('links every phone number printed in the five texts as tel:', () => {
    const page = html();
    const printed = phonesInSources();
    expect(printed.length).toBeGreaterThan(40);
    for (const p of printed) {
      // The link text is the number as printed; the href is digits only.
      expect(page, `${p.text} → ${p.tel}`).toMatch(new RegExp(`href="${p.tel}"[^>]*>${p.text}<`));
    }
  });

  it('lists every contact row in the HTML and works without JavaScript', async () => {
    const { page, context, errors, foreignRequests } = await openPage('/contacts/', { javaScriptEnabled: false });
    expect(await page.locator('tr[data-contact]').count()).toBe(contactCount());
    expect(await page.locator('[data-contact-filters]').isVisible()).toBe(false);
    expect(await page.locator('a[href="tel:03513046026"]').first().isVisible()).toBe(true);
    expect(errors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });

  it('shows padding-free names with the printed form, direction links and shared numbers', async () => {
    const { page, context, errors, foreignRequests } = await openPage('/contacts/');
    const guo = page.locator('tr[data-contact]', { has: page.locator('th a', { hasText: /^郭毅$/ }) });
    expect(await guo.count()).toBeGreaterThan(1);
    expect(await guo.locator('.contact-verbatim').first().textContent()).toMatch(/^郭\s+毅$/);
    expect(await page.locator('tr[data-contact] a[href^="/policies/"][href*="/directions/"]').count()).toBeGreaterThan(50);
    const zhang = page.locator('tr[data-contact]', { has: page.locator('th a', { hasText: /^张建国$/ }) }).first();
    expect(await zhang.locator('.contact-shared').innerText()).toMatch(/0351-3046280.*侯富余/);
    expect(await page.locator('#shared-phones + p + .table-scroll').innerText()).toContain('0351-3046280');
    expect(errors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });

  it('filters by name (normalised), number, policy, department, industry chain and industry', async () => {
    const { page, context, errors, foreignRequests } = await openPage('/contacts/');
    const visible = () => page.locator('tr[data-contact]:visible');
    const names = async () => (await visible().locator('th').allInnerTexts()).map((t) => t.split('\n')[0]!.trim());
    const total = await page.locator('tr[data-contact]').count();
    await expect.poll(() => page.locator('[data-contact-filters]').isVisible()).toBe(true);

    await page.fill('#cf-q', '郭  毅');
    expect(new Set(await names())).toEqual(new Set(['郭毅']));
    await page.fill('#cf-q', '3046280');
    expect(await visible().count()).toBeGreaterThan(2);
    expect(await visible().locator('a[href="tel:03513046280"]').count()).toBe(await visible().count());
    expect(await page.locator('[data-contact-count]').innerText()).toContain(`/ ${total}`);
    await page.fill('#cf-q', '');

    await page.fill('#cf-industry', '化工');
    expect(await visible().count()).toBeGreaterThan(0);
    expect((await visible().locator('td.contact-dept').allInnerTexts()).some((t) => t.startsWith('化工处'))).toBe(true);
    await page.fill('#cf-industry', '');

    await page.selectOption('#cf-policy', 'shanxi-2023-tech-retrofit');
    await page.selectOption('#cf-dept', '节能处');
    expect(await visible().count()).toBeGreaterThan(0);
    for (const t of await visible().locator('td.contact-dept').allInnerTexts()) expect(t.startsWith('节能处')).toBe(true);
    expect(page.url()).toContain('policy=shanxi-2023-tech-retrofit');

    await page.click('button[type="reset"]');
    await expect.poll(() => visible().count()).toBe(total);

    const chains = await page.locator('#cf-chain option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    expect(chains.length).toBeGreaterThan(0);
    await page.selectOption('#cf-chain', chains[0]!);
    const rowChains = await visible().evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.chains ?? ''));
    expect(rowChains.length).toBeGreaterThan(0);
    expect(rowChains.length).toBeLessThan(total);
    for (const c of rowChains) expect(c.split('|')).toContain(chains[0]);

    await page.fill('#cf-q', '没有这个人');
    expect(await visible().count()).toBe(0);
    expect(await page.locator('[data-contact-empty]').isVisible()).toBe(true);
    expect(errors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });

  it('ships its own script under 10 KB gzipped', async () => {
    const { page, context } = await openPage('/contacts/');
    const sources = await page.locator('script').evaluateAll((els) => els.map((e) => ({ src: (e as HTMLScriptElement).src, text: e.textContent ?? '' })));
    let bytes = 0;
    for (const s of sources) {
      const text = s.src ? await (await fetch(s.src)).text() : s.text;
      bytes += gzipSync(text).length;
    }
    expect(sources.length).toBeGreaterThan(0);
    expect(bytes).toBeLessThan(10 * 1024);
    await context.close();
  });

  it('shows 孟庆春 with both numbers and years, and flags 胡崚 / 胡峻 without merging', async () => {
    const { page, context, errors, foreignRequests } = await openPage('/contacts/');
    const mengHref = await page.locator('tr[data-contact] th a', { hasText: /^孟庆春$/ }).first().getAttribute('href');
    expect(mengHref).toMatch(/^\/contacts\/people\/person-[0-9a-f]{8}\/$/);
    await page.goto(baseUrl() + mengHref!);
    const numbers = await page.locator('.person-numbers li').allInnerTexts();
    expect(numbers.find((t) => t.includes('0351-3046026'))).toMatch(/2023/);
    expect(numbers.find((t) => t.includes('0351-3046297'))).toMatch(/2026/);
    expect(numbers.find((t) => t.includes('0351-3046026'))).not.toMatch(/2026/);

    await page.goto(baseUrl() + '/contacts/');
    const huHref = await page.locator('tr[data-contact] th a', { hasText: /^胡崚$/ }).first().getAttribute('href');
    await page.goto(baseUrl() + huHref!);
    expect(await page.locator('h1').innerText()).toBe('胡崚');
    const dupes = page.locator('.person-dupes');
    expect(await dupes.innerText()).toContain('可能为同一人');
    const other = dupes.locator('a', { hasText: '胡峻' });
    expect(await other.count()).toBe(1);
    expect(await other.getAttribute('href')).not.toBe(huHref);
    expect(await dupes.innerText()).toMatch(/产业处|0351-2022229/);
    expect(await page.locator('.person-numbers').innerText()).not.toContain('2026');
    expect(errors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });

  it('fits 360 px (the table scrolls inside its container) and prints without the filters', async () => {
    const { page, context, errors } = await openPage('/contacts/', { viewport: { width: 360, height: 800 } });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('[data-contact-filters]').isVisible()).toBe(false);
    expect(await page.locator('tr[data-contact]').first().isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('serves the CSV with a BOM and the vCard, for all policies and per policy', async () => {
    const csv = new Uint8Array(await (await fetch(baseUrl() + '/exports/contacts.csv')).arrayBuffer());
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(csv);
    expect(text.split('\r\n').filter(Boolean).length).toBeGreaterThan(contactCount());
    const vcf = await (await fetch(baseUrl() + '/exports/contacts.vcf')).text();
    expect(vcf.match(/^BEGIN:VCARD\r$/gm)?.length).toBe(contactCount());
    for (const path of ['/exports/contacts-shanxi-2026-item-type.csv', '/exports/contacts-shanxi-2026-item-type.vcf']) {
      expect((await fetch(baseUrl() + path)).status, path).toBe(200);
    }
  });

  // One test per page, so each has the whole timeout: axe is slow on a long table. At 360 px, /contacts/
  // and a person's page are among the site-wide gate's pages (tests/browser/gates.test.ts).
  for (const [path, widths] of [['/contacts/', [1280]], ['/contacts/people/', [1280, 360]], [`/contacts/people/${personSlugOf('胡崚')}/`, [1280]]] as const) {
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
