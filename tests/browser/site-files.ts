import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];
type TextNode = DefaultTreeAdapterMap['textNode'];
type ParentNode = DefaultTreeAdapterMap['parentNode'];

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
        if (name !== 'pagefind' && name !== '_astro') walk(path);
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

/**
 * The text Pagefind indexes on a page: everything inside elements marked `data-pagefind-body`, minus
 * elements marked `data-pagefind-ignore`, scripts and styles. Parsed with parse5, as a browser would.
 */
export function indexedText(html: string): string {
  const doc = parse(html);
  const out: string[] = [];
  const walk = (node: Node, inBody: boolean) => {
    if (node.nodeName === '#text') {
      if (inBody) out.push((node as TextNode).value);
      return;
    }
    const el = node as Element;
    if (el.tagName === 'script' || el.tagName === 'style' || el.tagName === 'template') return;
    const attrs = el.attrs ?? [];
    if (attrs.some((a) => a.name === 'data-pagefind-ignore')) return;
    const body = inBody || attrs.some((a) => a.name === 'data-pagefind-body');
    for (const child of (el as ParentNode).childNodes ?? []) walk(child, body);
  };
  walk(doc, false);
  return out.join(' ');
}
