/**
 * The sharded build: the site built in parts, on one machine one after the other, or on a CI matrix of
 * several machines, then merged into one folder identical in shape to `npm run build`'s dist/.
 *
 * The partition is the shard plan of src/lib/shards.ts (provinces packed into shards of at most
 * SHARD_MAX_POLICIES policies, 100 by default). A build step may cover several shards: every step reads
 * and checks the whole corpus and bundles the site once, which a step per shard repeats. Each step is an
 * ordinary `astro build` with SITE_SHARD set:
 * - `shard <id>[,<id>…]`: those shards' pages (its policies, directions, checklists, source texts, per-policy
 *   timelines, open data and exports, and the people its policies list first);
 * - `site`: the cross-policy pages (home, directions, compare, contacts, timeline, exports, self-check
 *   and its data, open data, search and its index), built from the data alone;
 * - `merge`: copies the step folders into one site, refusing two different files at one path, and
 *   checks that `site` and every shard of the plan are there once (same plan, same SHARD_MAX_POLICIES).
 *
 * Usage:
 *   tsx scripts/build-shards.ts plan [--per-step K] [--with-site]   the build steps as JSON (a CI matrix):
 *                                                         K shards a step (default 1), then `site`
 *   tsx scripts/build-shards.ts shard <id[,id…]> [--out DIR]   one step: shards, or `site` (default DIR:
 *                                                         shards/<ids joined by +>)
 *   tsx scripts/build-shards.ts site [--out DIR]          the cross-policy step (default shards/site)
 *   tsx scripts/build-shards.ts merge [--from DIR] [--out DIR]   every step folder in shards/ → dist (default)
 *   tsx scripts/build-shards.ts all [--per-step K] [--out DIR]   every step here, one after the other, then merge
 *   tsx scripts/build-shards.ts test [--all]              the real corpus in two shards, merged, then
 *                                                         compared file for file with dist/ (the single
 *                                                         build npm test has just tested); without dist/,
 *                                                         or with --all, the dist, gate and search tests
 *                                                         (--all: page, contact, compare too) run on it
 * Environment: POLICIES_DIR and SHARD_MAX_POLICIES, as for the build.
 */
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { policyIndex } from '../src/data/load.ts';
import { maxPoliciesPerShard, shardPlan, type Shard } from '../src/lib/shards.ts';
import { compareBuilds } from './lib/compare-builds.ts';

const PROJECT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const MANIFEST = 'shard.json';

interface Manifest {
  /** `site`, or the shard ids the step built, comma-separated. */
  step: string;
  shards: string[];
  maxPolicies: number;
  policies: string[];
}

/** A step's folder name: its shard ids joined by `+` (commas are awkward in paths and artefact names). */
const folderOf = (step: string) => step.split(',').join('+');

/** The build steps: consecutive shards `perStep` at a time, then `site`. */
function steps(perStep: number): string[] {
  const ids = plan().map((s) => s.id);
  const out: string[] = [];
  for (let i = 0; i < ids.length; i += perStep) out.push(ids.slice(i, i + perStep).join(','));
  return out;
}

function perStepArg(): number {
  const n = Number(arg('--per-step', '1'));
  if (!Number.isInteger(n) || n < 1) throw new Error(`--per-step：应为正整数；实际为 “${arg('--per-step', '')}”`);
  return n;
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : process.argv[i + 1]!;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((ok, fail) => {
    const child = spawn(command, args, { cwd: PROJECT, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env }, stdio: 'inherit' });
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? ok() : fail(new Error(`${relative(PROJECT, args[0] ?? command)} 退出码 ${code}`))));
  });
}

/**
 * The shard plan, from the policy.yaml files alone: this process only runs the steps, and holding the
 * whole corpus here (700 MB at 2,000 policies) would add to every step's memory.
 */
const plan = (): Shard[] => shardPlan(policyIndex(resolve(process.env.POLICIES_DIR ?? 'policies')));

/** One step: `astro build` of its scope (`site`, or shard ids with commas) into `out`. */
async function buildStep(step: string, out: string): Promise<void> {
  const shards = plan();
  const ids = step === 'site' ? [] : step.split(',');
  const unknown = ids.filter((id) => !shards.some((s) => s.id === id));
  if (unknown.length > 0) throw new Error(`没有分片 “${unknown.join('、')}”：应为 site 或 ${shards.map((s) => s.id).join('、')} 中的一个或多个（以逗号分隔）`);
  const started = performance.now();
  console.log(`\n== ${step} → ${relative(PROJECT, out) || out}`);
  const env = { SITE_SHARD: step };
  await run(process.execPath, [join(PROJECT, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', out], env);
  const policies = shards.filter((s) => ids.includes(s.id)).flatMap((s) => s.policies);
  const manifest: Manifest = { step, shards: ids, maxPolicies: maxPoliciesPerShard(), policies };
  writeFileSync(join(out, MANIFEST), JSON.stringify(manifest, null, 2));
  console.log(`== ${step}：${((performance.now() - started) / 1000).toFixed(1)} s`);
}

function sameFile(a: string, b: string): boolean {
  return statSync(a).size === statSync(b).size && readFileSync(a).equals(readFileSync(b));
}

/**
 * Moves (or copies) every file of `from` into `to`. The steps share only what every build writes the
 * same (public/ files, hashed _astro/ assets); two different files at one path mean the steps were built
 * from different sources, and the merge stops.
 */
function mergeInto(from: string, to: string, move: boolean, clashes: string[], root = true): number {
  let n = 0;
  for (const e of readdirSync(from, { withFileTypes: true })) {
    const src = join(from, e.name);
    const dst = join(to, e.name);
    if (e.isDirectory()) {
      if (!existsSync(dst) && move) {
        renameSync(src, dst);
        n++;
        continue;
      }
      mkdirSync(dst, { recursive: true });
      n += mergeInto(src, dst, move, clashes, false);
    } else if (!(root && e.name === MANIFEST)) {
      if (existsSync(dst)) {
        if (!sameFile(src, dst)) clashes.push(dst);
        continue;
      }
      if (move) renameSync(src, dst);
      else cpSync(src, dst);
      n++;
    }
  }
  return n;
}

/**
 * Merges every step folder under `fromDir` into `out`, after checking that together they are exactly
 * the current plan: `site` once, every shard once, each built for this plan.
 */
function merge(fromDir: string, out: string, move: boolean): void {
  const shards = plan();
  const problems: string[] = [];
  const folders = existsSync(fromDir) ? readdirSync(fromDir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort() : [];
  const builtBy = new Map<string, string>();
  let site = 0;
  for (const folder of folders) {
    const manifestPath = join(fromDir, folder, MANIFEST);
    if (!existsSync(manifestPath)) {
      problems.push(`${relative(PROJECT, join(fromDir, folder))}：应为某个步骤的输出（含 ${MANIFEST}）；实际没有 ${MANIFEST}`);
      continue;
    }
    const m = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
    if (m.step === 'site') site++;
    const expected = shards.filter((s) => m.shards.includes(s.id)).flatMap((s) => s.policies);
    if (m.maxPolicies !== maxPoliciesPerShard() || m.policies.join(',') !== expected.join(',')) {
      problems.push(`${relative(PROJECT, manifestPath)}：应按当前分片方案（每片至多 ${maxPoliciesPerShard()} 份政策）构建；实际按另一方案（每片至多 ${m.maxPolicies} 份，${m.policies.length} 份政策）`);
    }
    for (const id of m.shards) {
      if (builtBy.has(id)) problems.push(`分片 ${id}：应只由一个步骤构建；实际由 ${builtBy.get(id)} 和 ${folder} 两个步骤构建`);
      builtBy.set(id, folder);
    }
  }
  if (site !== 1) problems.push(`site 步骤：应恰有一个；实际为 ${site} 个`);
  for (const s of shards) if (!builtBy.has(s.id)) problems.push(`分片 ${s.id}：应有构建结果；实际为（缺失）`);
  if (problems.length > 0) throw new Error(`无法合并 ${relative(PROJECT, fromDir) || fromDir}：\n${problems.join('\n')}`);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const clashes: string[] = [];
  for (const folder of folders) mergeInto(join(fromDir, folder), out, move, clashes);
  if (clashes.length > 0) throw new Error(`合并冲突：以下文件在不同步骤中内容不同（应由同一份源码构建）：\n${clashes.slice(0, 20).map((c) => relative(out, c).split(sep).join('/')).join('\n')}`);
  console.log(`合并完成：${folders.length} 个步骤（site + ${shards.length} 个分片）→ ${relative(PROJECT, out) || out}`);
}

/**
 * The tests a merged build must pass exactly as a single one does: the dist checks (html-validate, every
 * link and anchor, CSP, other hosts), the gates (axe, console, 360 px, print on every page kind) and
 * search (recall, ranking, the ?q= page with filters). `test --all` adds the page, contact and
 * comparison tests.
 */
const MERGED_TESTS = ['gates', 'search'];
const MORE_MERGED_TESTS = ['pages', 'contacts', 'compare'];

/** The single build `npm test` checked just before this step (DIST_DIR or dist/), when there is one. */
function referenceBuild(): string | undefined {
  const dir = resolve(process.env.DIST_DIR ?? join(PROJECT, 'dist'));
  return existsSync(join(dir, 'index.html')) ? dir : undefined;
}

/**
 * Builds the real corpus as two shards (Jiangsu | Shanxi: at most 4 policies a shard), one after the
 * other, and merges them. When a single build of the same source is at hand (`npm test` has just built
 * dist/ and passed its dist and browser steps on it), the merged site must equal it file for file: then
 * it passes every one of those tests, not only the gate and search subset, without serving them twice.
 * Without one, or with `--all`, the tests run against the merged folder itself (DIST_DIR).
 */
async function testMerged(): Promise<number> {
  process.env.SHARD_MAX_POLICIES ??= '4';
  const shards = plan();
  if (shards.length < 2) throw new Error(`分片测试需要至少两个分片；SHARD_MAX_POLICIES=${process.env.SHARD_MAX_POLICIES} 只得到 ${shards.length} 个`);
  const out = mkdtempSync(join(tmpdir(), 'policy-shards-merged-'));
  const work = join(out, '.steps');
  const single = process.argv.includes('--all') ? undefined : referenceBuild();
  try {
    for (const step of steps(1)) await buildStep(step, join(work, folderOf(step)));
    await buildStep('site', join(work, 'site'));
    merge(work, join(out, 'site'), true);
    if (single) {
      const differences = compareBuilds(single, join(out, 'site'));
      if (differences.length > 0) {
        const label = { 'only-in-first': '只在单次构建中', 'only-in-second': '只在合并结果中', content: '内容不同' } as const;
        throw new Error(`分片合并结果应与单次构建（${relative(PROJECT, single) || single}）逐文件相同；实际有 ${differences.length} 处不同（若 dist/ 不是由当前源码构建，请先 npm run build）：\n${differences.slice(0, 20).map((d) => `${d.path}：${label[d.kind]}`).join('\n')}`);
      }
      console.log(`分片构建（${shards.length} 个分片 + site，合并）与单次构建 ${relative(PROJECT, single) || single} 逐文件相同（iCalendar 的 DTSTAMP 与 xlsx 的打包时间除外），故通过其 dist 与浏览器测试`);
      return 0;
    }
    const tests = [...MERGED_TESTS, ...(process.argv.includes('--all') ? MORE_MERGED_TESTS : [])].map((t) => `tests/browser/${t}.test.ts`);
    const vitest = [join(PROJECT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--config', 'tests/vitest.config.ts'];
    // The checks that read the built HTML without a browser (links and anchors, html-validate, CSP).
    if (existsSync(join(PROJECT, 'tests', 'dist'))) await run(process.execPath, [...vitest, '--project', 'dist'], { DIST_DIR: join(out, 'site') });
    await run(process.execPath, [...vitest, '--project', 'browser', ...tests], { DIST_DIR: join(out, 'site') });
    console.log(`分片构建（${shards.length} 个分片 + site，合并）通过浏览器测试：${tests.join('、')}`);
    return 0;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  const [command, id] = process.argv.slice(2);
  switch (command) {
    case 'plan':
      console.log(JSON.stringify([...steps(perStepArg()), ...(process.argv.includes('--with-site') ? ['site'] : [])]));
      return 0;
    case 'shard':
      if (!id || id.startsWith('--')) throw new Error('用法：build-shards.ts shard <分片 id[,分片 id…] | site>（见 build-shards.ts plan）');
      await buildStep(id, resolve(arg('--out', join('shards', folderOf(id)))));
      return 0;
    case 'site':
      await buildStep('site', resolve(arg('--out', join('shards', 'site'))));
      return 0;
    case 'merge':
      merge(resolve(arg('--from', 'shards')), resolve(arg('--out', 'dist')), false);
      return 0;
    case 'all': {
      const started = performance.now();
      const work = resolve(arg('--work', 'shards'));
      rmSync(work, { recursive: true, force: true });
      const all = steps(perStepArg());
      console.log(`分片方案：${plan().length} 个分片（每片至多 ${maxPoliciesPerShard()} 份政策），${all.length} 个构建步骤 + site`);
      for (const step of all) await buildStep(step, join(work, folderOf(step)));
      await buildStep('site', join(work, 'site'));
      merge(work, resolve(arg('--out', 'dist')), true);
      rmSync(work, { recursive: true, force: true });
      console.log(`分片构建共 ${((performance.now() - started) / 1000).toFixed(1)} s`);
      return 0;
    }
    case 'test':
      return testMerged();
    default:
      console.error('用法：build-shards.ts plan | shard <id> | site | merge | all（见文件开头的说明）');
      return 2;
  }
}

try {
  process.exitCode = await main();
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
}
