/**
 * How many gzipped bytes of data the self-check transfers for a scope, measured by running the page's
 * own loader (src/self-check/logic/load.ts) and counting what it fetches: the index, then each file the
 * scope needs. The files come from a built site (dist/) or straight from the self-check's builders
 * (src/self-check/build/island.ts `selfCheckFiles`), which measures a corpus of any size without a site
 * build.
 *
 * The budget figure is the one-policy scope: the largest over all policies of index + that policy's
 * files. A direction or programme scope fetches the same files. The province and whole-corpus scopes are
 * reported beside it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Corpus } from '../../src/lib/corpus.ts';
import { selfCheckDataUrl } from '../../src/model/routes.ts';
import { safeJson, selfCheckFiles } from '../../src/self-check/build/island.ts';
import { ScopeLoader } from '../../src/self-check/logic/load.ts';
import type { SelfCheckIndex } from '../../src/self-check/logic/types.ts';

/** The text of a data file by URL, or null when there is none. */
export type FileSource = (url: string) => string | null;

/** A built site's files (URLs are percent-encoded; file names are not). */
export const distSource =
  (dist: string): FileSource =>
  (url) => {
    const path = join(dist, decodeURIComponent(url));
    return existsSync(path) ? readFileSync(path, 'utf8') : null;
  };

/** The files a build of this corpus would write, from the self-check's own builders. */
export function builderSource(corpus: Corpus): FileSource {
  const files = selfCheckFiles(corpus);
  return (url) => {
    const build = files.get(url);
    return build ? safeJson(build()) : null;
  };
}

export interface ScopeTransfer {
  /** gzipped bytes, index included. */
  gz: number;
  /** URLs fetched, index first. */
  urls: string[];
}

export interface ScopeBytes {
  /** The largest one-policy transfer: index plus that policy's files. */
  worstGz: number;
  indexGz: number;
  worstPolicy: string | null;
  /** What the worst policy's scope fetched besides the index. */
  worstPolicyGz: number;
  worstUrls: string[];
  /** The largest province scope, and the whole corpus. */
  provinceGz: number;
  allGz: number;
  allFiles: number;
}

/** Runs the page's loader on one scope key and counts what it fetched. */
export async function scopeTransfer(source: FileSource, key: string, gzOf: (url: string) => number = gzMemo(source)): Promise<ScopeTransfer> {
  const indexUrl = selfCheckDataUrl.index();
  const indexText = source(indexUrl);
  if (indexText === null) throw new Error(`${indexUrl} 不存在`);
  const urls = [indexUrl];
  const loader = new ScopeLoader(JSON.parse(indexText) as SelfCheckIndex, async (url) => {
    urls.push(url);
    const text = source(url);
    return text === null ? null : (JSON.parse(text) as unknown);
  });
  if (!(await loader.load(key))) throw new Error(`自查范围 ${key} 无法载入`);
  return { gz: urls.reduce((n, u) => n + gzOf(u), 0), urls };
}

/** gzipped size per URL, computed once. */
function gzMemo(source: FileSource): (url: string) => number {
  const sizes = new Map<string, number>();
  return (url) => {
    let n = sizes.get(url);
    if (n === undefined) {
      n = gzipSync(source(url) ?? '').length;
      sizes.set(url, n);
    }
    return n;
  };
}

export async function selfCheckScopeBytes(source: FileSource, policyIds: readonly string[]): Promise<ScopeBytes> {
  const gzOf = gzMemo(source);
  const index = JSON.parse(source(selfCheckDataUrl.index()) ?? 'null') as SelfCheckIndex;
  const indexGz = gzOf(selfCheckDataUrl.index());
  let worst: { id: string | null; t: ScopeTransfer } = { id: null, t: { gz: indexGz, urls: [] } };
  for (const id of policyIds) {
    const t = await scopeTransfer(source, `policy:${id}`, gzOf);
    if (t.gz > worst.t.gz) worst = { id, t };
  }
  let provinceGz = 0;
  for (const p of index.provinces) provinceGz = Math.max(provinceGz, (await scopeTransfer(source, `province:${p}`, gzOf)).gz);
  const all = await scopeTransfer(source, 'all', gzOf);
  return { worstGz: worst.t.gz, indexGz, worstPolicy: worst.id, worstPolicyGz: worst.t.gz - indexGz, worstUrls: worst.t.urls, provinceGz, allGz: all.gz, allFiles: all.urls.length };
}
