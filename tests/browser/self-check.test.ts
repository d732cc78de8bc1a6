/**
 * The self-check in Chromium, as a busy manager uses it: from the home page through the screening and
 * the questions the planner asks, to results that answer first. Checks the verdicts against the CLI, that
 * a steel firm is never asked about drugs or software, where the first summary row stands at 1280×900 and
 * 375×812, the printed handout's page count, the share link's length and reproduction elsewhere, the
 * direction scope (自查本方向), plain error messages, 清空, old links, axe, and the shipped JavaScript.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../scripts/lib/selfcheck-cli.ts';
import { loadCorpusUnchecked } from '../../src/data/load.ts';
import { applicableCriteria, fieldsOf } from '../../src/model/criteria.ts';
import { selfCheckDataUrl, selfCheckUrl } from '../../src/model/routes.ts';
import type { SelfCheckIndex, SelfCheckProvince } from '../../src/self-check/logic/types.ts';
import { axeViolations, openPage } from './helpers.ts';

type Answers = Record<string, string>;

/** A Shanxi steel firm (answers as typed; anything not here is answered 不确定). */
const STEEL: Answers = {
  province: '山西', jsRegisteredInJiangsu: '否', industry: '钢铁', legalEntity: '是', manufacturing: '是', filingDate: '2022-05-10', totalInvestmentWan: '25000', projectCompleted: '是',
  completionDate: '2023-06-30', revenue2023Wan: '800000', revenue2024Wan: '850000', sx26EnergyKeyField: '是', sx26EnergyBenchmarkNew: '是', sx26CarbonKeyIndustry: '是',
  sx26GhgEmissionsWanT: '300', sx26UltraLowEmission: '是', sx26CarbonVerification2024: '是',
};
const STEEL_TOPICS = ['节能降碳（能效标杆、碳排放管理）', '营业收入较上年增长'];

/** A Jiangsu 智能制造示范工厂 (1.2亿元 must be read as 12000 万元). */
const SMART_FACTORY: Answers = {
  province: '江苏', jsRegisteredInJiangsu: '是', legalEntity: '是', jsOperatingYearsBy20220630: '5', aboveScale: '是', jsProvincialSmartFactory: '是', procedureComplete: '是',
  jsProjectPeriodYears: '2', completionDate: '2022年3月31日', jsAcceptedByRecommender: '是', totalInvestmentWan: '1.2亿元', jsSoftwareCloudInvestmentWan: '3,500',
};
const SMART_TOPICS = ['省级（含）以上智能制造示范工厂'];

/** Answers one question from the profile, whatever its control; 不确定 where the profile is silent. */
async function answer(page: Page, id: string, value: string | undefined): Promise<void> {
  const control = page.locator(`#q-${id}`);
  const tag = await control.evaluate((e) => e.tagName);
  if (tag === 'SELECT') return void (await control.selectOption(value ?? 'unknown'));
  if (value === undefined) return page.check(`#q-${id}-unknown`);
  if ((await control.getAttribute('type')) === 'text') return control.fill(value);
  await page.check(`input[name="${id}"][value="${value}"]`);
}

/**
 * Answers a checklist (“以下问题中，回答为“是”的请勾选”) from the profile: ticks the 是 items; those the
 * profile is silent on go on the second list (拿不准). Returns the field ids of its items and whether the
 * second list was used.
 */
async function answerChecklist(page: Page, answers: Answers): Promise<{ fields: string[]; unsure: boolean }> {
  const fields = await page.locator('input[name="sc-checklist"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).dataset.field!));
  for (const f of fields) if (answers[f] === '是') await page.check(`input[name="sc-checklist"][value="${f}"]`);
  const unsure = fields.filter((f) => answers[f] === undefined);
  if (unsure.length > 0) {
    await page.check('#sc-checklist-unsure');
    for (const f of unsure) await page.check(`input[name="sc-checklist-unknown"][value="${f}"]`);
  }
  return { fields, unsure: unsure.length > 0 };
}

/**
 * From the screening to the results. `asked`: the field ids asked about, in order (screening first, a
 * checklist as `sc-checklist` then its items); `questions`: how many questions that was as the person saw
 * them (a checklist one, its second list one more), as the burden benchmark counts.
 */
async function fillQuestionnaire(page: Page, answers: Answers, topics: readonly string[]): Promise<{ asked: string[]; questions: number }> {
  const asked: string[] = [];
  let questions = 0;
  await page.waitForSelector('#sc-page:not([hidden]), #sc-results:not([hidden])');
  for (let guard = 0; guard < 60; guard++) {
    if (await page.locator('#sc-results').isVisible()) return { asked, questions };
    const ids = await page.locator('#sc-page [data-question]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.question!));
    for (const id of ids) {
      // The second lists (拿不准的) are answered with their first.
      if (id === 'sc-checklist-unknown' || id === 'sc-declarations-unknown') continue;
      questions++;
      if (id === 'sc-checklist') {
        const list = await answerChecklist(page, answers);
        asked.push(id, ...list.fields);
        if (list.unsure) questions++;
        continue;
      }
      if (id === 'sc-topics') for (const t of topics) await page.check(`input[name="sc-topics"][value="${t}"]`).catch(() => undefined);
      else if (id !== 'sc-declarations') await answer(page, id, answers[id]);
      asked.push(id);
    }
    const before = await page.evaluate(() => location.hash);
    await page.click('#sc-submit');
    await page.waitForFunction((prev) => location.hash !== prev || !document.getElementById('sc-results')!.hidden, before);
  }
  throw new Error('问卷没有走到结果页');
}

interface Row {
  verdict: string;
  group: string;
  support: string;
  note: string;
}
async function rows(page: Page): Promise<Record<string, Row>> {
  const list = await page.locator('#sc-results-body tr.sc-row').evaluateAll((els) =>
    els.map((e) => {
      const el = e as HTMLElement;
      return [`${el.dataset.policy}/${el.dataset.direction}`, { verdict: el.dataset.verdict ?? '', group: el.dataset.group ?? '', support: el.querySelector('.sc-row__support')?.textContent ?? '', note: el.querySelector('.sc-row__note')?.textContent ?? '' }] as const;
    }),
  );
  return Object.fromEntries(list);
}

/** The CLI's verdicts for the same answers (its logic run in this process: the same code, no process start). */
async function cli(answers: Answers): Promise<Array<{ policy: string; direction: string; verdict: string }>> {
  let out = '';
  let err = '';
  // No POLICIES_DIR: the real corpus, as the site was built from.
  const status = await runCli(['-'], { env: {}, readStdin: () => JSON.stringify(answers), out: (c) => (out += c), err: (c) => (err += c) });
  if (status !== 0) throw new Error(`selfcheck 退出码 ${status}：${err}`);
  return (JSON.parse(out) as { results: Array<{ policy: string; direction: string; verdict: string }> }).results;
}

/** Pages of the printed handout (Chromium's own PDF, A4). */
async function printedPages(page: Page): Promise<number> {
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const counts = [...pdf.toString('latin1').matchAll(/\/Count (\d+)/g)].map((m) => Number(m[1]));
  return Math.max(...counts);
}

/** The first summary row lies within the first screen at this viewport. */
async function firstRowBottom(page: Page, width: number, height: number): Promise<number> {
  await page.setViewportSize({ width, height });
  await page.evaluate(() => window.scrollTo(0, 0));
  const box = (await page.locator('#sc-summary-table tr.sc-row').first().boundingBox())!;
  return Math.round(box.y + box.height);
}

async function startFromHome(page: Page, scope: 'all' | 'policy', value?: string): Promise<void> {
  await page.click('main a[href="/self-check/"]');
  await page.waitForSelector('#sc-scope-legend');
  await page.check(`#sc-scope-${scope}`);
  if (value) await page.selectOption(`#sc-scope-${scope}-value`, value);
  await page.click('#sc-submit');
}

const saved = (page: Page) => page.evaluate(() => JSON.parse(localStorage.getItem('selfcheck:answers') ?? '{}') as Answers);

describe('self-check: a busy manager from the home page to the results', () => {
  it('a Shanxi steel firm (whole corpus): never asked about drugs, devices or software; same verdicts as the CLI; answer first; a short handout', async () => {
    const { page, context, errors, foreignRequests } = await openPage('/');
    await startFromHome(page, 'all');
    const { asked, questions } = await fillQuestionnaire(page, STEEL, STEEL_TOPICS);
    expect(asked.some((id) => /Drug|Device|Clinical|Software/.test(id)), asked.join(' ')).toBe(false);
    expect(questions).toBeLessThanOrEqual(15);
    const ui = await rows(page);
    const answers = await saved(page);
    for (const r of await cli(answers)) expect(ui[`${r.policy}/${r.direction}`]?.verdict, `${r.policy}/${r.direction}`).toBe(r.verdict === 'guidance' ? 'guidance' : r.verdict);
    // Closed rounds say so at the top; the order is eligible, unknown, then the folded groups.
    expect(await page.locator('.sc-rounds').textContent()).toContain('本轮已于 2023-11-10 截止；结果可作为下一轮申报的参考');
    expect(await page.locator('.sc-fold--ineligible').getAttribute('open')).toBeNull();
    expect(await page.locator('#sc-summary-table a[href^="tel:"]').count()).toBeGreaterThan(0);
    expect(await page.locator('#sc-summary-table a[href$="/checklist/"]').count()).toBeGreaterThan(0);
    expect(await firstRowBottom(page, 1280, 900)).toBeLessThanOrEqual(900);
    expect(await firstRowBottom(page, 375, 812)).toBeLessThanOrEqual(812);
    expect(await printedPages(page)).toBeLessThanOrEqual(4);
    expect(errors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });

  it('a Jiangsu smart factory (one policy): eligible with its amount; no deadline printed, no today; ≤ 2 printed pages; a short share link reproduces the results; answers survive a reload; 修改 returns to the results', async () => {
    const { page, context, errors } = await openPage('/');
    await startFromHome(page, 'policy', 'jiangsu-2023-fund-guide');
    const { asked, questions } = await fillQuestionnaire(page, SMART_FACTORY, SMART_TOPICS);
    expect(questions).toBeLessThanOrEqual(10);
    expect(asked).toContain('jsProvincialSmartFactory');
    // The yes/no questions came as a checklist: ticked is 是, the ones ticked as 拿不准 are 不确定.
    expect(asked).toContain('sc-checklist');
    const kept = await saved(page);
    expect(kept.legalEntity).toBe('是');
    expect(kept.projectCompleted).toBe('unknown');
    const ui = await rows(page);
    expect(ui['jiangsu-2023-fund-guide/smart-factory']).toMatchObject({ verdict: 'eligible', group: 'eligible' });
    expect(ui['jiangsu-2023-fund-guide/smart-factory']!.support).toMatch(/万元|亿元/);
    const rounds = (await page.locator('.sc-rounds').textContent()) ?? '';
    expect(rounds).toContain('原文未载明申报截止日期');
    expect(await firstRowBottom(page, 1280, 900)).toBeLessThanOrEqual(900);
    expect(await firstRowBottom(page, 375, 812)).toBeLessThanOrEqual(812);
    expect(await printedPages(page)).toBeLessThanOrEqual(2);

    await page.click('#sc-share');
    await page.waitForFunction(() => (document.getElementById('sc-share-url') as HTMLInputElement).value !== '');
    const url = await page.inputValue('#sc-share-url');
    expect(url.length).toBeLessThanOrEqual(500);
    const other = await openPage(url.replace(/^https?:\/\/[^/]+/, ''));
    await other.page.waitForSelector('#sc-results:not([hidden])');
    expect(await rows(other.page)).toEqual(ui);
    expect(other.errors).toEqual([]);
    await other.context.close();

    // Answers survive a reload; 修改 from the results returns to the question, then to the results.
    await page.reload();
    await page.waitForSelector('#sc-results:not([hidden])');
    expect(await rows(page)).toEqual(ui);
    await page.locator('.sc-answers > summary').click();
    await page.click('.sc-answers a[href="#q-totalInvestmentWan"]');
    await page.fill('#q-totalInvestmentWan', '2500');
    await page.click('#sc-submit');
    await page.waitForSelector('#sc-results:not([hidden])');
    const changed = (await rows(page))['jiangsu-2023-fund-guide/smart-factory']!;
    expect(changed.verdict).toBe('ineligible');
    expect(changed.note).toContain('2500万元，需 3000万元以上');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('自查本方向 asks only that direction’s questions and fetches only its policy’s data; after a reload, back returns to a checklist with its answers', async () => {
    const { corpus } = loadCorpusUnchecked('policies', '.');
    const policy = corpus.policies.find((p) => p.id === 'jiangsu-2023-fund-guide')!;
    const direction = policy.directions.find((d) => d.id === 'smart-factory')!;
    const reads = fieldsOf(applicableCriteria(policy, direction));
    const { page, context, errors } = await openPage(selfCheckUrl({ policy: policy.id, direction: direction.id }));
    const { asked } = await fillQuestionnaire(page, SMART_FACTORY, []);
    // Its data: the index and this policy's criteria file, nothing that grows with the corpus.
    const data = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.endsWith('.json')));
    expect(data).toEqual([selfCheckDataUrl.index(), selfCheckDataUrl.policy(policy.id)]);
    expect(asked.length).toBeGreaterThan(3);
    for (const id of asked.filter((x) => !x.startsWith('sc-'))) expect(reads.has(id), id).toBe(true);
    const ui = await rows(page);
    expect(Object.keys(ui)).toEqual(['jiangsu-2023-fund-guide/smart-factory']);

    // After a reload, the back button returns to the checklist with every item and every answer given
    // there; 继续 then leads to the same results.
    expect(asked).toContain('sc-checklist');
    await page.reload();
    await page.waitForSelector('#sc-results:not([hidden])');
    for (let i = 0; i < 10 && !(await page.evaluate(() => location.hash)).startsWith('#list-'); i++) {
      await page.goBack();
      await page.waitForSelector('#sc-page:not([hidden])');
    }
    await page.waitForFunction(() => document.querySelector<HTMLInputElement>('input[name="sc-checklist"]')?.value === location.hash.slice('#list-'.length));
    const shown = await page.locator('input[name="sc-checklist"]').evaluateAll((els) => els.map((e) => [(e as HTMLInputElement).value, (e as HTMLInputElement).checked] as const));
    expect(shown.length).toBeGreaterThanOrEqual(2);
    // The same items, in the same order, as when the checklist was first answered.
    expect(asked.join(' ')).toContain(['sc-checklist', ...shown.map(([id]) => id)].join(' '));
    for (const [id, ticked] of shown) expect(ticked, id).toBe(SMART_FACTORY[id] === '是');
    const kept = await saved(page);
    for (const [id] of shown) expect(Object.hasOwn(kept, id), id).toBe(true);
    await page.click('#sc-submit');
    await page.waitForSelector('#sc-results:not([hidden])');
    expect(await rows(page)).toEqual(ui);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('self-check: wording, errors, clearing, old links', () => {
  it('the scope step has no step count and is the only one with the intro; errors are plain Chinese next to the field; the first question starts near the top on a phone', async () => {
    const { page, context, errors } = await openPage('/self-check/', { viewport: { width: 375, height: 812 } });
    // The scope step is drawn once the index has loaded; waitFor fails the test if it never shows.
    await page.locator('#sc-page-scope .lede').waitFor({ state: 'visible' });
    expect(await page.locator('#sc-app').textContent()).not.toMatch(/第 \d+ 步/);
    await page.check('#sc-scope-policy');
    await page.selectOption('#sc-scope-policy-value', 'shanxi-2023-tech-retrofit');
    await page.click('#sc-submit');
    await page.waitForSelector('#sc-page:not([hidden])');
    expect(await page.locator('.lede').isVisible()).toBe(false);
    const header = (await page.locator('.site-header').boundingBox())!;
    const question = (await page.locator('#sc-page [data-question]').first().boundingBox())!;
    expect(question.y - (header.y + header.height)).toBeLessThanOrEqual(300);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('explains a typo next to the field in plain words; 清空 is a secondary action that asks first', async () => {
    const { page, context, errors } = await openPage(selfCheckUrl({ policy: 'shanxi-2023-tech-retrofit' }));
    await page.waitForSelector('#sc-page:not([hidden])');
    // Walk to the first number question.
    for (let i = 0; i < 20; i++) {
      const id = await page.locator('#sc-page [data-question]').first().getAttribute('data-question');
      if (id === 'sc-checklist') {
        await answerChecklist(page, STEEL);
        const before = await page.evaluate(() => location.hash);
        await page.click('#sc-submit');
        await page.waitForFunction((prev) => location.hash !== prev, before);
        continue;
      }
      if ((await page.locator(`#q-${id}`).getAttribute('type')) === 'text' && /Wan$|Count$/.test(id!)) {
        await page.fill(`#q-${id}`, '-5');
        await page.click('#sc-submit');
        const message = await page.locator(`#q-${id}-error`).textContent();
        expect(message).toMatch(/请填写(不小于 0 |.+之间)的/);
        expect(message).not.toContain('应为');
        expect(await page.locator('#sc-errors').isVisible()).toBe(true);
        break;
      }
      await answer(page, id!, STEEL[id!]);
      const before = await page.evaluate(() => location.hash);
      await page.click('#sc-submit');
      await page.waitForFunction((prev) => location.hash !== prev, before);
    }
    expect(await page.locator('#sc-clear').getAttribute('class')).not.toContain('warning');
    await page.click('#sc-clear');
    await page.click('#sc-clear-confirm');
    expect(await page.evaluate(() => localStorage.getItem('selfcheck:answers'))).toBeNull();
    expect(await page.locator('#sc-scope-legend').isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('an old (v1) share link still opens its results; a damaged one is reported, never a crash', async () => {
    const v1 = Buffer.from(JSON.stringify({ v: 1, s: 'policy:shanxi-2023-tech-retrofit', a: { legalEntity: '否' } })).toString('base64url');
    const old = await openPage(`/self-check/?p=${v1}`);
    await old.page.waitForSelector('#sc-results:not([hidden])');
    const old5 = Object.values(await rows(old.page));
    expect(old5.map((r) => r.group)).toEqual(Array(5).fill('ineligible'));
    expect(await old.page.locator('.sc-fold--ineligible > summary').textContent()).toContain('5 个方向');
    expect(old.errors).toEqual([]);
    await old.context.close();
    const bad = await openPage('/self-check/?z=%%%not-a-link');
    expect(await bad.page.locator('.sc-notice').textContent()).toContain('分享链接无法读取');
    expect(bad.errors).toEqual([]);
    await bad.context.close();
  });
});

describe('self-check: accessibility, layout and weight', () => {
  it('passes axe WCAG 2.2 AA on the scope, screening, a question and the results, and never scrolls sideways at 360 px', async () => {
    const { page, context } = await openPage('/self-check/', { viewport: { width: 360, height: 800 } });
    const check = async (where: string) => {
      expect(await axeViolations(page), where).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), where).toBe(true);
    };
    await check('scope');
    await page.check('#sc-scope-all');
    await page.click('#sc-submit');
    await page.waitForSelector('#sc-page:not([hidden])');
    await check('screening');
    await answer(page, 'province', '山西');
    await page.selectOption('#q-industry', '钢铁');
    await page.check('input[name="sc-topics"][value="营业收入较上年增长"]');
    await page.click('#sc-submit');
    await page.waitForFunction(() => /^#(q|list)-/.test(location.hash));
    await check('question');
    await fillQuestionnaire(page, STEEL, []);
    await page.locator('.sc-fold--ineligible > summary').click();
    await page.locator('#sc-summary-table details > summary').first().click();
    await check('results');
    await context.close();
  });

  it('ships at most 40 KB (gzip) of JavaScript, no zod; its data is an index, a list per province and one criteria file per policy', () => {
    const html = readFileSync('dist/self-check/index.html', 'utf8');
    const scripts = [...html.matchAll(/<script[^>]*\ssrc="(\/_astro\/[^"]+\.js)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
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
    expect(html).not.toMatch(/\son[a-z]+="/);
    const index = JSON.parse(readFileSync('dist/self-check/index.json', 'utf8')) as SelfCheckIndex;
    const ids = index.provinces.flatMap((p) => (JSON.parse(readFileSync(join('dist', decodeURIComponent(selfCheckDataUrl.province(p))), 'utf8')) as SelfCheckProvince).policies);
    expect(ids.sort()).toEqual(loadCorpusUnchecked('policies', '.').corpus.policies.map((p) => p.id).sort());
    for (const id of ids) {
      const file = readFileSync(join('dist', selfCheckDataUrl.policy(id)), 'utf8');
      expect(file).not.toContain('"sourceText"');
      expect(JSON.parse(file).id).toBe(id);
    }
  });
});
