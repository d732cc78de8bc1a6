import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/data/errors.ts';
import { loadCorpus, loadCorpusUnchecked } from '../../src/data/load.ts';

/**
 * Each corruption of a small, valid fixture must fail with a message that names the file, the field,
 * what was expected and what was found.
 */
const FIXTURE = join(import.meta.dirname, 'fixture');
const dirs: string[] = [];

function corrupt(file: string, edit: (text: string) => string) {
  const root = mkdtempSync(join(tmpdir(), 'corrupt-'));
  dirs.push(root);
  cpSync(FIXTURE, root, { recursive: true });
  const path = join(root, 'policies', file);
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
  return loadCorpusUnchecked(join(root, 'policies'), root).problems;
}

afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});

const DIRECTION = 'demo-2024-call/directions/upgrade.yaml';
const POLICY = 'demo-2024-call/policy.yaml';
const CONTACTS = 'demo-2024-call/contacts.yaml';

describe('the fixture', () => {
  it('is valid, so each case below fails only because of its corruption', () => {
    expect(loadCorpusUnchecked(join(FIXTURE, 'policies'), FIXTURE).problems).toEqual([]);
  });
});

describe('malformed data is reported with file, field, expected and found', () => {
  const cases: Array<{ name: string; file: string; edit: (s: string) => string; field: string; expected: RegExp; found: RegExp; at?: string }> = [
    {
      name: 'an as-of date (for a call without a deadline) that its quote does not print',
      file: POLICY,
      edit: (s) => s.replace('dates:\n', 'asOf: { date: 2024-03-02, label: 测试用判断基准日, quote: 申报截止时间为2024年3月1日, at: 三 }\ndates:\n'),
      field: 'asOf.date',
      expected: /3月2日/,
      found: /2024年3月1日/,
    },
    {
      name: 'a quote that is not in the source',
      file: DIRECTION,
      edit: (s) => s.replace('quote: 项目总投资3000万元以上。', 'quote: 项目总投资5000万元以上。'),
      field: 'criteria[0].quote',
      expected: /source\.txt 中能找到/,
      found: /5000万元/,
    },
    {
      name: 'a threshold without a unit',
      file: DIRECTION,
      edit: (s) => s.replace(', unit: 万元, quote: 项目总投资', ', quote: 项目总投资'),
      field: 'criteria[0].unit',
      expected: /万元/,
      found: /缺失/,
    },
    {
      name: 'an unknown direction id in a contact',
      file: CONTACTS,
      edit: (s) => s.replace('directions: [upgrade]', 'directions: [upgrde]'),
      field: 'contacts[0].directions[0]',
      expected: /方向 id/,
      found: /upgrde/,
    },
    {
      name: 'an impossible date',
      file: POLICY,
      edit: (s) => s.replace('date: 2024-03-01', 'date: 2024-02-30'),
      field: 'dates[0].date',
      expected: /不存在的日期/,
      found: /2024-02-30/,
    },
    {
      name: 'a duplicate id',
      file: DIRECTION,
      edit: (s) => s.replace('{ id: window,', '{ id: investment,'),
      field: 'criteria',
      expected: /唯一/,
      found: /investment/,
    },
    {
      name: 'a figure that its quote does not state',
      file: DIRECTION,
      edit: (s) => s.replace('op: gte, value: 3000', 'op: gte, value: 4000'),
      field: 'criteria[0].value',
      expected: /引文中的数字/,
      found: /4000/,
    },
    {
      name: 'a criterion on an unregistered profile field',
      file: DIRECTION,
      edit: (s) => s.replace('field: totalInvestmentWan, op', 'field: totalInvestment, op'),
      field: 'criteria[0].field',
      expected: /已登记的字段/,
      found: /totalInvestment/,
    },
    {
      name: 'a direction in an unknown programme',
      file: DIRECTION,
      edit: (s) => s.replace('programme: demo', 'programme: demos'),
      field: 'programme',
      expected: /专项 id/,
      found: /demos/,
    },
    {
      name: 'a number written as text',
      file: DIRECTION,
      edit: (s) => s.replace('value: 3000,', 'value: "3000万",'),
      field: 'criteria[0].value',
      expected: /number/,
      found: /3000万/,
    },
    {
      name: 'an unknown criterion kind',
      file: DIRECTION,
      edit: (s) => s.replace('kind: threshold', 'kind: threshld'),
      field: 'criteria[0].kind',
      expected: /threshold/,
      found: /threshld/,
    },
    {
      name: 'an edited original text',
      file: 'demo-2024-call/source.txt',
      edit: (s) => s.replace('3000万元以上', '3000万元以上（含）'),
      field: '',
      expected: /sha256/,
      found: /sha256/,
    },
    {
      name: 'a malformed phone number',
      file: CONTACTS,
      edit: (s) => s.replace('phones: [0351-1234567]', 'phones: [0351 1234567]'),
      field: 'contacts[0].phones[0]',
      expected: /区号-号码/,
      found: /0351 1234567/,
    },
    {
      name: 'a phone that the contact’s quote does not print',
      file: CONTACTS,
      edit: (s) => s.replace('phones: [0351-1234567]', 'phones: [0351-7654321]'),
      field: 'contacts[0].phones[0]',
      expected: /引文中的电话/,
      found: /0351-7654321/,
    },
    {
      name: 'a field the schema does not know',
      file: DIRECTION,
      edit: (s) => s.replace('order: 1', 'order: 1\ndeadline: 2024-03-01'),
      field: '',
      expected: /schema/,
      found: /deadline/,
    },
    {
      name: 'a file whose id differs from its name',
      file: DIRECTION,
      edit: (s) => s.replace('id: upgrade', 'id: upgrades'),
      field: 'id',
      expected: /upgrade/,
      found: /upgrades/,
    },
    {
      name: 'a support method the method clause does not name (贴息 where the text says only 补助)',
      file: DIRECTION,
      edit: (s) => s.replace('  method: subsidy\n', '  method: subsidy\n  alsoMethods: [interest-subsidy]\n'),
      field: 'support.alsoMethods[0]',
      expected: /贴息/,
      found: /予以补助/,
    },
    {
      name: 'broken YAML',
      file: POLICY,
      edit: (s) => s.replace('shortTitle: 示范 2024', 'shortTitle: [示范 2024'),
      field: '',
      expected: /YAML/,
      found: /.+/,
    },
  ];

  for (const c of cases) {
    it(c.name, () => {
      const problems = corrupt(c.file, c.edit);
      expect(problems.length, 'the corruption must be reported').toBeGreaterThan(0);
      const match = problems.find((p) => p.file.endsWith(c.file.split('/').pop()!) && p.field === c.field && c.expected.test(p.expected) && c.found.test(p.found));
      expect(match, `no problem matched; got:\n${problems.map(formatProblem).join('\n')}`).toBeDefined();
      expect(formatProblem(match!)).toContain(match!.file);
    });
  }

  it('names the file an item came from when a policy splits its rules over several files (rules-b.yaml)', () => {
    const rule = (id: string, quote: string) => `rules:\n  - { id: ${id}, kind: once-only, text: 只支持一次。, directions: [upgrade], quote: ${quote}, at: 二 }\n`;
    const root = mkdtempSync(join(tmpdir(), 'corrupt-'));
    dirs.push(root);
    cpSync(FIXTURE, root, { recursive: true });
    const folder = join(root, 'policies', 'demo-2024-call');
    writeFileSync(join(folder, 'rules.yaml'), rule('good', '予以补助'));
    expect(loadCorpusUnchecked(join(root, 'policies'), root).problems).toEqual([]);
    writeFileSync(join(folder, 'rules-b.yaml'), rule('bad', '不在原文中的引文'));
    const found = loadCorpusUnchecked(join(root, 'policies'), root).problems;
    expect(found.map(formatProblem)).toEqual([expect.stringContaining('policies/demo-2024-call/rules-b.yaml › rules[0].quote')]);
  });

  it('loadCorpus throws one error that lists every problem', () => {
    const root = mkdtempSync(join(tmpdir(), 'corrupt-'));
    dirs.push(root);
    cpSync(FIXTURE, root, { recursive: true });
    const path = join(root, 'policies', DIRECTION);
    writeFileSync(path, readFileSync(path, 'utf8').replace('value: 3000', 'value: 4000').replace('programme: demo', 'programme: x'));
    expect(() => loadCorpus(join(root, 'policies'), root)).toThrow(/criteria\[0\]\.value[\s\S]*programme|programme[\s\S]*criteria\[0\]\.value/);
  });
});
