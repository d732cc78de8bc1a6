/**
 * The self-check page in Chromium: scenarios filled through the UI give the CLI's verdicts (same engine,
 * same answers), answers survive a reload and travel in a share link, typed garbage is explained next
 * to the field and in an error summary, 清空 clears, and the page stays clean (no console errors, no
 * foreign requests, no horizontal scroll at 360 px, a print handout without the form).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { closeBrowser, openPage, axeViolations } from './helpers.ts';

afterAll(closeBrowser);

const URL_PATH = '/self-check/';
type Answers = Record<string, string>;
type Verdicts = Record<string, { verdict: string; tally: string; support: string }>;

/** A Shanxi 2023 智能化升级 profile. ３０００ (full-width) must be read as 3000. */
const SHANXI_2023: Answers = {
  legalEntity: '是',
  creditBlacklisted: '否',
  province: '山西',
  totalInvestmentWan: '３０００',
  filingDate: '2021年3月1日',
  projectCompleted: '是',
  completionDate: '2022-06-30',
  projectSuspended: '否',
  otherProvincialFunding: '否',
  smartLinksCount: '6',
  coreSmartLinksCount: '3',
};

/** A Jiangsu 智能制造示范工厂 profile (the other questions of the programme stay unanswered). */
const JIANGSU_SMART_FACTORY: Answers = {
  jsRegisteredInJiangsu: '是',
  legalEntity: '是',
  jsOperatingYearsBy20220630: '5',
  jsSeriousDishonesty3Years: '否',
  jsMajorAccident3Years: '否',
  jsJsgxtBarred: '否',
  aboveScale: '是',
  jsProvincialSmartFactory: '是',
  procedureComplete: '是',
  jsProjectPeriodYears: '2',
  completionDate: '2022年3月31日',
  jsAcceptedByRecommender: '是',
  totalInvestmentWan: '1.2亿元',
  jsSoftwareCloudInvestmentWan: '3,500',
  jsIiotBenchmarkFactorySince2018: 'unknown',
};

interface CliResult {
  policy: string;
  direction: string;
  verdict: string;
  met: number;
  of: number;
  maxSupportWan: number | null;
}

/** The CLI's results for the same answers (the raw strings go through the same parser there). */
function cli(answers: Answers, args: string[] = []): CliResult[] {
  const dir = mkdtempSync(join(tmpdir(), 'selfcheck-'));
  try {
    const file = join(dir, 'profile.json');
    writeFileSync(file, JSON.stringify(answers));
    const out = execFileSync('npx', ['tsx', 'scripts/selfcheck.ts', file, ...args], { encoding: 'utf8', env: { ...process.env, TZ: 'Asia/Shanghai' } });
    return (JSON.parse(out) as { results: CliResult[] }).results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function chooseScope(page: Page, kind: 'all' | 'province' | 'policy' | 'programme', value?: string): Promise<void> {
  await page.check(`#sc-scope-${kind}`);
  if (value !== undefined) await page.selectOption(`#sc-scope-${kind}-value`, value);
  await page.click('#sc-submit');
}

/** Answers one question, whatever its control: text, radio, checkbox, or 不确定. */
async function answer(page: Page, id: string, value: string): Promise<void> {
  if (value === 'unknown') return page.check(`#q-${id}-unknown`);
  const input = page.locator(`#q-${id}`);
  if ((await input.getAttribute('type')) === 'text') return input.fill(value);
  await page.check(`input[name="${id}"][value="${value}"]`);
}

/** Walks the question pages answering what `answers` has, through the check page to the results. */
async function fillWizard(page: Page, answers: Answers): Promise<string[]> {
  const asked: string[] = [];
  for (let guard = 0; guard < 60; guard++) {
    if (await page.locator('#sc-results').isVisible()) return asked;
    const title = await page.locator('#sc-page-title').textContent();
    if (title !== '核对您的回答') {
      for (const id of await page.locator('#sc-page-body [data-question]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.question!))) {
        asked.push(id);
        const v = answers[id];
        if (v !== undefined) await answer(page, id, v);
      }
    }
    const before = await page.locator('#sc-progress').textContent();
    await page.click('#sc-submit');
    await page.waitForFunction((prev) => document.getElementById('sc-progress')?.textContent !== prev, before);
  }
  throw new Error('问卷没有走到结果页');
}

async function uiVerdicts(page: Page): Promise<Verdicts> {
  const rows = await page.locator('#sc-results-body [data-verdict]').evaluateAll((els) =>
    els.map((e) => {
      const el = e as HTMLElement;
      return [`${el.dataset.policy}/${el.dataset.direction}`, el.dataset.verdict ?? '', el.querySelector('[data-tally]')?.textContent ?? '', el.querySelector('.sc-support__head')?.textContent ?? ''] as const;
    }),
  );
  return Object.fromEntries(rows.map(([k, verdict, tally, support]) => [k, { verdict, tally, support }]));
}

/** The UI shows the CLI's verdict, tally and maximum support for every direction of the scope. */
function expectSameAsCli(ui: Verdicts, results: CliResult[]): void {
  expect(Object.keys(ui).sort()).toEqual(results.map((r) => `${r.policy}/${r.direction}`).sort());
  for (const r of results) {
    const row = ui[`${r.policy}/${r.direction}`]!;
    expect(row.verdict, r.direction).toBe(r.verdict);
    expect(row.tally, r.direction).toBe(`满足 ${r.met} / ${r.of} 项`);
    if (r.maxSupportWan !== null) expect(row.support.replace(/,/g, ''), r.direction).toContain(`${r.maxSupportWan} 万元`);
    else expect(row.support, r.direction).not.toMatch(/^最高支持：[\d,.]+ 万元$/);
  }
}

const storageOf = (page: Page) =>
  page.evaluate(() => ({ answers: localStorage.getItem('selfcheck:answers'), scope: localStorage.getItem('selfcheck:scope'), asOf: localStorage.getItem('selfcheck:asof') }));

describe('self-check scenarios match the CLI', () => {
  it('Shanxi 2023 (one policy): same verdicts as the CLI; reload keeps the answers; the as-of date can be changed', async () => {
    const { page, context, errors, foreignRequests } = await openPage(URL_PATH);
    expect(await page.locator('#sc-progress').textContent()).toMatch(/^第 1 步，共 \d+ 步$/);
    await chooseScope(page, 'policy', 'shanxi-2023-tech-retrofit');
    const asked = await fillWizard(page, SHANXI_2023);
    // Only what the policy's criteria read is asked, each question once; derived values never.
    expect(new Set(asked).size).toBe(asked.length);
    expect(asked).toEqual(expect.arrayContaining(Object.keys(SHANXI_2023)));
    expect(asked).not.toContain('jsRegisteredInJiangsu');

    const cliResults = cli(SHANXI_2023).filter((r) => r.policy === 'shanxi-2023-tech-retrofit');
    const ui = await uiVerdicts(page);
    expectSameAsCli(ui, cliResults);
    expect(ui['shanxi-2023-tech-retrofit/smart-upgrade']?.verdict).toBe('eligible');
    // The text gives no amount for 智能化升级: said so, never estimated.
    expect(ui['shanxi-2023-tech-retrofit/smart-upgrade']?.support).toContain('原文未载明金额');

    // Each reason carries its verbatim clause linked to the exact place in the original text.
    const card = page.locator('#r-shanxi-2023-tech-retrofit--smart-upgrade');
    const cite = card.locator('.sc-reasons blockquote cite a').first();
    expect(await cite.getAttribute('href')).toMatch(/^\/policies\/shanxi-2023-tech-retrofit\/source\/#L\d+$/);
    expect(await card.locator('a[href$="/directions/smart-upgrade/checklist/"]').count()).toBe(1);
    expect(await card.locator('a[href="/policies/shanxi-2023-tech-retrofit/directions/smart-upgrade/"]').count()).toBeGreaterThan(0);
    expect(await page.locator('#sc-live').textContent()).toMatch(/符合 \d+ 个/);

    // Kept in localStorage, and restored into the form after a reload.
    const saved = await storageOf(page);
    expect(JSON.parse(saved.answers!)).toEqual(SHANXI_2023);
    expect(JSON.parse(saved.scope!)).toBe('policy:shanxi-2023-tech-retrofit');
    await page.reload({ waitUntil: 'load' });
    expect(await page.locator('#sc-results').isVisible()).toBe(true);
    expect(await uiVerdicts(page)).toEqual(ui);
    await page.click('.sc-actions a[href="#check"]');
    const totalRow = page.locator('.sc-summary__row', { has: page.locator('a[data-change="totalInvestmentWan"]') });
    expect(await totalRow.textContent()).toContain('3,000 万元');
    expect(await totalRow.textContent()).toContain('３０００');
    await page.click('a[data-change="totalInvestmentWan"]');
    expect(await page.inputValue('#q-totalInvestmentWan')).toBe('３０００');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q-totalInvestmentWan');
    expect(await page.locator('#q-totalInvestmentWan-parsed').textContent()).toBe('已识别为 3,000 万元');
    expect(await page.inputValue('#q-filingDate')).toBe('2021年3月1日');
    expect(await page.isChecked('input[name="projectCompleted"][value="是"]')).toBe(true);
    // Changed from the check page, the page returns there.
    expect(await page.locator('#sc-submit').textContent()).toBe('保存并返回核对');
    await page.click('#sc-submit');
    expect(await page.locator('#sc-page-title').textContent()).toBe('核对您的回答');

    // Another as-of date: 2021-03-01 is more than 5 years before 2030-01-01, as the CLI agrees.
    await page.click('#sc-submit');
    await page.fill('#sc-asof', '2030-01-01');
    await page.click('#sc-asof-form button[type="submit"]');
    const later = await uiVerdicts(page);
    expectSameAsCli(later, cli(SHANXI_2023, ['--as-of', '2030-01-01']).filter((r) => r.policy === 'shanxi-2023-tech-retrofit'));
    expect(later['shanxi-2023-tech-retrofit/smart-upgrade']?.verdict).toBe('ineligible');
    expect(JSON.parse((await storageOf(page)).asOf!)).toBe('2030-01-01');
    await page.waitForFunction(() => /结果已更新/.test(document.getElementById('sc-live')?.textContent ?? ''));

    expect(errors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });

  it('Jiangsu 智能制造示范工厂 (one programme): same verdicts and support as the CLI; the share link reproduces them elsewhere', async () => {
    const { page, context, errors, foreignRequests } = await openPage(URL_PATH);
    await chooseScope(page, 'programme', 'jiangsu-2023-fund-guide/smart-digital');
    await fillWizard(page, JIANGSU_SMART_FACTORY);
    const programme = new Set(
      readdirSync('policies/jiangsu-2023-fund-guide/directions')
        .map((f) => parse(readFileSync(join('policies/jiangsu-2023-fund-guide/directions', f), 'utf8')) as { id: string; programme: string })
        .filter((d) => d.programme === 'smart-digital')
        .map((d) => d.id),
    );
    const cliResults = cli(JIANGSU_SMART_FACTORY, ['--policy', 'jiangsu-2023-fund-guide']);
    const inProgramme = cliResults.filter((r) => programme.has(r.direction));
    const ui = await uiVerdicts(page);
    expectSameAsCli(ui, inProgramme);
    expect(inProgramme.length).toBeGreaterThan(5);
    expect(ui['jiangsu-2023-fund-guide/smart-factory']).toMatchObject({ verdict: 'eligible' });
    // 10% of 12000 万元 (typed as 1.2亿元) under the 2000 万元 cap.
    expect(ui['jiangsu-2023-fund-guide/smart-factory']?.support).toContain('1,200 万元');
    // 需补充信息 names exactly the answers that would decide it, linked to their questions.
    const unknown = inProgramme.find((r) => r.verdict === 'unknown' && !['free-diagnosis', 'digital-engineer'].includes(r.direction));
    expect(unknown).toBeDefined();
    const deciding = page.locator(`#r-${unknown!.policy}--${unknown!.direction} .sc-deciding a[href^="#q-"]`);
    expect(await deciding.count()).toBeGreaterThan(0);
    // Following one leads to the question and back to the results.
    const target = (await deciding.first().getAttribute('href'))!.slice(1);
    await deciding.first().click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(target);
    expect(await page.locator('#sc-submit').textContent()).toBe('保存并查看结果');
    await page.click('#sc-submit');
    expect(await page.locator('#sc-results').isVisible()).toBe(true);
    // Groups in the page's order, each verdict in its own group.
    const groups = await page.locator('#sc-results-body [data-group]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.group));
    expect(groups).toEqual(['eligible', 'unknown', 'ineligible', 'guidance'].filter((g) => groups.includes(g)));

    await page.click('#sc-share');
    const link = await page.inputValue('#sc-share-url');
    expect(link).toMatch(/\/self-check\/\?p=[A-Za-z0-9_-]+#results$/);
    const shared = await openPage(link.slice(link.indexOf('/self-check/')));
    expect(await shared.page.locator('#sc-results').isVisible()).toBe(true);
    expect(await uiVerdicts(shared.page)).toEqual(ui);
    // Shared answers are loaded and saved; the ?p= is dropped so later edits are not overwritten on reload.
    expect(JSON.parse((await storageOf(shared.page)).answers!)).toEqual(JSON.parse((await storageOf(page)).answers!));
    expect(shared.page.url()).not.toContain('?p=');
    expect(shared.errors).toEqual([]);
    expect(shared.foreignRequests).toEqual([]);

    // Opened where another set is saved: the shared one wins, and the page offers to restore the other.
    await shared.page.evaluate(() => localStorage.setItem('selfcheck:answers', JSON.stringify({ legalEntity: '否' })));
    await shared.page.goto(link, { waitUntil: 'load' });
    expect(await shared.page.locator('.sc-notice').textContent()).toContain('替换了本浏览器中此前保存的另一组回答');
    await shared.page.click('.sc-notice button');
    expect(JSON.parse((await storageOf(shared.page)).answers!)).toEqual({ legalEntity: '否' });
    await shared.context.close();

    expect(errors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });

  it('the 2017 and 2020 documents are guidance, never 符合, whatever the answers', async () => {
    const { page, context, errors } = await openPage(URL_PATH);
    await chooseScope(page, 'province', '山西');
    await page.click('#sc-skip');
    await page.click('#sc-submit');
    const ui = await uiVerdicts(page);
    const old = Object.entries(ui).filter(([k]) => k.startsWith('shanxi-2017-opinion/') || k.startsWith('shanxi-2020-double-hundred/'));
    expect(old.length).toBeGreaterThan(5);
    for (const [k, v] of old) expect(v.verdict, k).toBe('guidance');
    expect(await page.locator('[data-group="guidance"] h3').textContent()).toContain('指导性');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('self-check input handling', () => {
  it('explains garbage next to each field and in a focused error summary; accepts ３０００ as 3000', async () => {
    const { page, context, errors, foreignRequests } = await openPage(URL_PATH);
    // No choice yet: the scope question itself is refused with a summary.
    await page.click('#sc-submit');
    expect(await page.locator('#sc-errors').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('sc-errors');

    await chooseScope(page, 'policy', 'shanxi-2023-tech-retrofit');
    await page.click('#sc-submit'); // 企业基本情况: nothing typed is fine (不确定)
    expect(await page.locator('#sc-page-title').textContent()).toBe('项目情况');
    await page.fill('#q-totalInvestmentWan', '三千万abc');
    await page.fill('#q-filingDate', '2023-02-30');
    await page.fill('#q-smartLinksCount', '-5');
    await page.fill('#q-coreSmartLinksCount', '３');
    await page.click('#sc-submit');

    const summary = page.locator('#sc-errors');
    expect(await summary.getAttribute('role')).toBe('alert');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('sc-errors');
    const links = await summary.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(['#q-totalInvestmentWan', '#q-filingDate', '#q-smartLinksCount']);
    for (const [id, text] of [
      ['totalInvestmentWan', '“三千万abc”'],
      ['filingDate', '2023 年 2 月没有 30 日'],
      ['smartLinksCount', '“-5”'],
    ] as const) {
      const message = page.locator(`#q-${id}-error`);
      expect(await message.isVisible(), id).toBe(true);
      expect(await message.textContent(), id).toContain(text);
      expect(await page.getAttribute(`#q-${id}`, 'aria-invalid'), id).toBe('true');
      expect((await page.getAttribute(`#q-${id}`, 'aria-describedby'))?.split(' '), id).toContain(`q-${id}-error`);
    }
    expect(await page.locator('#q-totalInvestmentWan-error').textContent()).toContain('金额（万元）');
    // ３ (full-width) is accepted: no message, read as 3.
    expect(await page.locator('#q-coreSmartLinksCount-error').isVisible()).toBe(false);
    expect(await page.getAttribute('#q-coreSmartLinksCount', 'aria-invalid')).toBeNull();

    // A summary link moves focus to its field.
    await summary.locator('a').nth(1).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q-filingDate');

    // Fixed answers (full-width digits, thousands separators, units) clear the messages and go on.
    await page.fill('#q-totalInvestmentWan', '３０００');
    await page.locator('#q-totalInvestmentWan').blur();
    expect(await page.locator('#q-totalInvestmentWan-parsed').textContent()).toBe('已识别为 3,000 万元');
    await page.fill('#q-filingDate', '2023/2/28');
    await page.check('#q-smartLinksCount-unknown');
    expect(await page.inputValue('#q-smartLinksCount')).toBe('');
    await page.click('#sc-submit');
    expect(await page.locator('#sc-page-title').textContent()).toBe('核对您的回答');
    const rows = await page.locator('.sc-summary__row').allTextContents();
    expect(rows.join('\n')).toContain('3,000 万元');
    expect(rows.join('\n')).toContain('2023-02-28');
    expect(rows.some((r) => r.includes('智能制造环节数量') && r.includes('不确定'))).toBe(true);
    expect(rows.join('\n')).not.toContain('NaN');
    expect(JSON.parse((await storageOf(page)).answers!)).toMatchObject({ totalInvestmentWan: '３０００', smartLinksCount: 'unknown' });

    // The back link returns one step at a time.
    await page.click('#sc-back');
    expect(await page.locator('#sc-page-title').textContent()).toBe('项目情况');
    expect(await page.locator('#sc-progress').textContent()).toMatch(/^第 3 步，共 4 步$/);
    await page.click('#sc-back');
    expect(await page.locator('#sc-page-title').textContent()).toBe('企业基本情况');
    expect(errors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });

  it('清空 asks first, then clears everything saved', async () => {
    const { page, context, errors } = await openPage(URL_PATH);
    await chooseScope(page, 'policy', 'shanxi-2023-tech-retrofit');
    await page.check('input[name="legalEntity"][value="是"]');
    expect(JSON.parse((await storageOf(page)).answers!)).toEqual({ legalEntity: '是' });
    await page.click('#sc-clear');
    expect(await page.locator('#sc-clear-dialog').isVisible()).toBe(true);
    await page.click('#sc-clear-cancel');
    expect(JSON.parse((await storageOf(page)).answers!)).toEqual({ legalEntity: '是' });
    await page.click('#sc-clear');
    await page.click('#sc-clear-confirm');
    expect(await storageOf(page)).toEqual({ answers: null, scope: null, asOf: null });
    expect(await page.locator('#sc-scope-legend').isVisible()).toBe(true);
    expect(await page.isChecked('#sc-scope-policy')).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a damaged share link is reported, never a crash', async () => {
    const { page, context, errors } = await openPage(`${URL_PATH}?p=%%%not-base64`);
    expect(await page.locator('.sc-notice').textContent()).toContain('分享链接无法读取');
    expect(await page.locator('#sc-scope-legend').isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('self-check accessibility', () => {
  const axe = async (page: Page, where: string) => expect(await axeViolations(page), where).toEqual([]);

  it('passes axe WCAG 2.2 AA on the scope, question (with errors), check and results pages; the skip link does not move the questionnaire', async () => {
    const { page, context, errors } = await openPage(URL_PATH);
    await page.check('#sc-scope-policy');
    await axe(page, 'scope');
    await page.selectOption('#sc-scope-policy-value', 'shanxi-2023-tech-retrofit');
    await page.click('#sc-submit');
    await page.click('#sc-submit');
    await page.fill('#q-totalInvestmentWan', 'abc');
    await page.check('input[name="projectCompleted"][value="否"]');
    await page.click('#sc-submit');
    await axe(page, 'question page with errors');
    await page.focus('.skip-link');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash === '#main');
    expect(await page.locator('#sc-page-title').textContent()).toBe('项目情况');
    expect(await page.locator('#q-totalInvestmentWan-error').isVisible()).toBe(true);
    await page.click('#sc-skip');
    await axe(page, 'check');
    await page.click('#sc-submit');
    await axe(page, 'results');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('self-check page layout and budget', () => {
  it('does not scroll horizontally at 360 px on the scope, question and results pages', async () => {
    const { page, context, errors } = await openPage(URL_PATH, { viewport: { width: 360, height: 740 } });
    const noScroll = async (where: string) => {
      const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      expect(scroll, where).toBeLessThanOrEqual(inner!);
    };
    await page.check('#sc-scope-programme');
    await noScroll('scope');
    await page.selectOption('#sc-scope-programme-value', 'jiangsu-2023-fund-guide/smart-digital');
    await page.click('#sc-submit');
    await noScroll('questions');
    await page.click('#sc-skip');
    await noScroll('check');
    await page.click('#sc-submit');
    expect(await page.locator('#sc-results').isVisible()).toBe(true);
    await page.click('#sc-share');
    await noScroll('results');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('prints the results without navigation, search, buttons or the form', async () => {
    const { page, context } = await openPage(URL_PATH);
    await chooseScope(page, 'policy', 'shanxi-2023-tech-retrofit');
    await page.click('#sc-skip');
    await page.click('#sc-submit');
    await page.emulateMedia({ media: 'print' });
    for (const sel of ['.site-header', 'nav', 'form[role="search"]', '#sc-form', '#sc-back', '#sc-asof-form', '#sc-clear', '#sc-share']) {
      expect(await page.locator(sel).first().isVisible(), sel).toBe(false);
    }
    expect(await page.locator('h1').isVisible()).toBe(true);
    expect(await page.locator('#sc-results-body [data-verdict]').first().isVisible()).toBe(true);
    await context.close();
  });

  it('ships at most 40 KB (gzip) of JavaScript, engine and criteria included, and no zod', () => {
    const html = readFileSync('dist/self-check/index.html', 'utf8');
    const scripts = [...html.matchAll(/<script[^>]*\ssrc="(\/_astro\/[^"]+\.js)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    // The entry's static imports are fetched too.
    const seen = new Set<string>();
    const visit = (path: string) => {
      if (seen.has(path)) return;
      seen.add(path);
      const code = readFileSync(join('dist', path), 'utf8');
      for (const m of code.matchAll(/from\s*"\.\/([^"]+\.js)"/g)) visit(`/_astro/${m[1]}`);
    };
    scripts.forEach(visit);
    const gz = [...seen].reduce((n, p) => n + gzipSync(readFileSync(join('dist', p))).length, 0);
    expect(gz).toBeLessThanOrEqual(40 * 1024);
    for (const p of seen) expect(readFileSync(join('dist', p), 'utf8'), p).not.toMatch(/ZodError|\$ZodType/);
    // The engine's data is a separate file, not inlined; it is data only: no source texts or
    // provisions, and no inline handlers anywhere.
    expect(html).not.toContain('application/json');
    const island = readFileSync(join('dist', 'self-check', 'data.json'), 'utf8');
    expect(island.length).toBeGreaterThan(1000);
    expect(island).not.toContain('"sourceText"');
    expect(island).not.toContain('"provisions"');
    expect(html).not.toMatch(/\son[a-z]+="/);
  });
});
