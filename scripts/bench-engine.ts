/**
 * Self-check engine benchmark: time to evaluate one profile against every direction, for the real
 * corpus and for 200 synthetic policies (median of many runs, performance.now).
 *
 * The engine prepares each corpus once (compileCorpus, cached per data object) and then evaluates
 * every answer change against the prepared form; the budgets are for that evaluation. The one-off
 * preparation is measured separately on fresh copies of the data.
 *
 * Two profiles: a complete one (every question answered) and a partial one (a few answers, the rest
 * 不确定), which takes the slower path of finding the questions that would decide each verdict.
 *
 * Usage: tsx scripts/bench-engine.ts [--synthetic-dir <policies folder with 200 policies>]
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadCorpusUnchecked, type Corpus } from '../src/data/load.ts';
import type { Field } from '../src/schemas/index.ts';
import { generateSynthetic } from './gen-synthetic.ts';
import { fmtMs, header, median, percentile, Reporter } from './bench/report.ts';
import { PROJECT } from './bench/site.ts';

type EngineModule = typeof import('../src/engine/index.ts');

const REAL_BUDGET_MS = 1;
const SYNTHETIC_BUDGET_MS = 50;
/** A fixed “today”, so the figures do not move with the calendar. */
const TODAY = '2026-02-01';

/** A plausible answer for every asked field. */
function completeProfile(fields: readonly Field[]): Record<string, unknown> {
  const p: Record<string, unknown> = {};
  for (const f of fields) {
    if (f.id in p) continue;
    if (f.type === 'number') p[f.id] = f.unit === '万元' ? 4200 : f.unit === '%' ? 12 : 5;
    else if (f.type === 'boolean') p[f.id] = !/(Blacklisted|Suspended|Accident|otherProvincialFunding)/i.test(f.id);
    else if (f.type === 'choice') p[f.id] = f.multiple ? [f.options[0]!] : f.options[0]!;
    else if (f.type === 'date') p[f.id] = '2024-06-30';
  }
  return p;
}

/** What someone has typed after the first step: a handful of answers, everything else unknown. */
function partialProfile(fields: readonly Field[]): Record<string, unknown> {
  const full = completeProfile(fields);
  const keep = ['legalEntity', 'creditBlacklisted', 'province', 'industry', 'totalInvestmentWan', 'projectCompleted'];
  return Object.fromEntries(Object.entries(full).filter(([k]) => keep.includes(k)));
}

interface Timing {
  median: number;
  p95: number;
  /** Mean CPU time of this process per run: unlike wall time, it does not grow when other work takes the CPU. */
  cpuMean: number;
  runs: number;
  directions: number;
}

/** Runs `fn` repeatedly: warm-up, then at least `minRuns` and until `minRuns` and `ms` are both reached. */
function time(fn: () => number, minRuns: number, ms: number): Timing {
  let directions = 0;
  for (let i = 0; i < Math.min(20, minRuns); i++) directions = fn();
  const samples: number[] = [];
  const until = performance.now() + ms;
  const cpu0 = process.cpuUsage();
  while (samples.length < minRuns || (performance.now() < until && samples.length < 5000)) {
    const t0 = performance.now();
    directions = fn();
    samples.push(performance.now() - t0);
  }
  const cpu = process.cpuUsage(cpu0);
  return { median: median(samples), p95: percentile(samples, 95), cpuMean: (cpu.user + cpu.system) / 1000 / samples.length, runs: samples.length, directions };
}

function benchCorpus(engine: EngineModule, r: Reporter, name: string, corpus: Corpus, budgetMs: number, minRuns: number): void {
  const directions = corpus.policies.reduce((n, p) => n + p.directions.length, 0);
  console.log(`\n${name}：${corpus.policies.length} 份政策，${directions} 个方向，${corpus.fields.length} 个字段`);
  // Preparation, on fresh copies so the per-object cache cannot answer.
  const compileSamples: number[] = [];
  for (let i = 0; i < 10; i++) {
    const copy = structuredClone(corpus);
    const t0 = performance.now();
    engine.compileCorpus(copy);
    compileSamples.push(performance.now() - t0);
  }
  const registry = [...engine.fieldRegistry(corpus).values()];
  const profiles: Array<[string, Record<string, unknown>]> = [
    ['完整档案', completeProfile(registry)],
    ['部分档案', partialProfile(registry)],
  ];
  engine.compileCorpus(corpus);
  for (const [label, profile] of profiles) {
    const t = time(() => engine.evaluateProfile(corpus, profile, { today: TODAY }).results.length, minRuns, 2000);
    const verdicts = new Map<string, number>();
    for (const res of engine.evaluateProfile(corpus, profile, { today: TODAY }).results) verdicts.set(res.verdict, (verdicts.get(res.verdict) ?? 0) + 1);
    r.add({
      label: `引擎：${name}，${label}（${Object.keys(profile).length} 个回答）`,
      value: `中位数 ${fmtMs(t.median)}`,
      budget: `≤ ${budgetMs} ms`,
      met: t.median <= budgetMs,
      note: `p95 ${fmtMs(t.p95)}，本进程 CPU 时间均值 ${fmtMs(t.cpuMean)}（含 GC 等后台线程），${t.runs} 次；评估 ${t.directions} 个方向（${[...verdicts].map(([v, n]) => `${v} ${n}`).join('，')}）`,
    });
  }
  r.add({ label: `引擎：${name}，一次性准备（compileCorpus）`, value: `中位数 ${fmtMs(median(compileSamples))}`, budget: '—', met: null, note: '每份语料只做一次（按数据对象缓存），不计入单次评估' });
}

function load(dir: string): Corpus {
  const { corpus, problems } = loadCorpusUnchecked(dir, resolve(dir, '..'));
  if (problems.length > 0) console.log(`  （${dir}：数据校验有 ${problems.length} 处问题，按能读到的部分测量）`);
  return corpus;
}

async function main(): Promise<number> {
  header('bench-engine：自查引擎评估时间');
  const r = new Reporter('bench-engine');
  let engine: EngineModule;
  try {
    engine = await import('../src/engine/index.ts');
    if (typeof engine.evaluateProfile !== 'function') throw new Error('src/engine/index.ts 没有导出 evaluateProfile');
  } catch (e) {
    r.fail(`引擎缺失，无法测量：${(e as Error).message}`);
    for (const [name, budget] of [['真实语料', REAL_BUDGET_MS], ['200 份合成政策', SYNTHETIC_BUDGET_MS]] as const) {
      r.add({ label: `引擎：${name}`, value: '引擎缺失（src/engine/index.ts）', budget: `≤ ${budget} ms`, met: null });
    }
    return r.finish();
  }

  benchCorpus(engine, r, '真实语料', load(join(PROJECT, 'policies')), REAL_BUDGET_MS, 500);

  const argi = process.argv.indexOf('--synthetic-dir');
  let dir = argi === -1 ? undefined : process.argv[argi + 1];
  let temp: string | undefined;
  if (!dir || !existsSync(dir)) {
    temp = mkdtempSync(join(tmpdir(), 'policy-bench-engine-'));
    dir = join(temp, 'policies');
    console.log('\n生成 200 份合成政策…');
    generateSynthetic({ count: 200, outDir: dir, seed: 1 });
  }
  try {
    benchCorpus(engine, r, '200 份合成政策', load(dir), SYNTHETIC_BUDGET_MS, 50);
  } finally {
    if (temp) rmSync(temp, { recursive: true, force: true });
  }
  return r.finish();
}

process.exitCode = await main();
