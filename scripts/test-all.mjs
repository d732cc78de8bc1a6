#!/usr/bin/env node
/**
 * `npm test`: every check, in the order that makes failures easiest to read. Stops at the first
 * failing step and says which one failed.
 *   1. types        astro check (strict TypeScript, .astro files included)
 *   2. data         schemas, references, and every citation found in its source
 *   3. unit         Vitest: engine, data checks, malformed-data messages, charts
 *   4. build        astro build (the search index is one of its endpoints)
 *   5. dist         Vitest over the built HTML, no browser: html-validate, links and anchors, CSP, other hosts
 *   6. browser      Vitest + playwright-core in the system Chromium against the built site
 *   7. shards       the sharded build (two shards of the real corpus, merged) equals the single build
 *                   of step 4 file for file, so it passes the dist and browser steps too
 */
import { spawnSync } from 'node:child_process';

const env = { ...process.env, TZ: 'Asia/Shanghai', ASTRO_TELEMETRY_DISABLED: '1' };
const steps = [
  ['types', 'astro', ['check', '--minimumSeverity', 'warning']],
  ['data', 'tsx', ['scripts/check-data.ts']],
  ['unit', 'vitest', ['run', '--config', 'tests/vitest.config.ts', '--project', 'unit']],
  ['build', 'npm', ['run', 'build']],
  ['dist', 'vitest', ['run', '--config', 'tests/vitest.config.ts', '--project', 'dist']],
  ['browser', 'vitest', ['run', '--config', 'tests/vitest.config.ts', '--project', 'browser']],
  ['shards', 'tsx', ['scripts/build-shards.ts', 'test']],
];
const only = process.argv.slice(2);
const started = Date.now();
for (const [name, cmd, args] of steps) {
  if (only.length > 0 && !only.includes(name)) continue;
  console.log(`\n━━ ${name} ━━ ${cmd} ${args.join(' ')}`);
  const t = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (r.status !== 0) {
    console.error(`\n✗ 步骤 “${name}” 失败（退出码 ${r.status ?? r.signal}）。`);
    process.exit(r.status || 1);
  }
  console.log(`✓ ${name}（${((Date.now() - t) / 1000).toFixed(1)} 秒）`);
}
console.log(`\n全部测试通过，用时 ${((Date.now() - started) / 1000).toFixed(0)} 秒。`);
