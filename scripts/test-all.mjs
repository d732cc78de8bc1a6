#!/usr/bin/env node
/**
 * `npm test`: every check. Stops at the first failing step and says which one failed.
 *   types        astro check (strict TypeScript, .astro files included)
 *   data         schemas, references, and every citation found in its source
 *   unit         Vitest: engine, data checks, malformed-data messages, charts
 *   build        astro build (the search index is one of its endpoints)
 *   dist         Vitest over the built HTML, no browser: html-validate, links and anchors, CSP, other hosts
 *   browser      Vitest + playwright-core in the system Chromium against the built site
 *   shards       the sharded build (two shards of the real corpus, merged) equals the single build
 *                of `build` file for file, so it passes the dist and browser steps too
 *
 * The steps run in two stages of lanes: the lanes of a stage run side by side, the steps of a lane one
 * after the other. A lane's output is printed whole when its step ends, so two steps never interleave.
 * `npm test -- unit build` runs only the steps named.
 */
import { spawn } from 'node:child_process';
import { TEST_BUDGET_SECONDS } from './lib/test-budget.mjs';

const env = { ...process.env, TZ: 'Asia/Shanghai', ASTRO_TELEMETRY_DISABLED: '1' };
const vitest = (project) => ['vitest', ['run', '--config', 'tests/vitest.config.ts', '--project', project]];
const STEPS = {
  types: ['astro', ['check', '--minimumSeverity', 'warning']],
  data: ['tsx', ['scripts/check-data.ts']],
  unit: vitest('unit'),
  build: ['npm', ['run', 'build']],
  dist: vitest('dist'),
  browser: vitest('browser'),
  shards: ['tsx', ['scripts/build-shards.ts', 'test']],
};
/**
 * Stages in order; each is a list of lanes (steps run in turn). The build comes first: the browser step
 * needs it and keeps the two cores about 85 % busy on its own, so every other step runs beside it.
 */
const STAGES = [
  [['build']],
  [['browser'], ['data', 'types', 'unit', 'dist', 'shards']],
];

const only = process.argv.slice(2);
const unknown = only.filter((s) => !(s in STEPS));
if (unknown.length > 0) {
  console.error(`没有步骤 “${unknown.join('、')}”：应为 ${Object.keys(STEPS).join('、')} 中的一个或多个。`);
  process.exit(2);
}
const wanted = (name) => only.length === 0 || only.includes(name);
const running = new Set();
let stopping = false;

/** Runs one step; with `buffer`, holds its output until it ends. Resolves to its exit code. */
function runStep(name, buffer) {
  const [cmd, args] = STEPS[name];
  const header = `\n━━ ${name} ━━ ${cmd} ${args.join(' ')}`;
  if (!buffer) console.log(header);
  const started = Date.now();
  const child = spawn(cmd, args, { stdio: buffer ? ['ignore', 'pipe', 'pipe'] : 'inherit', env, detached: buffer });
  running.add(child);
  const chunks = [];
  child.stdout?.on('data', (c) => chunks.push(c));
  child.stderr?.on('data', (c) => chunks.push(c));
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      running.delete(child);
      if (buffer) process.stdout.write(`${header}\n${Buffer.concat(chunks).toString()}`);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      if (code === 0) console.log(`✓ ${name}（${seconds} 秒）`);
      else if (!stopping) console.error(`\n✗ 步骤 “${name}” 失败（退出码 ${code ?? signal}，${seconds} 秒）。`);
      else console.log(`… ${name} 已停止（另一步骤失败）`);
      resolve(code ?? 1);
    });
  });
}

/** On a failure, the other lanes of the stage are stopped: their result no longer matters. */
function stopOthers() {
  stopping = true;
  for (const child of running) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      child.kill('SIGTERM');
    }
  }
}

// Buffered steps run in process groups of their own (so a stop reaches Chromium too); Ctrl-C must reach them.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopOthers();
    process.exit(130);
  });
}

const started = Date.now();
for (const stage of STAGES) {
  const lanes = stage.map((lane) => lane.filter(wanted)).filter((lane) => lane.length > 0);
  if (lanes.length === 0) continue;
  const buffer = lanes.length > 1;
  if (buffer) console.log(`\n━━ 同时运行：${lanes.map((l) => l.join(' → ')).join(' ‖ ')}（各步骤结束时打印其输出）`);
  const codes = await Promise.all(
    lanes.map(async (lane) => {
      for (const name of lane) {
        if (stopping) return 1;
        const code = await runStep(name, buffer);
        if (code !== 0) {
          if (!stopping) stopOthers();
          return code;
        }
      }
      return 0;
    }),
  );
  const failed = codes.find((c) => c !== 0);
  if (failed !== undefined) process.exit(failed || 1);
}
// The budget is for the whole command from a fresh clone, so only a full run is held against it.
const seconds = Math.round((Date.now() - started) / 1000);
console.log(`\n全部测试通过，用时 ${seconds} 秒${only.length === 0 ? `（预算 ≤ ${TEST_BUDGET_SECONDS} 秒：${seconds <= TEST_BUDGET_SECONDS ? '达标' : '超出'}）` : ''}。`);
