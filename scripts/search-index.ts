/**
 * Builds the Pagefind search index of a built site, one bundle per shard (see src/lib/shards.ts).
 *
 * Pagefind keeps every page it reads in memory until it writes the index (about 20× the HTML), so one
 * index of the whole corpus grows with it: 2.6 GB for 200 synthetic policies. Here each shard's pages
 * are indexed by their own Pagefind process, which is stopped before the next starts, so the peak is
 * that of the largest shard, whatever the corpus. The search page merges the bundles in the browser
 * (Pagefind's `mergeIndex`), so the search itself is unchanged.
 *
 * - A build of everything (SITE_SHARD unset): cross-policy pages go to `/pagefind/`, each shard's pages
 *   to `/pagefind-parts/<shard>/`. A corpus that fits one shard keeps a single index at `/pagefind/`.
 * - `SITE_SHARD=<shard>`: every page of the folder goes to `/pagefind-parts/<shard>/`.
 * - `SITE_SHARD=site`: every page of the folder goes to `/pagefind/`.
 *
 * Usage: tsx scripts/search-index.ts [--site dist]
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import * as pagefind from 'pagefind';
import { currentScope, searchPartUrl, searchParts, shardOfPath } from '../src/lib/shards.ts';

/** Requests in flight to the Pagefind service: enough to keep both cores busy, few enough to hold little. */
const IN_FLIGHT = 8;

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
  if (scope.kind === 'shard') return [{ out: searchPartUrl(scope.shard.id).slice(1, -1), files }];
  if (searchParts(map, scope).length === 0) return [{ out: main, files }];
  const byShard = new Map<string, string[]>([['site', []], ...map.plan.map((s) => [s.id, []] as [string, string[]])]);
  for (const f of files) byShard.get(shardOfPath(map, '/' + f))!.push(f);
  return [...byShard].map(([id, list]) => ({ out: id === 'site' ? main : searchPartUrl(id).slice(1, -1), files: list }));
}

/**
 * Peak resident memory (VmHWM) of this process's Pagefind service, in bytes, read from /proc before the
 * service stops; null where /proc is missing. The benchmarks print it to name the bundle that peaks.
 */
function servicePeakBytes(): number | null {
  if (!existsSync('/proc')) return null;
  let peak: number | null = null;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const status = readFileSync(`/proc/${name}/status`, 'utf8');
      if (Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]) !== process.pid || !/^Name:\s+pagefind/m.test(status)) continue;
      const kb = Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? NaN);
      if (Number.isFinite(kb)) peak = Math.max(peak ?? 0, kb * 1024);
    } catch {
      // the process ended while we looked
    }
  }
  return peak;
}

async function indexGroup(site: string, group: Group): Promise<{ pages: number; peakBytes: number | null }> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind 无法创建索引：${errors.join('；')}`);
  let pages = 0;
  let next = 0;
  const worker = async () => {
    while (next < group.files.length) {
      const file = group.files[next++]!;
      const content = readFileSync(join(site, file), 'utf8');
      if (content.includes('data-pagefind-body')) pages++;
      const res = await index.addHTMLFile({ sourcePath: file, content });
      if (res.errors.length > 0) throw new Error(`Pagefind 无法索引 ${file}：${res.errors.join('；')}`);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  const outputPath = join(site, group.out);
  rmSync(outputPath, { recursive: true, force: true });
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length > 0) throw new Error(`Pagefind 无法写入 ${group.out}：${written.errors.join('；')}`);
  const peakBytes = servicePeakBytes();
  // Stop the service: its memory (every page of this bundle) is released before the next bundle starts.
  await pagefind.close();
  return { pages, peakBytes };
}

async function main(): Promise<number> {
  const i = process.argv.indexOf('--site');
  const site = i === -1 ? 'dist' : process.argv[i + 1]!;
  const started = performance.now();
  let total = 0;
  for (const group of groups(site)) {
    if (group.files.length === 0) continue;
    const t = performance.now();
    const { pages, peakBytes } = await indexGroup(site, group);
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
