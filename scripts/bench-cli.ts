/**
 * CLI benchmark: how fast a script can call the self-check.
 *
 * 1. Start-up: one call with a small profile (`node scripts/selfcheck.mjs small.json`, the bundled CLI
 *    behind `npm run selfcheck`, bundle already built), against `node -e 0` on the same machine. The two
 *    are run alternately, many times, and the medians compared (the machine is shared, so single runs
 *    are noisy). Budget: at most 10×.
 * 2. Throughput: a batch of 10,000 synthetic profiles (`--batch --brief`, JSON Lines: every direction's
 *    verdict, missing fields, support and each reason's fields and values, without the quoted texts),
 *    and 1,000 with the full output (quotes and working, ~300 KB a profile); output discarded;
 *    profiles per second printed (no budget).
 *
 * npm's own start-up (`npm run …` adds a few hundred ms) is not the CLI's and is not counted.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCorpusUnchecked } from '../src/data/load.ts';
import { buildCli } from './build-cli.mjs';
import { fmtMs, header, median, Reporter } from './bench/report.ts';
import { PROJECT } from './bench/site.ts';
import { syntheticProfiles } from './lib/synthetic-profiles.ts';

const RATIO_BUDGET = 10;
const RUNS = 21;
const BATCH = 10_000;
const FULL_BATCH = 1_000;
/** A fixed day for the round status, so every run does the same work. */
const TODAY = '2026-02-01';

const node = process.execPath;

function timed(args: readonly string[], stdout: 'ignore' | number = 'ignore'): number {
  const t0 = performance.now();
  const r = spawnSync(node, args, { cwd: PROJECT, stdio: ['ignore', stdout, 'pipe'], env: { ...process.env, POLICIES_DIR: '' } });
  const ms = performance.now() - t0;
  if (r.status !== 0 && r.status !== 2) throw new Error(`${args.join(' ')} 退出码 ${r.status}：${String(r.stderr).slice(0, 300)}`);
  return ms;
}

async function main(): Promise<number> {
  const rep = new Reporter('bench-cli');
  header('自查 CLI：启动时间与批量吞吐');
  const work = mkdtempSync(join(tmpdir(), 'policy-bench-cli-'));
  try {
    await buildCli();
    const small = join(work, 'small.json');
    writeFileSync(small, JSON.stringify({ province: '江苏', aboveScale: true, totalInvestmentWan: '1.2亿元', legalEntity: true }));
    const cli = ['scripts/selfcheck.mjs', small, '--today', TODAY];
    // Warm the file cache for both, then alternate so that load on the machine hits both alike.
    timed(['-e', '0']);
    timed(cli);
    const base: number[] = [];
    const call: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      base.push(timed(['-e', '0']));
      call.push(timed(cli));
    }
    const ratio = median(call) / median(base);
    rep.add({
      label: '一次调用（小档案，打包后的 CLI）相对 node -e 0',
      value: `${ratio.toFixed(1)}×（${fmtMs(median(call))} 对 ${fmtMs(median(base))}，各 ${RUNS} 次的中位数）`,
      budget: `≤ ${RATIO_BUDGET}×`,
      met: ratio <= RATIO_BUDGET,
      note: `node ${process.version}；不含 npm 自身的启动时间`,
    });

    const corpus = loadCorpusUnchecked(join(PROJECT, 'policies')).corpus;
    const profiles = syntheticProfiles(corpus.fields, BATCH);
    const batch = join(work, 'profiles.jsonl');
    writeFileSync(batch, profiles.map((p) => JSON.stringify(p)).join('\n') + '\n');
    const directions = corpus.policies.reduce((n, p) => n + p.directions.length, 0);
    const full = join(work, 'profiles-full.jsonl');
    writeFileSync(full, profiles.slice(0, FULL_BATCH).map((p) => JSON.stringify(p)).join('\n') + '\n');
    for (const [file, n, extra, what] of [
      [batch, BATCH, ['--brief'], '--batch --brief'],
      [full, FULL_BATCH, [], '--batch，完整输出含引文'],
    ] as const) {
      const sink = openSync(join(work, 'out.jsonl'), 'w');
      const ms = timed(['scripts/selfcheck.mjs', '--batch', file, '--today', TODAY, ...extra], sink);
      rep.add({
        label: `批量：${n.toLocaleString('en')} 个合成档案（${what}，每个对 ${directions} 个方向）`,
        value: `${fmtMs(ms)}，${Math.round((n / ms) * 1000).toLocaleString('en')} 个档案/秒`,
        budget: '—',
        met: null,
      });
    }
  } catch (e) {
    rep.fail(e instanceof Error ? e.message : String(e));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return rep.finish();
}

process.exitCode = await main();
