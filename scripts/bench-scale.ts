/**
 * Scale benchmark: full builds (astro build, search index included) of 20 and of 200 synthetic policies, to check
 * that build time grows linearly with the corpus: the time per page at 200 may be at most 1.5× the time
 * per page at 20, and the 200-policy build must finish within 5 minutes.
 *
 * Each size builds in its own temporary copy of the project, with POLICIES_DIR pointing at the synthetic
 * folder and a minimal overview MDX per policy (the policy page requires one), so the real content/ and
 * dist/ are never touched. Astro prints each generated file with its render time; those lines are summed
 * per route, so a route whose time per file grows with the corpus (something re-read or re-computed per
 * page) is named.
 *
 * Usage: tsx scripts/bench-scale.ts [--sizes 20,200] [--profile]
 *   --profile: also record a V8 CPU profile of the largest build and list where its time went.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSynthetic, writeOverviews } from './gen-synthetic.ts';
import { hotSpots, largestProfile } from './bench/cpuprof.ts';
import { fmtMB, fmtMs, header, loadWarning, Reporter } from './bench/report.ts';
import { astroPhases, buildSite, copyProject, routeTimings, type BuildResult, type RouteTiming } from './bench/site.ts';

const LARGE_BUDGET_MS = 5 * 60_000;
const RATIO_BUDGET = 1.5;

interface SizeResult {
  size: number;
  directions: number;
  build: BuildResult;
  routes: RouteTiming[];
  perPageMs: number;
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
      ...(profileDir ? { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] } : {}),
    });
    if (!build.ok) return `${size} 份合成政策构建失败：${build.failure ?? ''}`;
    return { size, directions, build, routes: routeTimings(build.astro.log), perPageMs: build.totalMs / build.htmlPages };
  } finally {
    copy.dispose();
  }
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

async function main(): Promise<number> {
  header('bench-scale：20 与 200 份合成政策的构建');
  const r = new Reporter('bench-scale');
  const sizes = (argValue('--sizes') ?? '20,200').split(',').map(Number).filter((n) => n > 0).sort((a, b) => a - b);
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
      r.add({ label: `${size} 份合成政策：峰值内存`, value: `${fmtMB(b.peakTreeRssBytes)}（进程树合计）`, budget: '—', met: null, ...(b.maxRssBytes === null ? {} : { note: `单进程峰值 ${fmtMB(b.maxRssBytes)}` }) });
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
