/**
 * Reads a V8 .cpuprofile (node --cpu-prof) and lists where the time went: self time per function, and
 * total (inclusive) time for functions of our own code (src/, bundled by Astro into dist/.prerender/),
 * which is where a fix would go.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface HotSpot {
  name: string;
  ms: number;
}

const where = (n: ProfileNode) => {
  const url = n.callFrame.url.replace(/^file:\/\//, '');
  const short = url.includes('node_modules/') ? url.slice(url.lastIndexOf('node_modules/') + 13) : url.split('/').slice(-3).join('/');
  return `${n.callFrame.functionName || '（匿名）'} ${short}${url ? `:${n.callFrame.lineNumber + 1}` : ''}`;
};

/** The largest profile in `dir` (Astro's build process; small ones are helper processes). */
export function largestProfile(dir: string): string | undefined {
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  return files.map((f) => join(dir, f)).sort((a, b) => statSync(b).size - statSync(a).size)[0];
}

/**
 * Our code runs from Astro's prerender bundle (dist/.prerender/chunks/<module>_<hash>.mjs), bundled
 * together with Astro's renderer; the renderer's chunks and the layout wrapper (which contain every
 * page's time) are left out so that the list names the functions a fix would touch.
 */
function isOurs(n: ProfileNode): boolean {
  const url = n.callFrame.url;
  if (!/\/src\/|\/\.prerender\//.test(url) || url.includes('node_modules')) return false;
  if (/jsx-runtime_|prerender-entry|\/chunks\/Base_|astro_|server_/.test(url)) return false;
  return n.callFrame.functionName !== '' && n.callFrame.functionName !== 'fn';
}

export function hotSpots(file: string, top = 12): { self: HotSpot[]; oursSelf: HotSpot[]; ours: HotSpot[]; totalMs: number } {
  const p = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const ownSelf = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let totalMs = 0;
  p.samples.forEach((id, i) => {
    const ms = (p.timeDeltas[i] ?? 0) / 1000;
    totalMs += ms;
    const node = byId.get(id);
    if (!node) return;
    const key = where(node);
    self.set(key, (self.get(key) ?? 0) + ms);
    if (isOurs(node)) ownSelf.set(key, (ownSelf.get(key) ?? 0) + ms);
    // Inclusive time for our own functions: count each function once per sample.
    const seen = new Set<string>();
    for (let x: number | undefined = id; x !== undefined; x = parent.get(x)) {
      const n = byId.get(x)!;
      if (!isOurs(n)) continue;
      const k = where(n);
      if (seen.has(k)) continue;
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + ms);
    }
  });
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, ms]) => ({ name, ms }));
  return { self: sorted(self), oursSelf: sorted(ownSelf), ours: sorted(inclusive), totalMs };
}
