/**
 * JavaScript a built page makes the browser run, gzipped, per page kind.
 *
 * For each page: every <script src> and inline script, then every module they import statically
 * (followed through the chunk graph, each file counted once per page). Modules reached only through
 * import() are counted apart as “按需加载”. Each file is gzipped on its own, as a server would send it.
 *
 * Scripts are split into the page's own JS and the live deadline status (LiveStatus.astro: a few lines
 * that recompute “距截止还有 N 天” from today's date, so a page built weeks ago shows the right status).
 * That is the one script content pages are allowed; it is reported with its size, not hidden.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { walk } from './site.ts';

export interface PageKind {
  key: string;
  label: string;
  /** Matches the page's path relative to dist (e.g. policies/x/index.html). */
  match: RegExp;
  /** Content pages must ship no JS of their own. */
  content: boolean;
}

export const PAGE_KINDS: readonly PageKind[] = [
  { key: 'home', label: '首页', match: /^index\.html$/, content: true },
  { key: 'policy', label: '政策页', match: /^policies\/[^/]+\/index\.html$/, content: true },
  { key: 'source', label: '原文页', match: /^policies\/[^/]+\/source\/index\.html$/, content: true },
  { key: 'direction', label: '方向页', match: /^policies\/[^/]+\/directions\/[^/]+\/index\.html$/, content: true },
  { key: 'checklist', label: '材料清单页', match: /^policies\/[^/]+\/directions\/[^/]+\/checklist\/index\.html$/, content: true },
  { key: 'directions', label: '方向目录', match: /^directions\/index\.html$/, content: true },
  { key: 'contacts', label: '联系人目录', match: /^contacts\/index\.html$/, content: true },
  { key: 'person', label: '联系人个人页', match: /^contacts\/people\/[^/]+\/index\.html$/, content: true },
  { key: 'timeline', label: '时间线', match: /^timeline\/index\.html$/, content: true },
  { key: 'self-check', label: '自查', match: /^self-check\/index\.html$/, content: false },
  { key: 'compare', label: '对比', match: /^compare\/(?:.+\/)?index\.html$/, content: false },
  { key: 'search', label: '搜索', match: /^search\/index\.html$/, content: false },
];

/** The deadline-status script: the only JS a content page may carry. */
const LIVE = /LiveStatus\.astro_astro_type_script/;

export interface PageJs {
  page: string;
  /** gz bytes of the page's own scripts and their static imports. */
  ownGz: number;
  ownRaw: number;
  /** gz bytes of the live deadline-status script and what only it imports. */
  liveGz: number;
  /** gz bytes of modules loaded with import() (on demand). */
  lazyGz: number;
  files: string[];
  liveFiles: string[];
  lazyFiles: string[];
}

const gzCache = new Map<string, { raw: number; gz: number; code: string }>();

function readJs(file: string): { raw: number; gz: number; code: string } {
  const hit = gzCache.get(file);
  if (hit) return hit;
  const buf = readFileSync(file);
  const v = { raw: buf.length, gz: gzipSync(buf).length, code: buf.toString('utf8') };
  gzCache.set(file, v);
  return v;
}

const STATIC_IMPORT = /(?:\bimport|\bexport)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+\.m?js)["']/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["'`]([^"'`]+\.m?js)["'`]\s*\)/g;

/** Local file a specifier points to, or undefined for anything not in dist. */
function resolveSpec(dist: string, fromFile: string | null, spec: string): string | undefined {
  if (/^[a-z]+:/i.test(spec)) return undefined;
  const path = spec.startsWith('/') ? join(dist, spec) : fromFile ? normalize(join(dirname(fromFile), spec)) : undefined;
  return path && path.startsWith(dist) && existsSync(path) ? path : undefined;
}

function closure(dist: string, roots: Array<{ file: string | null; code: string }>, seen: Set<string>, lazy: Set<string>): void {
  const stack = [...roots];
  while (stack.length) {
    const { file, code } = stack.pop()!;
    for (const m of code.matchAll(STATIC_IMPORT)) {
      const dep = resolveSpec(dist, file, m[1]!);
      if (dep && !seen.has(dep)) {
        seen.add(dep);
        stack.push({ file: dep, code: readJs(dep).code });
      }
    }
    for (const m of code.matchAll(DYNAMIC_IMPORT)) {
      const dep = resolveSpec(dist, file, m[1]!);
      if (dep) lazy.add(dep);
    }
  }
}

/** Scripts of one HTML page: external (src) and inline, JSON and other data blocks skipped. */
function scriptsOf(html: string): Array<{ src?: string; code?: string }> {
  const out: Array<{ src?: string; code?: string }> = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attrs = m[1] ?? '';
    const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attrs)?.[1]?.toLowerCase();
    if (type && type !== 'module' && type !== 'text/javascript' && type !== 'application/javascript') continue;
    const src = /\bsrc\s*=\s*["']?([^"'\s>]+)/i.exec(attrs)?.[1];
    if (src) out.push({ src });
    else if ((m[2] ?? '').trim()) out.push({ code: m[2]! });
  }
  return out;
}

export function pageJs(dist: string, htmlFile: string): PageJs {
  const html = readFileSync(htmlFile, 'utf8');
  const own = { roots: [] as Array<{ file: string | null; code: string }>, files: new Set<string>(), inlineRaw: 0, inlineGz: 0, inline: [] as string[] };
  const live = { roots: [] as Array<{ file: string | null; code: string }>, files: new Set<string>() };
  for (const s of scriptsOf(html)) {
    if (s.src) {
      const file = resolveSpec(dist, htmlFile, s.src.split(/[?#]/)[0]!);
      if (!file) continue;
      const target = LIVE.test(file) ? live : own;
      target.files.add(file);
      target.roots.push({ file, code: readJs(file).code });
    } else if (s.code) {
      own.inlineRaw += Buffer.byteLength(s.code);
      const gz = gzipSync(s.code).length;
      own.inlineGz += gz;
      // The opening of the code, so a reader can tell which component it comes from.
      own.inline.push(`（内联脚本 ${gz} B gz：${s.code.trim().slice(0, 50).replace(/\s+/g, ' ')}…）`);
      own.roots.push({ file: htmlFile, code: s.code });
    }
  }
  const lazy = new Set<string>();
  closure(dist, own.roots, own.files, lazy);
  closure(dist, live.roots, live.files, lazy);
  // A chunk both sides import belongs to the page's own JS: it would load without the live script too.
  for (const f of own.files) live.files.delete(f);
  for (const f of [...own.files, ...live.files]) lazy.delete(f);
  const sum = (files: Iterable<string>, key: 'gz' | 'raw') => [...files].reduce((n, f) => n + readJs(f)[key], 0);
  const rel = (f: string) => '/' + relative(dist, f);
  return {
    page: '/' + relative(dist, htmlFile).replace(/index\.html$/, ''),
    ownGz: sum(own.files, 'gz') + own.inlineGz,
    ownRaw: sum(own.files, 'raw') + own.inlineRaw,
    liveGz: sum(live.files, 'gz'),
    lazyGz: sum(lazy, 'gz'),
    files: [...own.files].map(rel).concat(own.inline),
    liveFiles: [...live.files].map(rel),
    lazyFiles: [...lazy].map(rel),
  };
}

export interface KindJs {
  kind: PageKind;
  pages: number;
  /** The page of this kind with the most own JS (ties: most live JS). */
  worst: PageJs | undefined;
  /** Pages of this kind that carry the live deadline script. */
  withLive: number;
}

/** Every page of every kind, reduced to the heaviest page per kind. */
export function jsByKind(dist: string): KindJs[] {
  const pagesByKind = new Map<string, string[]>();
  walk(dist, (p) => {
    if (!p.endsWith('.html')) return;
    const r = relative(dist, p);
    const kind = PAGE_KINDS.find((k) => k.match.test(r));
    if (kind) pagesByKind.set(kind.key, [...(pagesByKind.get(kind.key) ?? []), p]);
  });
  return PAGE_KINDS.map((kind) => {
    const results = (pagesByKind.get(kind.key) ?? []).map((p) => pageJs(dist, p));
    const worst = results.reduce<PageJs | undefined>((w, r) => (!w || r.ownGz > w.ownGz || (r.ownGz === w.ownGz && r.liveGz > w.liveGz) ? r : w), undefined);
    return { kind, pages: results.length, worst, withLive: results.filter((r) => r.liveGz > 0).length };
  });
}
