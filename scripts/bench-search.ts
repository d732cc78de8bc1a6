/**
 * Search quality and cost on the built site, in Chromium: every query of tests/search/queries.yaml is
 * typed into /search/ and the cards it shows are scored.
 *
 * Prints recall@1, recall@3 and MRR over the query set (by category too), the share of nothing-queries
 * that show nothing, bytes transferred per query after the search page has loaded (counted on the
 * server), and the time from typing to results once the index has loaded (median, p95, max), plus the
 * index size and the time to first results when the page opens with ?q=.
 *
 * Usage: tsx scripts/bench-search.ts   (after `npm run build`; BENCH_DIST=<dir> to measure another dist)
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { IncomingMessage } from 'node:http';
import { launchChromium } from '../tests/browser/chromium.ts';
import { serveStatic } from '../tests/browser/static-server.ts';
import { ask, waitForIndex, type PageAnswer } from '../tests/search/in-browser.ts';
import { loadQuerySet, scoreCase, summarise } from '../tests/search/query-set.ts';
import { fmtKB, fmtMs, header, loadWarning, median, percentile, Reporter } from './bench/report.ts';

const BYTES_BUDGET = 150 * 1024;
const TIME_BUDGET_MS = 300;
const RECALL3_BUDGET = 0.95;
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

async function main(): Promise<number> {
  header('搜索：查询集召回、无结果查询、每次查询传输量与出结果时间（Chromium）');
  const r = new Reporter('bench-search');
  const dist = resolve(process.env.BENCH_DIST ?? 'dist');
  const indexFile = join(dist, 'search', 'index.json');
  if (!existsSync(indexFile)) {
    r.fail(`${indexFile} 不存在：先运行 npm run build（或用 BENCH_DIST 指向构建结果）`);
    return r.finish();
  }
  const set = loadQuerySet();
  const { server, url } = await serveStatic(dist);
  let bytes = 0;
  let requests: string[] = [];
  server.on('request', (req: IncomingMessage) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = join(dist, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    bytes += existsSync(file) ? statSync(file).size : 0;
    requests.push(path);
  });
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();

    // Opening the page with a query: time from the index being ready to the first results.
    await page.goto(`${url}/search/?q=${encodeURIComponent('煤矸石')}`);
    await waitForIndex(page);
    await page.waitForFunction(() => document.body.dataset.searchQuery === '煤矸石');
    await page.waitForLoadState('networkidle');
    const marks = (await page.evaluate(
      `({ ready: performance.getEntriesByName('search:index-ready')[0].startTime, results: performance.getEntriesByName('search:results')[0].startTime })`,
    )) as { ready: number; results: number };
    const loadBytes = bytes;
    const loadFiles = requests.length;
    const indexSize = statSync(indexFile).size;
    const indexGz = gzipSync(readFileSync(indexFile)).length;
    r.add({ label: '搜索索引（/search/index.json，页面加载时取一次）', value: `${fmtKB(indexSize)}（gzip ${fmtKB(indexGz)}）`, budget: '—', met: null, note: `打开搜索页共请求 ${loadFiles} 个文件 ${fmtKB(loadBytes)}（未压缩）` });
    r.add({
      label: '打开 /search/?q=… 时，索引就绪到出结果',
      value: fmtMs(marks.results - marks.ready),
      budget: `≤ ${TIME_BUDGET_MS} ms`,
      met: marks.results - marks.ready <= TIME_BUDGET_MS,
      note: `索引就绪于页面开始加载后 ${fmtMs(marks.ready)}（下载并载入索引）`,
    });

    // Every query of the set, typed one after another into the loaded page.
    const answers: PageAnswer[] = [];
    const perQueryBytes: number[] = [];
    const queryRequests = new Set<string>();
    for (const q of [...set.queries.map((c) => c.q), ...set.nothing]) {
      bytes = 0;
      requests = [];
      answers.push(await ask(page, q));
      perQueryBytes.push(bytes);
      for (const path of requests) queryRequests.add(path);
    }
    const byQ = new Map(answers.map((a) => [a.q, a]));
    const scores = set.queries.map((c) => scoreCase(c, byQ.get(c.q)?.urls ?? []));
    const sum = summarise(scores, set.nothing.map((q) => ({ q, urls: byQ.get(q)?.urls ?? [] })));

    r.add({ label: `recall@3（${sum.queries} 条查询）`, value: pct(sum.recallAt3), budget: `≥ ${pct(RECALL3_BUDGET)}`, met: sum.recallAt3 >= RECALL3_BUDGET, note: sum.misses.map((m) => `未进前 3：${m.q} → ${m.top.slice(0, 3).join(' ') || '（无结果）'}`).join('\n') || undefined });
    r.add({ label: 'recall@1（首条即期望页面）', value: pct(sum.recallAt1), budget: '—', met: null });
    r.add({ label: 'MRR', value: sum.mrr.toFixed(3), budget: '—', met: null });
    const tags = [...new Set(scores.map((s) => s.tag))];
    r.add({
      label: '按类别的 recall@3',
      value: tags.map((t) => {
        const xs = scores.filter((s) => s.tag === t);
        return `${t} ${pct(xs.reduce((a, s) => a + s.recall3, 0) / xs.length)}（${xs.length}）`;
      }).join('；'),
      budget: '—',
      met: null,
    });
    r.add({
      label: '应无结果的查询确实无结果',
      value: `${sum.nothingEmpty} / ${sum.nothing}（${pct(sum.nothingEmpty / Math.max(1, sum.nothing))}）`,
      budget: `≥ 14 / 15`,
      met: sum.nothingEmpty / Math.max(1, sum.nothing) >= 14 / 15,
      note: sum.nonEmptyNothing.map((x) => `有结果：${x.q} → ${x.top.join(' ')}`).join('\n') || undefined,
    });
    const maxBytes = Math.max(...perQueryBytes);
    r.add({
      label: '每次查询的传输量（搜索页加载之后）',
      value: `最多 ${fmtKB(maxBytes)}，平均 ${fmtKB(perQueryBytes.reduce((a, b) => a + b, 0) / perQueryBytes.length)}（${perQueryBytes.length} 次查询）`,
      budget: `≤ ${fmtKB(BYTES_BUDGET)}`,
      met: maxBytes <= BYTES_BUDGET,
      note: `索引随页面加载一次取完，查询在浏览器本地完成。查询期间请求的文件：${[...queryRequests].join('、') || '无'}`,
    });
    const typing = answers.map((a) => a.ms);
    const engine = answers.map((a) => a.searchMs);
    r.add({
      label: '输入到出结果（索引已载入）',
      value: `中位数 ${fmtMs(median(typing))}，p95 ${fmtMs(percentile(typing, 95))}，最长 ${fmtMs(Math.max(...typing))}`,
      budget: `≤ ${TIME_BUDGET_MS} ms`,
      met: Math.max(...typing) <= TIME_BUDGET_MS,
      note: `从 input 事件到结果出现在页面上（含等下一帧）；其中检索加渲染：中位数 ${fmtMs(median(engine))}，最长 ${fmtMs(Math.max(...engine))}。${loadWarning() ?? ''}`,
    });
    await context.close();
  } catch (e) {
    r.fail((e as Error).message);
  } finally {
    await browser.close();
    server.close();
  }
  return r.finish();
}

process.exitCode = await main();
