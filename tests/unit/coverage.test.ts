import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusCoverage } from '../../src/authoring/coverage-load.ts';
import { IgnoredFile, policyCoverage, uncitedProblems } from '../../src/authoring/coverage.ts';
import { formatProblem } from '../../src/data/errors.ts';
import { loadCorpus } from '../../src/data/load.ts';

/** Source coverage: every printed phone, email, date, amount, percentage and document number is cited or exempted. */
const jiangsu = readFileSync('policies/jiangsu-2023-fund-guide/source.txt', 'utf8');
// Jiangsu 附件1 / 一 / （三） / 1 / （2）: two amounts, two percentages and a bare 2000万.
const line = jiangsu.split('\n')[126]!;

describe('policyCoverage', () => {
  it('classifies each printed figure as cited, exempt or uncited', () => {
    const c = policyCoverage('demo', line, ['单个项目补助400万元，首次拨付100万元'], [
      { quote: '首次拨付补助资金总额的50%', at: '附件1 / 一 / （三） / 1 / （2）', reason: '分期拨付比例，已在支持方式中说明' },
    ]);
    expect(c.items.map((x) => [x.text, x.status])).toEqual([
      ['400万元', 'cited'],
      ['100万元', 'cited'],
      ['20%', 'uncited'],
      ['2000万', 'uncited'],
      ['50%', 'exempt'],
    ]);
    expect(c.problems).toEqual([]);
    expect(c.items.find((x) => x.status === 'exempt')?.reason).toBe('分期拨付比例，已在支持方式中说明');
    expect(uncitedProblems(c).map(formatProblem)).toEqual([
      'policies/demo/source.txt › 第 1 行：应为 被某条数据引用的百分比，或在 ignored.yaml 中写明不引用的理由；实际为 未引用的百分比 “20%”',
      'policies/demo/source.txt › 第 1 行：应为 被某条数据引用的金额，或在 ignored.yaml 中写明不引用的理由；实际为 未引用的金额 “2000万”',
    ]);
  });

  it('a quote printed twice cites the figure in both places', () => {
    const text = '单个项目最高不超过500万元。\n另一方向：单个项目最高不超过500万元。';
    const c = policyCoverage('demo', text, ['单个项目最高不超过500万元'], []);
    expect(c.items.map((x) => x.status)).toEqual(['cited', 'cited']);
  });

  it('an exemption must be in the source and must still exempt something', () => {
    const c = policyCoverage('demo', line, ['单个项目补助400万元，首次拨付100万元'], [
      { quote: '不在原文里的一句话', at: '一', reason: '示例理由写清楚' },
      { quote: '首次拨付100万元', at: '一', reason: '已被数据引用，本条多余' },
    ]);
    expect(c.problems.map((p) => p.field)).toEqual(['ignored[0].quote', 'ignored[1]']);
  });

  it('ignored.yaml requires a reason for every entry', () => {
    const parsed = IgnoredFile.safeParse({ ignored: [{ quote: '2000万', at: '一' }] });
    expect(parsed.success).toBe(false);
  });
});

describe('the five policies', () => {
  it('leave no printed figure uncited and unexplained', () => {
    const corpus = loadCorpus('policies', '.');
    const c = corpusCoverage('policies', corpus, '.');
    expect(c.problems.map(formatProblem)).toEqual([]);
    expect(c.policies.flatMap(uncitedProblems).map(formatProblem)).toEqual([]);
    // Each policy prints figures; the check is not vacuous.
    for (const p of c.policies) expect(p.items.length, p.policy).toBeGreaterThan(0);
  });
});
