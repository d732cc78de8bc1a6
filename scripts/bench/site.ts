/**
 * Building the site for measurement, away from the working tree.
 *
 * Other people build and test in the project at the same time, so a benchmark never writes to its
 * dist/, content/ or node_modules/.astro: it copies the sources into a temporary folder and builds
 * there. node_modules is mirrored with one symlink per package (not one link for the whole folder),
 * so Astro's and Vite's caches (node_modules/.astro, node_modules/.vite) are the copy's own and every
 * measured build starts cold, like a fresh checkout.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { logTail, runMeasured, type Measured } from './proc.ts';

export const PROJECT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** What a build needs from the project, besides policies/ and content/ which callers choose. */
const SOURCES = ['src', 'public', 'scripts', 'astro.config.mjs', 'package.json', 'tsconfig.json'];

export interface ProjectCopy {
  dir: string;
  /** Removes the copy (unless BENCH_KEEP=1, for inspection). */
  dispose(): void;
}

/**
 * A fresh copy of the project in a temporary folder.
 * - `realData`: copy policies/ and content/ (a snapshot, so edits made meanwhile do not mix in);
 * - otherwise the caller writes policies and overviews into the copy itself.
 */
export function copyProject(label: string, realData: boolean): ProjectCopy {
  const dir = mkdtempSync(join(tmpdir(), `policy-bench-${label}-`));
  for (const name of SOURCES) cpSync(join(PROJECT, name), join(dir, name), { recursive: true });
  if (realData) {
    cpSync(join(PROJECT, 'policies'), join(dir, 'policies'), { recursive: true });
    cpSync(join(PROJECT, 'content'), join(dir, 'content'), { recursive: true });
  } else {
    mkdirSync(join(dir, 'content', 'policies'), { recursive: true });
  }
  const nm = join(dir, 'node_modules');
  mkdirSync(nm);
  for (const entry of readdirSync(join(PROJECT, 'node_modules'))) {
    if (entry === '.astro' || entry === '.vite' || entry === '.cache') continue; // caches stay per copy
    symlinkSync(join(PROJECT, 'node_modules', entry), join(nm, entry));
  }
  return {
    dir,
    dispose() {
      if (process.env.BENCH_KEEP === '1') console.log(`  （保留临时目录 ${dir}）`);
      else rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The JavaScript behind node_modules/.bin/<name>, run with this very Node (npm scripts pin Node 24). */
function binScript(name: string): string {
  return realpathSync(join(PROJECT, 'node_modules', '.bin', name));
}

export interface BuildResult {
  ok: boolean;
  astro: Measured;
  /** With `memory`: the Astro process's memory samples, [file being generated, RSS MB, heap MB]. */
  memorySamples?: MemorySample[];
  /** astro build wall time (the search index is one of its endpoints). */
  totalMs: number;
  /** astro build CPU time (null without /usr/bin/time). */
  cpuMs: number | null;
  /** Largest single process and largest whole tree over both steps. */
  maxRssBytes: number | null;
  peakTreeRssBytes: number;
  htmlPages: number;
  distDir: string;
  /** Short reason when !ok. */
  failure?: string;
}

export interface BuildOptions {
  /** Extra environment (POLICIES_DIR for synthetic corpora). */
  env?: Record<string, string>;
  /** Print Astro's phase lines while building. */
  progress?: boolean;
  /** Extra Node options for the Astro process (e.g. --cpu-prof). */
  nodeArgs?: string[];
  /** Sample the Astro process's memory (scripts/bench/mem-sampler.mjs) to name the routes it peaks in. */
  memory?: boolean;
}

export type MemorySample = [path: string, rssMB: number, heapMB: number];

const PHASES = /\[build\] (✓ Completed|\d+ page\(s\) built)|\[types\] Generated|Completed in|\[vite\] ✓ built|Indexed \d+ pages|Finished in|error|Error/;

/** `astro build`, exactly as `npm run build` does, measured. */
export async function buildSite(dir: string, options: BuildOptions = {}): Promise<BuildResult> {
  const memFile = join(dir, 'astro-mem.json');
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...(options.env ?? {}), ...(options.memory ? { MEM_SAMPLE_FILE: memFile } : {}) };
  const echo = options.progress ? PHASES : undefined;
  const sampler = options.memory ? ['--import', join(dir, 'scripts', 'bench', 'mem-sampler.mjs')] : [];
  const astro = await runMeasured(process.execPath, [...(options.nodeArgs ?? []), ...sampler, binScript('astro'), 'build'], { cwd: dir, env, logFile: join(dir, 'astro-build.log'), ...(echo ? { echo } : {}) });
  const memorySamples = options.memory && existsSync(memFile) ? (JSON.parse(readFileSync(memFile, 'utf8')) as MemorySample[]) : undefined;
  const distDir = join(dir, 'dist');
  const base = { astro, distDir, ...(memorySamples ? { memorySamples } : {}) };
  if (astro.code !== 0) {
    return { ...base, ok: false, totalMs: astro.wallMs, cpuMs: astro.cpuMs, maxRssBytes: astro.maxRssBytes, peakTreeRssBytes: astro.peakTreeRssBytes, htmlPages: 0, failure: `astro build 退出码 ${astro.code}：\n${logTail(astro.log)}` };
  }
  // The search index is an Astro endpoint (src/pages/search/index.json.ts): no separate indexing step.
  return {
    ...base,
    ok: true,
    totalMs: astro.wallMs,
    cpuMs: astro.cpuMs,
    maxRssBytes: astro.maxRssBytes,
    peakTreeRssBytes: astro.peakTreeRssBytes,
    htmlPages: countFiles(distDir, (f) => f.endsWith('.html')),
  };
}

export function walk(dir: string, visit: (path: string, size: number) => void): void {
  if (!existsSync(dir)) return;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, visit);
    else if (e.isFile()) visit(p, statSync(p).size);
  }
}

export function countFiles(dir: string, keep: (path: string) => boolean): number {
  let n = 0;
  walk(dir, (p) => {
    if (keep(p)) n++;
  });
  return n;
}

export function sizeOf(dir: string, keep: (relPath: string) => boolean = () => true): number {
  let total = 0;
  walk(dir, (p, size) => {
    if (keep(relative(dir, p))) total += size;
  });
  return total;
}

// ---------------------------------------------------------------------------------------------------
// Where build time goes: Astro prints one line per generated file, `├─ /path/index.html (+12ms)`.

/** The route a generated path belongs to, e.g. `/policies/*​/directions/*​/checklist/`. */
export function routeOf(path: string): string {
  const p = path.replace(/index\.html$/, '');
  const rules: Array<[RegExp, string]> = [
    [/^\/policies\/[^/]+\/directions\/[^/]+\/checklist\/$/, '/policies/[policy]/directions/[direction]/checklist/'],
    [/^\/policies\/[^/]+\/directions\/[^/]+\/$/, '/policies/[policy]/directions/[direction]/'],
    [/^\/policies\/[^/]+\/source\/$/, '/policies/[policy]/source/'],
    [/^\/policies\/[^/]+\/$/, '/policies/[policy]/'],
    [/^\/contacts\/people\/[^/]+\/$/, '/contacts/people/[slug]/'],
    [/^\/timeline\/[^/]+\/$/, '/timeline/[policy]/'],
    [/^\/data\/(?!policies\.json|schema\.json)[^/]+\.json$/, '/data/[policy].json'],
    [/^\/exports\/contacts-[^/]+\.csv$/, '/exports/contacts-[policy].csv'],
    [/^\/exports\/contacts-[^/]+\.vcf$/, '/exports/contacts-[policy].vcf'],
    [/^\/exports\/timeline-[^/]+\.ics$/, '/exports/timeline-[policy].ics'],
  ];
  for (const [re, name] of rules) if (re.test(p)) return name;
  return p;
}

export interface RouteTiming {
  route: string;
  files: number;
  totalMs: number;
}

export function routeTimings(log: string): RouteTiming[] {
  const byRoute = new Map<string, RouteTiming>();
  for (const m of log.matchAll(/[├└]─ (\/\S*) \(\+(\d+(?:\.\d+)?)(m?s)\)/g)) {
    const route = routeOf(m[1]!);
    const ms = Number(m[2]) * (m[3] === 's' ? 1000 : 1);
    const t = byRoute.get(route) ?? { route, files: 0, totalMs: 0 };
    t.files++;
    t.totalMs += ms;
    byRoute.set(route, t);
  }
  return [...byRoute.values()].sort((a, b) => b.totalMs - a.totalMs);
}

/** Seconds from Astro's duration text: “812ms”, “3.59s”, “5m 2s”. */
function seconds(text: string | undefined): number {
  if (!text) return NaN;
  const m = /^(?:(\d+)m\s*)?(?:([\d.]+)(ms|s))?$/.exec(text.trim());
  if (!m) return NaN;
  return Number(m[1] ?? 0) * 60 + (m[2] ? Number(m[2]) * (m[3] === 'ms' ? 0.001 : 1) : 0);
}

/** Astro's own phase durations, in seconds. */
export function astroPhases(log: string): Record<'types' | 'collect' | 'generate' | 'total', number> {
  const dur = String.raw`((?:\d+m\s*)?(?:[\d.]+m?s)?)`;
  const at = (re: RegExp) => seconds(re.exec(log)?.[1]);
  return {
    types: at(new RegExp(String.raw`\[types\] Generated ${dur}`)),
    collect: at(new RegExp(String.raw`Collecting build info\.\.\.[\s\S]*?\[build\] ✓ Completed in ${dur}`)),
    generate: at(new RegExp(String.raw`generating static routes[\s\S]*?✓ Completed in ${dur}`)),
    total: at(new RegExp(String.raw`page\(s\) built in ${dur}`)),
  };
}

// ---------------------------------------------------------------------------------------------------
// Where build memory goes: the Astro process's samples, by the route being generated.

export interface RouteMemory {
  route: string;
  /** Highest RSS and V8 heap in use seen while this route's files were generated. */
  peakRssMB: number;
  peakHeapMB: number;
  samples: number;
}

export function memoryByRoute(samples: readonly MemorySample[]): RouteMemory[] {
  const byRoute = new Map<string, RouteMemory>();
  for (const [path, rss, heap] of samples) {
    const route = path.startsWith('/') ? routeOf(path) : path;
    const m = byRoute.get(route) ?? { route, peakRssMB: 0, peakHeapMB: 0, samples: 0 };
    m.peakRssMB = Math.max(m.peakRssMB, rss);
    m.peakHeapMB = Math.max(m.peakHeapMB, heap);
    m.samples++;
    byRoute.set(route, m);
  }
  return [...byRoute.values()].sort((a, b) => b.peakRssMB - a.peakRssMB || b.peakHeapMB - a.peakHeapMB);
}
