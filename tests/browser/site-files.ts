import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The built site the browser tests read and serve: dist/, or DIST_DIR (e.g. the merged output of the
 * sharded build, scripts/build-shards.ts, which must pass the same tests).
 */
export const DIST = process.env.DIST_DIR ?? 'dist';

/** Every built HTML page as { url, html }, read from the built site once. */
export function builtPages(dist = DIST): Array<{ url: string; html: string }> {
  const out: Array<{ url: string; html: string }> = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (name !== '_astro') walk(path);
      } else if (name.endsWith('.html')) {
        const rel = '/' + relative(dist, path).replace(/index\.html$/, '').replace(/\\/g, '/');
        out.push({ url: rel, html: readFileSync(path, 'utf8') });
      }
    }
  };
  walk(dist);
  return out;
}

/** Ids defined in an HTML document. */
export function idsIn(html: string): Set<string> {
  return new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
}
