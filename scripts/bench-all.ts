/**
 * Every benchmark in sequence, then one summary table (markdown) of each figure, its budget and whether
 * it was met. Budgets that are missed print 超出预算 and do not fail the run: timings depend on the
 * machine. The exit status is 1 only when a measurement could not be made (a build failed…).
 *
 * Order: the real build first (its dist is handed to the search benchmark and Lighthouse, so the site is
 * built once), then search, Lighthouse, the engine, the CLI, the self-check's question burden, the
 * authoring assistant, and the scale builds (the longest) last.
 *
 * Usage: tsx scripts/bench-all.ts [--only build,search,lighthouse,engine,cli,burden,authoring,tests,scale]
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fmtMs, machineLine, nproc, shanghaiNow, verdictText, type ScriptReport } from './bench/report.ts';
import { PROJECT } from './bench/site.ts';

interface Step {
  key: string;
  script: string;
  title: string;
}

const STEPS: readonly Step[] = [
  { key: 'build', script: 'scripts/bench-build.ts', title: '真实语料构建' },
  { key: 'search', script: 'scripts/bench-search.ts', title: '搜索' },
  { key: 'lighthouse', script: 'scripts/bench-lighthouse.ts', title: 'Lighthouse' },
  { key: 'engine', script: 'scripts/bench-engine.ts', title: '自查引擎' },
  { key: 'cli', script: 'scripts/bench-cli.ts', title: '自查 CLI' },
  { key: 'burden', script: 'scripts/bench-burden.ts', title: '自查问题负担' },
  { key: 'authoring', script: 'scripts/bench-authoring.ts', title: '起草助手' },
  { key: 'tests', script: 'scripts/bench-tests.ts', title: '测试套件（全新克隆）' },
  { key: 'scale', script: 'scripts/bench-scale.ts', title: '规模（20 / 200 份合成政策）' },
];

function run(script: string, env: NodeJS.ProcessEnv): Promise<number> {
  const tsx = realpathSync(join(PROJECT, 'node_modules', '.bin', 'tsx'));
  const child = spawn(process.execPath, [tsx, script], { cwd: PROJECT, env, stdio: 'inherit' });
  return new Promise((ok) => child.on('close', (code) => ok(code ?? 1)));
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

async function main(): Promise<number> {
  const started = performance.now();
  const startLine = machineLine();
  const onlyArg = process.argv.indexOf('--only');
  const only = onlyArg === -1 ? undefined : new Set((process.argv[onlyArg + 1] ?? '').split(','));
  const steps = STEPS.filter((s) => !only || only.has(s.key));
  const work = mkdtempSync(join(tmpdir(), 'policy-bench-all-'));
  const site = join(work, 'site');
  const reports: Array<{ step: Step; report: ScriptReport | undefined; code: number }> = [];
  console.log(`基准测试（${steps.map((s) => s.title).join('、')}）\n${startLine}`);
  try {
    for (const step of steps) {
      const json = join(work, `${step.key}.json`);
      const env: NodeJS.ProcessEnv = { ...process.env, BENCH_JSON: json };
      if (step.key === 'build') env.BENCH_KEEP_SITE = site;
      if ((step.key === 'lighthouse' || step.key === 'search') && existsSync(join(site, 'index.html'))) env.BENCH_DIST = site;
      const code = await run(step.script, env);
      const report = existsSync(json) ? (JSON.parse(readFileSync(json, 'utf8')) as ScriptReport) : undefined;
      reports.push({ step, report, code });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }

  const lines = [
    `## 基准测试结果`,
    '',
    `日期：${shanghaiNow()}（Asia/Shanghai）；\`nproc\`：${nproc()} 核；总耗时 ${fmtMs(performance.now() - started)}`,
    `开始时 ${startLine}`,
    `结束时 ${machineLine()}`,
    '',
    '| 指标 | 数值 | 预算 | 达标 |',
    '|---|---|---|---|',
  ];
  let failures = 0;
  let over = 0;
  for (const { step, report, code } of reports) {
    if (!report) {
      failures++;
      lines.push(`| ${cell(step.title)} | 未产生结果（退出码 ${code}） | — | 测量失败 |`);
      continue;
    }
    for (const f of report.figures) {
      if (f.met === false) over++;
      lines.push(`| ${cell(f.label)} | ${cell(f.value)} | ${cell(f.budget)} | ${verdictText(f.met)} |`);
    }
    if (report.error) {
      failures++;
      lines.push(`| ${cell(step.title)} | 测量失败：${cell(report.error.split('\n')[0] ?? '')} | — | 测量失败 |`);
    }
  }
  lines.push('', over === 0 ? '所有有预算的指标均在预算内。' : `${over} 项超出预算（见“达标”列）。`);
  if (failures > 0) lines.push(`${failures} 项测量失败（见上方输出）。`);
  console.log('\n' + lines.join('\n'));
  return failures > 0 ? 1 : 0;
}

process.exitCode = await main();
