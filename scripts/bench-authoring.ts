/**
 * The authoring assistant against the curated corpus: runs `new-policy` on each of the five original
 * texts into a temporary folder, then compares its draft with what the curated data cites.
 * Prints, per policy and overall, the recall of phones, dates and amounts (found by the draft at the
 * place the data cites them), the share of curated quotes whose `at` equals the extractor's locator
 * for the same text, and the time new-policy took.
 * Budgets: phones 100 %, dates ≥ 95 %, amounts ≥ 90 %, locators ≥ 90 %.
 * Usage: tsx scripts/bench-authoring.ts [--missed]   (--missed lists what the draft did not find)
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCorpus } from '../src/data/load.ts';
import { agreement, type Tally } from '../src/authoring/agreement.ts';
import { extractDraft } from '../src/authoring/extract.ts';
import { fmtMs, header, Reporter } from './bench/report.ts';
import { newPolicy, readFields } from './new-policy.ts';

const reporter = new Reporter('bench-authoring');
header('起草助手（new-policy）与人工整理数据的一致性');
const showMissed = process.argv.includes('--missed');
const corpus = loadCorpus('policies', '.');
const work = mkdtempSync(join(tmpdir(), 'policy-authoring-'));
const sum = { phones: [0, 0], dates: [0, 0], amounts: [0, 0], locators: [0, 0] } as Record<string, [number, number]>;
const pct = (t: { found: number; total: number }) => (t.total === 0 ? 100 : (100 * t.found) / t.total);
const fmt = (t: Tally) => `${t.found}/${t.total}（${pct(t).toFixed(1)}%）`;
let totalMs = 0;
let notFound = 0;
try {
  copyFileSync('policies/fields.yaml', join(work, 'fields.yaml'));
  const fields = readFields('policies');
  for (const p of corpus.policies) {
    const t0 = performance.now();
    newPolicy(p.id, join('policies', p.id, 'source.txt'), work);
    totalMs += performance.now() - t0;
    // The comparison reads the same draft the CLI wrote, from the same text and fields.
    const source = readFileSync(join(work, p.id, 'source.txt'), 'utf8');
    const a = agreement(extractDraft(source, fields), source, p);
    notFound += a.quotesNotFound.length;
    console.log(`  ${p.id}：电话 ${fmt(a.phones)}，日期 ${fmt(a.dates)}，金额 ${fmt(a.amounts)}，出处 ${fmt(a.locators)}`);
    for (const k of ['phones', 'dates', 'amounts', 'locators'] as const) {
      sum[k]![0] += a[k].found;
      sum[k]![1] += a[k].total;
      if (showMissed) for (const m of a[k].missed) console.log(`      未对上 ${k}：${m}`);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
const figure = (key: string, label: string, budget: number) => {
  const [found, total] = sum[key]!;
  const value = pct({ found, total });
  reporter.add({ label, value: `${value.toFixed(1)}%（${found}/${total}）`, budget: budget === 100 ? '100%' : `≥ ${budget}%`, met: value >= budget - 1e-9 });
};
figure('phones', '起草助手：电话召回率（五份原文）', 100);
figure('dates', '起草助手：日期召回率', 95);
figure('amounts', '起草助手：金额召回率', 90);
figure('locators', '起草助手：出处（at）与人工一致的引文比例', 90);
reporter.add({ label: '起草助手：五份原文 new-policy 总耗时', value: fmtMs(totalMs), budget: '—', met: null });
if (notFound > 0) reporter.fail(`起草稿中有 ${notFound} 条引文在原文中找不到`);
process.exitCode = reporter.finish();
