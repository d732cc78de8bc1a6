/**
 * Lighthouse 13 (mobile, the default: emulated phone and simulated slow 4G / 4× CPU) on the built site,
 * served from 127.0.0.1 by the same static server the browser tests use. Scores for performance,
 * accessibility, best practices and SEO on the home page, a direction page and the self-check page.
 *
 * The system Chromium is started here (not by chrome-launcher, a dependency of Lighthouse we do not
 * declare) with a remote-debugging port for Lighthouse to drive. Its host resolver maps every name to
 * nothing, so no request can leave 127.0.0.1 even if a page or Lighthouse tried.
 *
 * Performance varies from run to run, so each page is run BENCH_LH_RUNS times (default 3) and the median
 * of each category is reported, as Lighthouse's own documentation recommends.
 *
 * Usage: tsx scripts/bench-lighthouse.ts [--dist <built dist>]   (default: build a fresh copy first)
 * BENCH_DIST=<dir> does the same as --dist.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { chromiumPath } from '../tests/browser/chromium.ts';
import { serveStatic } from '../tests/browser/static-server.ts';
import { header, median, Reporter } from './bench/report.ts';
import { buildSite, copyProject, type ProjectCopy } from './bench/site.ts';
import { CHROMIUM_FLAGS } from './lib/chromium-flags.ts';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
type Category = (typeof CATEGORIES)[number];
const LABEL: Record<Category, string> = { performance: '性能', accessibility: '无障碍', 'best-practices': '最佳实践', seo: 'SEO' };
const BUDGET: Record<Category, number> = { performance: 98, accessibility: 100, 'best-practices': 100, seo: 100 };

const FLAGS = [
  '--headless=new',
  ...CHROMIUM_FLAGS,
  '--disable-default-apps',
  '--disable-extensions',
  '--no-default-browser-check',
  // Every host name resolves to nothing: the only reachable server is the one on 127.0.0.1.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
  '--remote-debugging-port=0',
  '--remote-debugging-address=127.0.0.1',
];

/** Starts Chromium and resolves with its DevTools port, read from the line it prints on stderr. */
function startChromium(profileDir: string): Promise<{ proc: ChildProcess; port: number }> {
  const proc = spawn(chromiumPath(), [...FLAGS, `--user-data-dir=${profileDir}`, 'about:blank'], { stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolvePromise, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`Chromium 未在 30 秒内打开调试端口：${err.slice(-500)}`)), 30_000);
    proc.stderr!.on('data', (b: Buffer) => {
      err += b.toString();
      const m = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(err);
      if (m) {
        clearTimeout(timer);
        resolvePromise({ proc, port: Number(m[1]) });
      }
    });
    proc.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Chromium 退出（${code}）：${err.slice(-500)}`));
    });
  });
}

interface PageScores {
  scores: Record<Category, number[]>;
  /**
   * Lighthouse's own CPU benchmark at each run (higher is faster; it warns below ~1000). Simulated
   * throttling scales the main-thread work it observes, so a busy machine lowers performance scores.
   */
  benchmarkIndex: number[];
  /** Audits that cost points in a category (from the last run), for the note. */
  losses: Record<Category, string[]>;
  /** Page weight as Lighthouse counts it (transfer sizes), from the last run. */
  weight: string;
}

async function audit(url: string, port: number, runs: number): Promise<PageScores> {
  const scores = { performance: [], accessibility: [], 'best-practices': [], seo: [] } as Record<Category, number[]>;
  const losses = { performance: [], accessibility: [], 'best-practices': [], seo: [] } as Record<Category, string[]>;
  const benchmarkIndex: number[] = [];
  let weight = '';
  for (let i = 0; i < runs; i++) {
    const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
    if (!result) throw new Error(`Lighthouse 没有返回结果：${url}`);
    const lhr = result.lhr;
    if (lhr.runtimeError) throw new Error(`Lighthouse 运行错误：${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    benchmarkIndex.push(Math.round(lhr.environment.benchmarkIndex));
    weight = lhr.audits['total-byte-weight']?.displayValue ?? '';
    for (const c of CATEGORIES) {
      const cat = lhr.categories[c];
      scores[c].push(Math.round((cat?.score ?? 0) * 100));
      losses[c] = (cat?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0)
        .map((ref) => lhr.audits[ref.id])
        .filter((a): a is NonNullable<typeof a> => a !== undefined && a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'notApplicable' && a.scoreDisplayMode !== 'informative')
        .map((a) => `${a.id}${a.displayValue ? `（${a.displayValue}）` : ''}`);
    }
  }
  return { scores, losses, benchmarkIndex, weight };
}

function firstDirectionPage(dist: string): string | undefined {
  const policies = join(dist, 'policies');
  if (!existsSync(policies)) return undefined;
  for (const p of readdirSync(policies).sort()) {
    const dirs = join(policies, p, 'directions');
    if (!existsSync(dirs)) continue;
    const d = readdirSync(dirs).sort()[0];
    if (d) return `/policies/${p}/directions/${d}/`;
  }
  return undefined;
}

async function main(): Promise<number> {
  header('bench-lighthouse：Lighthouse 13（移动端）');
  const r = new Reporter('bench-lighthouse');
  const runs = Math.max(1, Number(process.env.BENCH_LH_RUNS ?? 3));
  const argi = process.argv.indexOf('--dist');
  let dist = argi === -1 ? process.env.BENCH_DIST : process.argv[argi + 1];
  let copy: ProjectCopy | undefined;
  const profile = mkdtempSync(join(tmpdir(), 'policy-bench-chromium-'));
  let chromium: ChildProcess | undefined;
  try {
    if (!dist || !existsSync(join(dist, 'index.html'))) {
      console.log('没有指定已构建的站点（--dist 或 BENCH_DIST），先在临时副本中构建真实语料…');
      copy = copyProject('lighthouse', true);
      const b = await buildSite(copy.dir);
      if (!b.ok) {
        r.fail(`构建失败，无法测量。\n${b.failure ?? ''}`);
        return r.finish();
      }
      dist = b.distDir;
    }
    const direction = firstDirectionPage(dist);
    const pages: Array<[string, string | undefined]> = [
      ['首页', '/'],
      ['方向页', direction],
      ['自查页', existsSync(join(dist, 'self-check', 'index.html')) ? '/self-check/' : undefined],
    ];
    const { server, url } = await serveStatic(dist);
    try {
      const started = await startChromium(profile);
      chromium = started.proc;
      console.log(`每页运行 ${runs} 次，取各类别得分的中位数…`);
      for (const [label, path] of pages) {
        if (!path) {
          for (const c of CATEGORIES) r.add({ label: `Lighthouse ${label} ${LABEL[c]}`, value: '页面不存在', budget: `≥ ${BUDGET[c]}`, met: null });
          continue;
        }
        console.log(`\n${label} ${path}`);
        const s = await audit(url + path, started.port, runs);
        for (const c of CATEGORIES) {
          const m = median(s.scores[c]);
          const lost = s.losses[c];
          r.add({
            label: `Lighthouse ${label} ${LABEL[c]}`,
            value: String(m),
            budget: `≥ ${BUDGET[c]}`,
            met: m >= BUDGET[c],
            ...(runs > 1 || lost.length || c === 'performance'
              ? {
                  note: [
                    runs > 1 ? `各次：${s.scores[c].join('、')}` : '',
                    lost.length ? `失分项：${lost.join('，')}` : '',
                    c === 'performance' ? `Lighthouse CPU 基准 benchmarkIndex：${s.benchmarkIndex.join('、')}${s.weight ? `；页面总重 ${s.weight}` : ''}` : '',
                  ]
                    .filter(Boolean)
                    .join('；'),
                }
              : {}),
          });
        }
      }
    } finally {
      server.close();
    }
  } catch (e) {
    r.fail((e as Error).message);
  } finally {
    chromium?.kill();
    copy?.dispose();
    // Chromium may still be writing its profile for a moment after the signal.
    await new Promise((ok) => setTimeout(ok, 500));
    rmSync(profile, { recursive: true, force: true });
  }
  return r.finish();
}

process.exitCode = await main();
