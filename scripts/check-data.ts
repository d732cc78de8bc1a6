/**
 * Validates every policy under policies/: schemas, ids and references, and that every quote is in
 * its source with its figures. Prints each problem as “file › field：应为 …；实际为 …”.
 * Usage: npm run check:data [-- <policies dir>]
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadCorpusUnchecked } from '../src/data/load.ts';
import { CROSSWALK_FILE, crosswalkProblems } from '../src/lib/crosswalk.ts';
import { formatProblem } from '../src/data/errors.ts';

const dir = resolve(process.argv[2] ?? 'policies');
const { corpus, problems } = loadCorpusUnchecked(dir, resolve(dir, '..'));
// The comparison crosswalk is data too; a policies folder without one (a fixture) simply has none.
if (problems.length === 0 && existsSync(resolve(dir, CROSSWALK_FILE))) problems.push(...crosswalkProblems(dir, corpus, resolve(dir, '..')));
if (problems.length > 0) {
  console.error(`数据校验失败（${problems.length} 处）：`);
  for (const p of problems) console.error('  - ' + formatProblem(p));
  process.exit(1);
}
const count = (f: (p: (typeof corpus.policies)[number]) => number) => corpus.policies.reduce((n, p) => n + f(p), 0);
console.log(
  `数据校验通过：${corpus.policies.length} 份政策，${count((p) => p.directions.length)} 个方向，` +
    `${count((p) => p.contacts.length)} 位联系人，${count((p) => p.dates.length + p.directions.reduce((n, d) => n + d.dates.length, 0))} 个日期。`,
);
