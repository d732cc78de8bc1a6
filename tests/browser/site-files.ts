import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every built HTML page as { url, html }, read from dist/ once. */
export function builtPages(dist = 'dist'): Array<{ url: string; html: string }> {
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

/** The visible text of a page's indexed body (what Pagefind indexes), without tags or ignored parts. */
export function indexedText(html: string): string {
  const body = /<main[^>]*>([\s\S]*)<\/main>/.exec(html)?.[1] ?? '';
  return decode(
    body
      .replace(/<script[\s\S]*?<\/script>/g, '')
      .replace(/<style[\s\S]*?<\/style>/g, '')
      .replace(/<[^>]+data-pagefind-ignore[^>]*>[\s\S]*?<\/(?:h2|div|ul|nav|p)>/g, '')
      .replace(/<[^>]+>/g, ' '),
  );
}

function decode(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}
