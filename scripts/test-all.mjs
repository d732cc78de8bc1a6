#!/usr/bin/env node
/**
 * `npm test`: every check, in the order that makes failures easiest to read. Stops after the first
 * stage with a failing step and says which step failed.
 *
 * Stages run one after another; the steps inside a stage run at the same time, because they do not
 * depend on each other and mostly use one core each (a 2-core machine finishes them in less time than in
 * a row). Each step's output is printed as a block when it ends, so logs never interleave.
 *   stage 1  types    astro check (strict TypeScript, .astro files included)
 *            data     schemas, references, and every citation found in its source
 *            unit     Vitest: engine, data checks, malformed-data messages, charts
 *   stage 2  build    astro build + Pagefind index
 *   stage 3  dist     Vitest over the built HTML, no browser: html-validate, links and anchors, CSP, other hosts
 *            browser  Vitest + playwright-core in the system Chromium against the built site
 *
 * `node scripts/test-all.mjs unit browser` runs only the named steps (in their stages).
 */
import { spawn } from 'node:child_process';

const env = { ...process.env, TZ: 'Asia/Shanghai', ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: process.stdout.isTTY ? '1' : '0' };
const vitest = (project) => ['vitest', ['run', '--config', 'tests/vitest.config.ts', '--project', project]];
const stages = [
  [
    ['types', 'astro', ['check', '--minimumSeverity', 'warning']],
    ['data', 'tsx', ['scripts/check-data.ts']],
    ['unit', ...vitest('unit')],
  ],
  [['build', 'npm', ['run', 'build']]],
  [
    ['dist', ...vitest('dist')],
    ['browser', ...vitest('browser')],
  ],
];

/** Runs one step, its output kept for printing as one block. Resolves with its status and time. */
function run([name, cmd, args]) {
  return new Promise((resolve) => {
    const t = Date.now();
    const chunks = [];
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (c) => chunks.push(c));
    child.stderr.on('data', (c) => chunks.push(c));
    child.on('error', (e) => chunks.push(Buffer.from(String(e))));
    child.on('close', (code, signal) => resolve({ name, cmd, args, status: code ?? signal ?? 1, seconds: (Date.now() - t) / 1000, output: Buffer.concat(chunks).toString() }));
  });
}

const only = process.argv.slice(2);
const started = Date.now();
for (const stage of stages) {
  const steps = stage.filter(([name]) => only.length === 0 || only.includes(name));
  if (steps.length === 0) continue;
  const results = await Promise.all(steps.map(run));
  for (const r of results) {
    console.log(`\n━━ ${r.name} ━━ ${r.cmd} ${r.args.join(' ')}`);
    process.stdout.write(r.output);
    console.log(r.status === 0 ? `✓ ${r.name}（${r.seconds.toFixed(1)} 秒）` : `✗ ${r.name}（退出码 ${r.status}，${r.seconds.toFixed(1)} 秒）`);
  }
  const failed = results.filter((r) => r.status !== 0);
  if (failed.length > 0) {
    console.error(`\n✗ 步骤 ${failed.map((r) => `“${r.name}”`).join('、')} 失败。`);
    process.exit(typeof failed[0].status === 'number' && failed[0].status > 0 ? failed[0].status : 1);
  }
}
console.log(`\n全部测试通过，用时 ${((Date.now() - started) / 1000).toFixed(0)} 秒。`);
