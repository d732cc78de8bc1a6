/**
 * Builds the Pagefind search index of a built site, one bundle per shard (see src/lib/shards.ts).
 *
 * Pagefind keeps every page it reads in memory until it writes the index (about 20× the HTML), so one
 * index of the whole corpus grows with it: 2.6 GB for 200 synthetic policies. Here each shard's pages
 * are indexed by their own Pagefind process (its CLI, on a staging folder of hard links to exactly those
 * pages), which exits before the next starts, so the peak is that of the largest shard, whatever the
 * corpus. The search page merges the bundles in the browser
 * (Pagefind's `mergeIndex`), so the search itself is unchanged.
 *
 * - A build of everything (SITE_SHARD unset): cross-policy pages go to `/pagefind/`, each shard's pages
 *   to `/pagefind-parts/<shard>/`. A corpus that fits one shard keeps a single index at `/pagefind/`.
 * - `SITE_SHARD=<shard>[,<shard>…]`: each page of the folder goes to its shard's `/pagefind-parts/<shard>/`.
 * - `SITE_SHARD=site`: every page of the folder goes to `/pagefind/`.
 *
 * Usage: tsx scripts/search-index.ts [--site dist]
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { currentScope, searchPartUrl, searchParts, shardOfPath } from '../src/lib/shards.ts';

/** Pagefind's CLI (the JavaScript launcher of its binary), run with this very Node. */
const PAGEFIND = realpathSync(join(dirname(new URL(import.meta.url).pathname), '..', 'node_modules', '.bin', 'pagefind'));

interface Group {
  /** Output folder, relative to the site. */
  out: string;
  files: string[];
}

function htmlFiles(site: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'pagefind' && e.name !== 'pagefind-parts') walk(p);
      } else if (e.name.endsWith('.html')) out.push(relative(site, p).split(sep).join('/'));
    }
  };
  walk(site);
  return out.sort();
}

/** Which files go into which bundle, for the scope of this build. */
function groups(site: string): Group[] {
  const { map, scope } = currentScope();
  const files = htmlFiles(site);
  const main = 'pagefind';
  if (scope.kind === 'site') return [{ out: main, files }];
  if (scope.kind === 'all' && searchParts(map, scope).length === 0) return [{ out: main, files }];
  const shards = scope.kind === 'shards' ? scope.shards : map.plan;
  const byShard = new Map<string, string[]>([...(scope.kind === 'all' ? [['site', []] as [string, string[]]] : []), ...shards.map((s) => [s.id, []] as [string, string[]])]);
  for (const f of files) {
    const owner = shardOfPath(map, '/' + f);
    const list = byShard.get(owner);
    if (!list) throw new Error(`${f}：应属于本次构建的分片（${[...byShard.keys()].join('、')}）；实际属于 ${owner}`);
    list.push(f);
  }
  return [...byShard].map(([id, list]) => ({ out: id === 'site' ? main : searchPartUrl(id).slice(1, -1), files: list }));
}

/** Peak resident memory (VmHWM, bytes) of the Pagefind processes under `root`, from /proc; null without it. */
function pagefindPeakBytes(root: number): number | null {
  if (!existsSync('/proc')) return null;
  const parent = new Map<number, number>();
  const peaks = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const status = readFileSync(`/proc/${name}/status`, 'utf8');
      parent.set(Number(name), Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]));
      const kb = Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? NaN);
      if (/^Name:\s+pagefind/m.test(status) && Number.isFinite(kb)) peaks.set(Number(name), kb * 1024);
    } catch {
      // the process ended while we looked
    }
  }
  let peak: number | null = null;
  for (const [pid, bytes] of peaks) {
    for (let p: number | undefined = pid; p !== undefined && p > 1; p = parent.get(p)) {
      if (p === root) {
        peak = Math.max(peak ?? 0, bytes);
        break;
      }
    }
  }
  return peak;
}

/**
 * The files of a bundle, as hard links under a staging folder with the same relative paths, so that
 * Pagefind's own CLI (which reads a folder, in parallel) indexes exactly them with the URLs they have in
 * the site. Linking costs no copy; across file systems it falls back to copying.
 */
function stage(site: string, group: Group): string {
  const dir = join(dirname(resolve(site)), `.${basename(resolve(site))}-search-${basename(group.out)}`);
  rmSync(dir, { recursive: true, force: true });
  // Pagefind ignores pages without data-pagefind-body once any page has it (checklists, the search page);
  // leaving them out saves it parsing a third of the files.
  const marked = group.files.filter((f) => readFileSync(join(site, f), 'utf8').includes('data-pagefind-body'));
  for (const file of marked.length > 0 ? marked : group.files) {
    const to = join(dir, file);
    mkdirSync(dirname(to), { recursive: true });
    try {
      linkSync(join(site, file), to);
    } catch {
      copyFileSync(join(site, file), to);
    }
  }
  return dir;
}

/** One bundle: Pagefind's CLI on the bundle's pages; its memory is released when it exits. */
function indexGroup(site: string, group: Group, whole: boolean): Promise<{ pages: number; peakBytes: number | null }> {
  const source = whole ? site : stage(site, group);
  const outputPath = resolve(site, group.out);
  rmSync(outputPath, { recursive: true, force: true });
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, [PAGEFIND, '--site', source, '--output-path', outputPath], { stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (b: Buffer) => (log += b.toString()));
    child.stderr.on('data', (b: Buffer) => (log += b.toString()));
    let peakBytes: number | null = null;
    // VmHWM is a process's own peak, so the last reading before it exits is its peak.
    const timer = setInterval(() => {
      const p = child.pid === undefined ? null : pagefindPeakBytes(child.pid);
      if (p !== null) peakBytes = Math.max(peakBytes ?? 0, p);
    }, 200);
    child.on('error', fail);
    child.on('close', (code) => {
      clearInterval(timer);
      if (!whole) rmSync(source, { recursive: true, force: true });
      if (code !== 0) return fail(new Error(`Pagefind 索引 ${group.out} 失败（退出码 ${code}）：\n${log.split('\n').slice(-15).join('\n')}`));
      ok({ pages: Number(/Indexed (\d+) pages/.exec(log)?.[1] ?? 0), peakBytes });
    });
  });
}

async function main(): Promise<number> {
  const i = process.argv.indexOf('--site');
  const site = i === -1 ? 'dist' : process.argv[i + 1]!;
  const started = performance.now();
  let total = 0;
  const all = groups(site);
  for (const group of all) {
    if (group.files.length === 0) continue;
    const t = performance.now();
    const { pages, peakBytes } = await indexGroup(site, group, all.length === 1);
    total += pages;
    const peak = peakBytes === null ? '' : `，Pagefind 峰值内存 ${(peakBytes / 1048576).toFixed(0)} MB`;
    console.log(`  ${group.out}/：${group.files.length} 个 HTML 文件，索引 ${pages} 页，${((performance.now() - t) / 1000).toFixed(1)} s${peak}`);
  }
  // Same wording as the Pagefind CLI, which the benchmarks read.
  console.log(`Indexed ${total} pages`);
  console.log(`Finished in ${((performance.now() - started) / 1000).toFixed(3)} seconds`);
  return 0;
}

process.exitCode = await main();
