/**
 * Scale benchmark: full builds (astro build, search index included) of synthetic corpora, 20 and 200 policies by
 * default, up to the national scale (1,000 and 2,000). It checks that build time grows linearly with the
 * corpus (the time per page of the largest size may be at most 1.5× that of the smallest), that a build
 * of 200 or more policies finishes within 5 minutes, and that at 1,000 or more the peak memory stays
 * within 3 GB. It names where the time and the memory go: the routes Astro spent its time on, and the
 * routes it was rendering when its memory peaked.
 * It also measures the criteria data a one-policy self-check transfers (gzipped, budget 60 KB), by running
 * the page's own loader on the built files (scripts/bench/self-check-bytes.ts).
 *
 * Each size builds in its own temporary copy of the project, with POLICIES_DIR pointing at the synthetic
 * folder and a minimal overview MDX per policy (the policy page requires one), so the real content/ and
 * dist/ are never touched. Astro prints each generated file with its render time; those lines are summed
 * per route, so a route whose time per file grows with the corpus (something re-read or re-computed per
 * page) is named.
 *
 * Usage: tsx scripts/bench-scale.ts [--sizes 20,200] [--sharded 2000] [--national] [--profile] [--self-check]
 *   --national: the national-scale run, `--sizes 1000 --sharded 2000` (about 15 minutes on 2 cores).
 *   --sharded: build these sizes with the sharded build (scripts/build-shards.ts all, one step after
 *              the other, --per-step shards a step, 5 by default) and report its wall time and peak memory.
 *   --profile: also record a V8 CPU profile of the largest build and list where its time went.
 *   --self-check: no site build; only the self-check's transfer per scope at each size, its files
 *              built by the self-check's own builders from the generated corpus (seconds, not minutes).
 * Peak memory is that of the whole process tree (Astro's Node and its workers).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSynthetic, writeOverviews } from './gen-synthetic.ts';
import { hotSpots, largestProfile } from './bench/cpuprof.ts';
import { fmtMB, fmtMs, header, loadWarning, Reporter } from './bench/report.ts';
import { astroPhases, buildSite, copyProject, countFiles, memoryByRoute, routeTimings, type BuildResult, type RouteTiming } from './bench/site.ts';
import { runMeasured } from './bench/proc.ts';
import { builderSource, distSource, selfCheckScopeBytes, type ScopeBytes } from './bench/self-check-bytes.ts';
import { loadCorpus } from '../src/data/load.ts';

const LARGE_BUDGET_MS = 5 * 60_000;
const RATIO_BUDGET = 1.5;
/** At national scale (1,000 policies and more) the build must fit a 4 GB CI machine with room to spare. */
const MEMORY_BUDGET_BYTES = 3 * 1024 ** 3;
const NATIONAL = 1000;
const SELF_CHECK_SCOPE_BUDGET = 60 * 1024;

interface SizeResult {
  size: number;
  directions: number;
  build: BuildResult;
  routes: RouteTiming[];
  perPageMs: number;
  selfCheck: ScopeBytes;
}

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
}

async function buildSize(size: number, profileDir: string | undefined): Promise<SizeResult | string> {
  const copy = copyProject(`scale-${size}`, false);
  try {
    const policiesDir = join(copy.dir, 'synthetic-policies');
    const gen = generateSynthetic({ count: size, outDir: policiesDir, seed: 1 });
    writeOverviews(gen.policies.map((p) => p.id), join(copy.dir, 'content', 'policies'));
    const directions = gen.policies.reduce((n, p) => n + p.directions, 0);
    console.log(`\n${size} 份合成政策（${directions} 个方向，${gen.policies.reduce((n, p) => n + p.contacts, 0)} 位联系人）：构建中…`);
    const build = await buildSite(copy.dir, {
      env: { POLICIES_DIR: policiesDir },
      progress: true,
      memory: true,
      ...(profileDir ? { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] } : {}),
    });
    if (!build.ok) return `${size} 份合成政策构建失败：${build.failure ?? ''}`;
    const selfCheck = await selfCheckScopeBytes(distSource(build.distDir), gen.policies.map((p) => p.id));
    return { size, directions, build, routes: routeTimings(build.astro.log), perPageMs: build.totalMs / build.htmlPages, selfCheck };
  } finally {
    copy.dispose();
  }
}

interface ShardedResult {
  size: number;
  wallMs: number;
  cpuMs: number | null;
  peakTreeRssBytes: number;
  maxRssBytes: number | null;
  htmlPages: number;
  shards: number;
  /** Each step's own line from the log: “== shard-01：85.2 s”. */
  steps: string[];
}

/** The sharded build of `size` synthetic policies, every step one after the other on this machine. */
async function buildSharded(size: number, perStep: number): Promise<ShardedResult | string> {
  const copy = copyProject(`sharded-${size}`, false);
  try {
    const policiesDir = join(copy.dir, 'synthetic-policies');
    const gen = generateSynthetic({ count: size, outDir: policiesDir, seed: 1 });
    writeOverviews(gen.policies.map((p) => p.id), join(copy.dir, 'content', 'policies'));
    console.log(`\n${size} 份合成政策，分片构建（scripts/build-shards.ts all --per-step ${perStep}）：构建中…`);
    const env = { ...process.env, POLICIES_DIR: policiesDir, ASTRO_TELEMETRY_DISABLED: '1' };
    const m = await runMeasured(process.execPath, ['--import', 'tsx', join('scripts', 'build-shards.ts'), 'all', '--per-step', String(perStep), '--out', 'dist'], {
      cwd: copy.dir,
      env,
      logFile: join(copy.dir, 'build-shards.log'),
      echo: /^== |分片方案|合并完成|分片构建共|Error|error/,
    });
    if (m.code !== 0) return `${size} 份合成政策分片构建失败（退出码 ${m.code}）`;
    const dist = join(copy.dir, 'dist');
    return {
      size,
      wallMs: m.wallMs,
      cpuMs: m.cpuMs,
      peakTreeRssBytes: m.peakTreeRssBytes,
      maxRssBytes: m.maxRssBytes,
      htmlPages: countFiles(dist, (f) => f.endsWith('.html')),
      shards: Number(/(\d+) 个分片/.exec(m.log)?.[1] ?? NaN),
      steps: m.log.split('\n').filter((l) => /^== .*：[\d.]+ s$/.test(l)),
    };
  } finally {
    copy.dispose();
  }
}

/** The Astro routes being rendered when its memory peaked. */
function memoryReport(res: SizeResult): string[] {
  const lines: string[] = [];
  const b = res.build;
  if (b.memorySamples && b.memorySamples.length > 0) {
    lines.push(`Astro 进程（${res.size} 份）各阶段/路由渲染时的内存峰值（每 250 ms 采样；RSS 含 V8 尚未回收的垃圾，堆为在用部分）：`, '', '| 阶段或路由 | 峰值 RSS | 峰值堆 | 采样数 |', '|---|---|---|---|');
    for (const m of memoryByRoute(b.memorySamples).slice(0, 10)) lines.push(`| ${m.route} | ${m.peakRssMB} MB | ${m.peakHeapMB} MB | ${m.samples} |`);
  }
  return lines;
}

function routeTable(small: SizeResult, large: SizeResult): string[] {
  const lines = ['| 路由 | 文件数（小→大） | 每个文件平均（小→大） | 倍数 | 该路由总耗时（大） |', '|---|---|---|---|---|'];
  const smallBy = new Map(small.routes.map((r) => [r.route, r]));
  for (const r of large.routes.slice(0, 16)) {
    const s = smallBy.get(r.route);
    const meanL = r.totalMs / r.files;
    const meanS = s ? s.totalMs / s.files : NaN;
    const ratio = meanL / meanS;
    lines.push(`| ${r.route} | ${s?.files ?? 0} → ${r.files} | ${fmtMs(meanS)} → ${fmtMs(meanL)} | ${Number.isFinite(ratio) ? ratio.toFixed(2) + '×' : '—'} | ${fmtMs(r.totalMs)} |`);
  }
  return lines;
}

/**
 * Where build time grows faster than the corpus:
 * - routes with one file per entity (policy, direction, person…) whose time per file grows more than the
 *   budget ratio: each file's work depends on the corpus size (something re-read or recomputed per page);
 * - single files listing the whole corpus (/contacts/, /exports/contacts.vcf…), which should grow like
 *   the corpus, whose time grows more than 1.5× faster than it.
 * Routes taking under 2 % of the render time (or a single file under 1 s) are left out: at that size a
 * busy machine's noise is larger than the signal.
 */
function superlinear(small: SizeResult, large: SizeResult): Array<{ route: string; ratio: number; shareOfLarge: number; kind: 'per-file' | 'aggregate' }> {
  const smallBy = new Map(small.routes.map((r) => [r.route, r]));
  const renderTotal = large.routes.reduce((n, r) => n + r.totalMs, 0);
  const growth = large.size / small.size;
  const out: Array<{ route: string; ratio: number; shareOfLarge: number; kind: 'per-file' | 'aggregate' }> = [];
  for (const r of large.routes) {
    const s = smallBy.get(r.route);
    if (!s) continue;
    const shareOfLarge = r.totalMs / renderTotal;
    const perFile = r.totalMs / r.files / (s.totalMs / s.files);
    if (r.files > 1 && r.route.includes('[')) {
      if (perFile > RATIO_BUDGET && shareOfLarge > 0.02) out.push({ route: r.route, ratio: perFile, shareOfLarge, kind: 'per-file' });
    } else if (r.files === 1 && s.files === 1 && r.totalMs > 1000 && perFile > RATIO_BUDGET * growth) {
      out.push({ route: r.route, ratio: perFile, shareOfLarge, kind: 'aggregate' });
    }
  }
  return out;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

function addSelfCheck(r: Reporter, size: number, sc: ScopeBytes, from: string): void {
  r.add({
    label: `${size} 份合成政策：自查一份政策时传输的条件数据（gzip）`,
    value: kb(sc.worstGz),
    budget: '≤ 60 KB',
    met: sc.worstGz <= SELF_CHECK_SCOPE_BUDGET,
    note:
      `${from}；页面自己的载入代码所取文件：index ${kb(sc.indexGz)} + 最大的一份政策（${sc.worstPolicy}）${kb(sc.worstPolicyGz)}（${sc.worstUrls.join('、')}）` +
      `；对照：最大的省份范围 ${kb(sc.provinceGz)}，全部政策 ${kb(sc.allGz)}（${sc.allFiles} 个文件）`,
  });
}

/** The self-check's transfer at each size, its files from the builders: no site build. */
async function selfCheckOnly(sizes: readonly number[]): Promise<number> {
  header(`bench-scale --self-check：${sizes.join('、')} 份合成政策，自查各范围传输的数据（不构建网站）`);
  const r = new Reporter('bench-scale');
  for (const size of sizes) {
    const root = mkdtempSync(join(tmpdir(), `self-check-${size}-`));
    try {
      const dir = join(root, 'policies');
      const gen = generateSynthetic({ count: size, outDir: dir, seed: 1 });
      const corpus = loadCorpus(dir, root);
      addSelfCheck(r, size, await selfCheckScopeBytes(builderSource(corpus), gen.policies.map((p) => p.id)), '自查的构建函数（src/self-check/build/island.ts）直接生成');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }
  return r.finish();
}

async function main(): Promise<number> {
  const nationalRun = process.argv.includes('--national');
  const sizes = (argValue('--sizes') ?? (nationalRun ? '1000' : '20,200')).split(',').map(Number).filter((n) => n > 0).sort((a, b) => a - b);
  const sharded = (argValue('--sharded') ?? (nationalRun ? '2000' : '')).split(',').map(Number).filter((n) => n > 0).sort((a, b) => a - b);
  if (process.argv.includes('--self-check')) return selfCheckOnly(sizes);
  header(`bench-scale：${sizes.join('、')} 份合成政策的构建${sharded.length > 0 ? `，${sharded.join('、')} 份的分片构建` : ''}`);
  const r = new Reporter('bench-scale');
  const profile = process.argv.includes('--profile');
  const profileDir = profile ? mkdtempSync(join(tmpdir(), 'policy-bench-prof-')) : undefined;
  const results: SizeResult[] = [];
  try {
    for (const size of sizes) {
      const res = await buildSize(size, size === sizes[sizes.length - 1] ? profileDir : undefined);
      if (typeof res === 'string') {
        r.fail(res);
        continue;
      }
      results.push(res);
      const b = res.build;
      const phases = astroPhases(b.astro.log);
      const budget = size >= 200 ? '≤ 5 min' : '—';
      r.add({
        label: `${size} 份合成政策：完整构建时间`,
        value: fmtMs(b.totalMs),
        budget,
        met: size >= 200 ? b.totalMs <= LARGE_BUDGET_MS : null,
        note:
          `astro build ${fmtMs(b.astro.wallMs)}（类型生成 ${phases.types} s，收集 ${phases.collect} s，生成页面 ${phases.generate} s）` +
          (b.cpuMs === null ? '' : `；CPU 时间 ${fmtMs(b.cpuMs)}`) +
          `；${b.htmlPages} 个 HTML 页面`,
      });
      r.add({ label: `${size} 份合成政策：每页时间`, value: fmtMs(res.perPageMs), budget: '—', met: null, note: `完整构建时间 ÷ HTML 页面数${b.cpuMs === null ? '' : `；按 CPU 时间为 ${fmtMs(b.cpuMs / b.htmlPages)}`}` });
      const national = size >= NATIONAL;
      r.add({
        label: `${size} 份合成政策：峰值内存`,
        value: `${fmtMB(b.peakTreeRssBytes)}（进程树合计）`,
        budget: national ? '≤ 3 GB' : '—',
        met: national ? b.peakTreeRssBytes <= MEMORY_BUDGET_BYTES : null,
        ...(b.maxRssBytes === null ? {} : { note: `单进程峰值 ${fmtMB(b.maxRssBytes)}` }),
      });
      if (national) {
        r.add({ label: `${size} 份合成政策：完整构建时间（全国规模预算）`, value: fmtMs(b.totalMs), budget: '≤ 5 min', met: b.totalMs <= LARGE_BUDGET_MS, note: `2 核；${loadWarning() ?? '机器空闲'}` });
      }
      addSelfCheck(r, size, res.selfCheck, '构建产物');
      for (const line of memoryReport(res)) console.log(line);
    }
    for (const size of sharded) {
      const res = await buildSharded(size, Number(argValue('--per-step') ?? 5));
      if (typeof res === 'string') {
        r.fail(res);
        continue;
      }
      const national = size >= NATIONAL;
      r.add({
        label: `${size} 份合成政策：分片构建时间（${res.shards} 个分片 + site，依次构建并合并）`,
        value: fmtMs(res.wallMs),
        budget: '—',
        met: null,
        note: `${res.htmlPages} 个 HTML 页面，每页 ${fmtMs(res.wallMs / res.htmlPages)}` + (res.cpuMs === null ? '' : `；CPU ${fmtMs(res.cpuMs)}`) + `\n${res.steps.join('\n')}`,
      });
      r.add({
        label: `${size} 份合成政策：分片构建峰值内存`,
        value: `${fmtMB(res.peakTreeRssBytes)}（进程树合计）`,
        budget: national ? '≤ 3 GB' : '—',
        met: national ? res.peakTreeRssBytes <= MEMORY_BUDGET_BYTES : null,
        ...(res.maxRssBytes === null ? {} : { note: `单进程峰值 ${fmtMB(res.maxRssBytes)}` }),
      });
    }
    if (results.length >= 2) {
      const small = results[0]!;
      const large = results[results.length - 1]!;
      const ratio = large.perPageMs / small.perPageMs;
      const cpuRatio = large.build.cpuMs !== null && small.build.cpuMs !== null ? large.build.cpuMs / large.build.htmlPages / (small.build.cpuMs / small.build.htmlPages) : null;
      r.add({
        label: `每页时间之比（${large.size} 份 ÷ ${small.size} 份）`,
        value: `${ratio.toFixed(2)}×`,
        budget: `≤ ${RATIO_BUDGET}×`,
        met: ratio <= RATIO_BUDGET,
        note: `墙钟时间。${loadWarning() ?? ''}`,
      });
      if (cpuRatio !== null) {
        // CPU time is what the build itself spent; it does not grow when other work shares the CPUs,
        // so it is the better measure of growth on a busy machine.
        r.add({ label: `每页 CPU 时间之比（${large.size} 份 ÷ ${small.size} 份）`, value: `${cpuRatio.toFixed(2)}×`, budget: `≤ ${RATIO_BUDGET}×`, met: cpuRatio <= RATIO_BUDGET, note: 'astro build 进程树（含搜索索引）的 user+sys CPU 时间（/usr/bin/time），除以 HTML 页面数' });
      }
      console.log(`\n各路由的渲染时间（Astro 逐文件输出的 “+N ms” 求和；按 ${large.size} 份时的总耗时排序）：\n`);
      for (const line of routeTable(small, large)) console.log(line);
      const flagged = superlinear(small, large);
      console.log(
        flagged.length === 0
          ? `\n没有路由的耗时随语料超线性增长：每个实体一页的路由，每页耗时增长不超过 ${RATIO_BUDGET}×；汇总页（列出全部语料）的耗时增长不超过语料增长的 ${RATIO_BUDGET} 倍。`
          : `\n耗时随语料超线性增长之处（语料 ${(large.size / small.size).toFixed(0)} 倍）：\n` +
              flagged
                .map((f) =>
                  f.kind === 'per-file'
                    ? `  - ${f.route}：每个文件的耗时 ${f.ratio.toFixed(2)}×（每页的工作量随语料增长），占 ${large.size} 份时页面渲染总耗时的 ${(f.shareOfLarge * 100).toFixed(0)}%`
                    : `  - ${f.route}：单个汇总文件的耗时 ${f.ratio.toFixed(1)}×，快于语料的增长，占 ${(f.shareOfLarge * 100).toFixed(0)}%`,
                )
                .join('\n'),
      );
    }
    if (profileDir) {
      const file = largestProfile(profileDir);
      if (file) {
        const h = hotSpots(file);
        console.log(`\nCPU 剖析（${sizes[sizes.length - 1]} 份的 astro build，共 ${fmtMs(h.totalMs)}）`);
        console.log('自身耗时最多的函数：');
        for (const s of h.self) console.log(`  ${fmtMs(s.ms).padStart(9)}  ${s.name}`);
        console.log('本项目代码中自身耗时最多的函数：');
        for (const s of h.oursSelf) console.log(`  ${fmtMs(s.ms).padStart(9)}  ${s.name}`);
        console.log('本项目代码（含被调用者）耗时最多的函数：');
        for (const s of h.ours) console.log(`  ${fmtMs(s.ms).padStart(9)}  ${s.name}`);
      }
    }
  } finally {
    if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  }
  return r.finish();
}

process.exitCode = await main();
