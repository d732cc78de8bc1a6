/**
 * Test-suite benchmark (issue 16): `npm test` from a fresh clone, as the README's second command runs it.
 *
 * Each run clones the committed HEAD of this checkout into a temporary folder (uncommitted changes are
 * not measured), runs `npm install` there, then `npm test`, and times both. The figure against the budget
 * is `npm test` alone (≤ 150 s on 2 cores); `npm install` is reported beside it, since it depends on the
 * network and npm's cache rather than on the project. The steps' own times come from `npm test`'s
 * output (“✓ unit（26.2 秒）”). Runs one after the other; the median is the figure.
 *
 * Usage: tsx scripts/bench-tests.ts [--runs 3]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fmtMs, header, loadWarning, median, Reporter } from './bench/report.ts';
import { PROJECT } from './bench/site.ts';
import { TEST_BUDGET_SECONDS } from './lib/test-budget.mjs';

const BUDGET_MS = TEST_BUDGET_SECONDS * 1000;

interface Timed {
  code: number;
  ms: number;
  output: string;
}

/** Runs a command to its end, keeping its output (printed only when it fails). */
function run(cmd: string, args: readonly string[], cwd: string): Promise<Timed> {
  const t0 = performance.now();
  // npm's own scripts pick the project's Node 24 (the devDependency `node`), as on a fresh machine.
  const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  const chunks: Buffer[] = [];
  child.stdout.on('data', (c: Buffer) => chunks.push(c));
  child.stderr.on('data', (c: Buffer) => chunks.push(c));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code: code ?? 1, ms: performance.now() - t0, output: Buffer.concat(chunks).toString() })));
}

/** The steps' times as `npm test` prints them: “✓ build（3.0 秒）”. */
function stepTimes(output: string): Array<[string, number]> {
  return [...output.matchAll(/^✓ (\w+)（([\d.]+) 秒）$/gm)].map((m) => [m[1]!, Number(m[2])]);
}

async function main(): Promise<number> {
  const runsArg = process.argv.indexOf('--runs');
  const runs = runsArg === -1 ? 1 : Math.max(1, Number(process.argv[runsArg + 1]) || 1);
  const rep = new Reporter('bench-tests');
  header('测试套件：从全新克隆运行 npm test');
  const warning = loadWarning();
  const tests: number[] = [];
  const installs: number[] = [];
  const steps: string[] = [];
  for (let i = 1; i <= runs; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'policy-bench-tests-'));
    try {
      const clone = await run('git', ['clone', '-q', PROJECT, dir], tmpdir());
      const install = clone.code === 0 ? await run('npm', ['install', '--no-audit', '--no-fund'], dir) : clone;
      const test = install.code === 0 ? await run('npm', ['test'], dir) : install;
      if (test.code !== 0) {
        rep.fail(`第 ${i} 次${clone.code !== 0 ? ' git clone' : install.code !== 0 ? ' npm install' : ' npm test'} 失败：\n${test.output.slice(-2000)}`);
        return rep.finish();
      }
      installs.push(install.ms);
      tests.push(test.ms);
      steps.push(stepTimes(test.output).map(([name, s]) => `${name} ${s.toFixed(0)}`).join('、'));
      console.log(`  第 ${i} 次：npm test ${fmtMs(test.ms)}，npm install ${fmtMs(install.ms)}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const figure = median(tests);
  rep.add({
    label: `npm test，全新克隆（${runs} 次的中位数）`,
    value: fmtMs(figure),
    budget: `≤ ${BUDGET_MS / 1000} s`,
    met: figure <= BUDGET_MS,
    note: [`每次：${tests.map(fmtMs).join('、')}；npm install 另计 ${installs.map(fmtMs).join('、')}`, `各步骤（秒，两组并行，见 scripts/test-all.mjs）：${steps.join('；')}`, ...(warning ? [warning] : [])].join('\n'),
  });
  return rep.finish();
}

process.exitCode = await main();
