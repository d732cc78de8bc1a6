/**
 * Validates every policy under policies/: schemas, ids and references, that every quote is in its
 * source with its figures, and source coverage (every phone, email, date, amount, percentage and
 * document number the text prints is cited by some data item or exempted in ignored.yaml with a reason).
 * Prints each problem as “file › field：应为 …；实际为 …”.
 * Usage: npm run check:data [-- [--coverage] <policies dir>]
 *   --coverage  also print, per policy, what the text prints and what is cited, exempt (with the
 *               reason) or uncited.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadCorpusUnchecked } from '../src/data/load.ts';
import { CROSSWALK_FILE, crosswalkProblems } from '../src/lib/crosswalk.ts';
import { formatProblem } from '../src/data/errors.ts';
import { corpusCoverage } from '../src/authoring/coverage-load.ts';
import { coverageLine, uncitedProblems } from '../src/authoring/coverage.ts';
import { PRINTED_KIND_LABEL } from '../src/authoring/patterns.ts';

const args = process.argv.slice(2);
const showCoverage = args.includes('--coverage');
const dir = resolve(args.find((a) => !a.startsWith('--')) ?? 'policies');
const { corpus, problems } = loadCorpusUnchecked(dir, resolve(dir, '..'));
// The comparison crosswalk is data too; a policies folder without one (a fixture) simply has none.
if (problems.length === 0 && existsSync(resolve(dir, CROSSWALK_FILE))) problems.push(...crosswalkProblems(dir, corpus, resolve(dir, '..')));
// Coverage last: it reads the citations the checks above have vouched for.
const coverage = corpusCoverage(dir, corpus, resolve(dir, '..'));
problems.push(...coverage.problems, ...coverage.policies.flatMap(uncitedProblems));
if (showCoverage) {
  console.log('原文覆盖（原文印有的数字：被数据引用 / 在 ignored.yaml 中豁免 / 未引用）：');
  for (const c of coverage.policies) {
    console.log('  ' + coverageLine(c));
    for (const x of c.items.filter((i) => i.status !== 'cited')) {
      const text = x.text.replace(/[\s\u3000]+/g, ' ');
      console.log(x.status === 'exempt' ? `    豁免 第 ${x.line} 行 ${text}：${x.reason}` : `    未引用 第 ${x.line} 行 ${PRINTED_KIND_LABEL[x.kind]}：${text}`);
    }
  }
}
if (problems.length > 0) {
  console.error(`数据校验失败（${problems.length} 处）：`);
  for (const p of problems) console.error('  - ' + formatProblem(p));
  process.exit(1);
}
const count = (f: (p: (typeof corpus.policies)[number]) => number) => corpus.policies.reduce((n, p) => n + f(p), 0);
const printed = coverage.policies.reduce((n, c) => n + c.items.length, 0);
const exempt = coverage.policies.reduce((n, c) => n + c.items.filter((i) => i.status === 'exempt').length, 0);
console.log(
  `数据校验通过：${corpus.policies.length} 份政策，${count((p) => p.directions.length)} 个方向，` +
    `${count((p) => p.contacts.length)} 位联系人，${count((p) => p.dates.length + p.directions.reduce((n, d) => n + d.dates.length, 0))} 个日期；` +
    `原文印有的 ${printed} 个电话、邮箱、日期、金额、百分比和文号：${printed - exempt} 个被数据引用，${exempt} 个在 ignored.yaml 中写明理由豁免，未引用 0 个。`,
);
