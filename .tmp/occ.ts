import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { quoteSpans } from '/work/main/src/authoring/coverage.ts';
import { sectionTree, locatorAt } from '/work/main/src/authoring/sections.ts';
import { curatedCitations } from '/work/main/src/authoring/agreement.ts';
const norm = (s: string) => s.replace(/[\s\u3000]+/g, '');
let multi = 0, firstWrong = 0, fixable = 0, none = 0;
const seen = new Set<string>();
for (const id of readdirSync('/work/main/policies').filter((d) => !d.includes('.'))) {
  const dir = `/work/main/policies/${id}`;
  let source: string; try { source = readFileSync(`${dir}/source.txt`, 'utf8'); } catch { continue; }
  const tree = sectionTree(source);
  const files = readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.yaml'));
  for (const f of files) {
    const data = parse(readFileSync(`${dir}/${f}`, 'utf8'));
    for (const c of curatedCitations(data)) {
      const key = id + norm(c.quote) + '|' + norm(c.at);
      if (seen.has(key)) continue; seen.add(key);
      const spans = quoteSpans(c.quote, source);
      if (spans.length < 2) continue;
      multi++;
      const locs = spans.map(([a]) => locatorAt(tree, source, a));
      if (norm(locs[0]!) === norm(c.at)) continue;
      firstWrong++;
      const k = locs.findIndex((l) => norm(l) === norm(c.at));
      if (k > 0) fixable++; else { none++; }
      if (firstWrong <= 12) console.log(id, f, JSON.stringify(c.quote.slice(0, 30)), 'at=', c.at, 'locs=', locs.join(' ; '));
    }
  }
}
console.log({ multi, firstWrong, fixable, none });
