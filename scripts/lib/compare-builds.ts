import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { unzipSync } from 'fflate';

/** One way two built sites differ, by path relative to their roots (with `/`). */
export interface BuildDifference {
  path: string;
  kind: 'only-in-first' | 'only-in-second' | 'content';
}

/** Every file under `root`, as `/`-separated paths relative to it. */
function filesUnder(root: string): string[] {
  return (readdirSync(root, { recursive: true, withFileTypes: true }) as Array<{ isFile(): boolean; parentPath: string; name: string }>)
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

/**
 * The content a build is answerable for, without the instants it stamps: an iCalendar file's DTSTAMP
 * lines (when the file was generated, RFC 5545) and an .xlsx's zip entry times. Two builds of one source
 * differ in nothing else.
 */
function sameContent(path: string, a: Buffer, b: Buffer): boolean {
  if (a.equals(b)) return true;
  if (path.endsWith('.ics')) {
    const unstamped = (x: Buffer) => x.toString('utf8').replace(/^DTSTAMP:.*$/gm, '');
    return unstamped(a) === unstamped(b);
  }
  if (path.endsWith('.xlsx')) {
    const ea = unzipSync(a);
    const eb = unzipSync(b);
    const names = Object.keys(ea).sort();
    return names.join('\n') === Object.keys(eb).sort().join('\n') && names.every((n) => Buffer.from(ea[n]!).equals(Buffer.from(eb[n]!)));
  }
  return false;
}

/**
 * Compares two built sites file for file. `skip` leaves out paths that are not part of the site (a
 * step's manifest). An empty list means the two serve the same site.
 */
export function compareBuilds(first: string, second: string, skip: (path: string) => boolean = () => false): BuildDifference[] {
  const a = filesUnder(first).filter((p) => !skip(p));
  const b = filesUnder(second).filter((p) => !skip(p));
  const inB = new Set(b);
  const inA = new Set(a);
  const out: BuildDifference[] = [];
  for (const path of a) {
    if (!inB.has(path)) out.push({ path, kind: 'only-in-first' });
    else if (!sameContent(path, readFileSync(join(first, path)), readFileSync(join(second, path)))) out.push({ path, kind: 'content' });
  }
  for (const path of b) if (!inA.has(path)) out.push({ path, kind: 'only-in-second' });
  return out;
}
