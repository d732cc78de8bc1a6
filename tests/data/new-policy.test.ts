import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { newPolicy } from '../../scripts/new-policy.ts';

/**
 * End to end, in a temporary policies folder: `new-policy` on a small fixture notice, then the data an
 * author writes from the draft (only what the draft proposes, plus the words the author must supply),
 * then `check:data` passes, coverage included.
 */
const NOTICE = join(import.meta.dirname, 'fixture', 'authoring', 'notice.txt');
const work = mkdtempSync(join(tmpdir(), 'new-policy-test-'));
const policies = join(work, 'policies');
const id = 'demo-2027-retrofit';
const dir = join(policies, id);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const checkData = () => {
  const r = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/check-data.ts', policies], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout + r.stderr };
};
const readYaml = (path: string) => parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
type Fact = { text: string; value?: number; date?: string; quote: string; at: string };

describe('new-policy on a fixture notice', () => {
  it('writes the source byte for byte, a skeleton with its sha256, and the draft', () => {
    // A policies folder of its own, with the shared question registry.
    mkdirSync(policies, { recursive: true });
    copyFileSync('policies/fields.yaml', join(policies, 'fields.yaml'));
    newPolicy(id, NOTICE, policies);
    expect(readFileSync(join(dir, 'source.txt')).equals(readFileSync(NOTICE))).toBe(true);
    for (const f of ['policy.yaml', 'draft/README.md', 'draft/sections.yaml', 'draft/tables.yaml', 'draft/facts.yaml', 'draft/contacts.yaml', 'draft/directions/direction-01.yaml']) {
      expect(existsSync(join(dir, f)), f).toBe(true);
    }
    expect(readYaml(join(dir, 'policy.yaml'))).toMatchObject({
      docNumber: { text: '某工信投资字〔2027〕5号', at: '版头' },
      addressees: { text: '各市工业和信息化局', at: '主送' },
      dates: [{ kind: 'issued', date: '2027-02-01', at: '落款' }, { kind: 'deadline', date: '2027-03-31', at: '二' }],
    });
  });

  it('refuses to overwrite written data without --force, and names bad input', () => {
    expect(() => newPolicy(id, NOTICE, policies)).toThrow(/已有 policy\.yaml/);
    expect(() => newPolicy('Demo_2027', NOTICE, policies)).toThrow('政策 id 应为小写字母、数字和连字符');
    expect(() => newPolicy('demo-2028', join(work, 'missing.txt'), policies)).toThrow('找不到原文文件');
  });

  it('before the author writes anything, check:data names what is missing', () => {
    const r = checkData();
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${id}/policy.yaml › shortTitle`);
  });

  it('data written from the draft passes the check, coverage included', () => {
    const facts = readYaml(join(dir, 'draft', 'facts.yaml')) as Record<string, Fact[]>;
    const proposal = readYaml(join(dir, 'draft', 'directions', 'direction-01.yaml'));
    const [contact] = (readYaml(join(dir, 'draft', 'contacts.yaml')).contacts as Array<Record<string, unknown>>);
    const pct = facts.percentage!.find((f) => f.text === '10%')!;
    const cap = facts.amount!.find((f) => f.value === 300)!;
    const [from, to] = facts.date!.filter((f) => f.at === '一 / （一） / 1');

    // The author's part: the words only a person can write, and the choice among the proposals.
    const policy = readYaml(join(dir, 'policy.yaml'));
    writeFileSync(join(dir, 'policy.yaml'), stringify({ ...policy, province: '山西', shortTitle: '示范改造 2027' }));
    const criteria = (proposal.criteria as Array<Record<string, unknown>>).filter((c) => c.op === 'gte');
    const direction = {
      ...proposal,
      id: 'smart-factory',
      summary: '支持企业应用智能装备改造生产线。',
      applicants: { notStated: true },
      criteria: [
        ...criteria,
        { id: 'completion', kind: 'dateWindow', label: '2026 年内完工', field: 'completionDate', from: from!.date, to: to!.date, quote: from!.quote, at: from!.at },
      ],
      support: {
        method: 'subsidy',
        methodQuote: pct.quote,
        methodAt: pct.at,
        formula: { kind: 'rate', part: { base: 'totalInvestmentWan', baseLabel: '项目总投资', ratePct: pct.value, quote: pct.quote, at: pct.at }, capWan: cap.value, capQuote: cap.quote },
      },
    };
    mkdirSync(join(dir, 'directions'));
    writeFileSync(join(dir, 'directions', 'smart-factory.yaml'), stringify(direction));
    writeFileSync(
      join(dir, 'contacts.yaml'),
      stringify({ contacts: [{ ...contact, id: 'wang-wu', organisation: '某省工业和信息化厅', level: 'province', directions: ['smart-factory'] }] }),
    );
    rmSync(join(dir, 'draft'), { recursive: true });

    const r = checkData();
    expect(r.out).toContain('数据校验通过：1 份政策，1 个方向，1 位联系人');
    expect(r.out).toContain('9 个被数据引用，0 个在 ignored.yaml 中写明理由豁免，未引用 0 个');
    expect(r.code).toBe(0);
  });

  it('a printed figure nobody cites fails the check until it is cited or exempted with a reason', () => {
    const path = join(dir, 'contacts.yaml');
    const saved = readFileSync(path, 'utf8');
    rmSync(path);
    const failing = checkData();
    expect(failing.code).toBe(1);
    expect(failing.out).toContain(`policies/${id}/source.txt › 第 28 行：应为 被某条数据引用的电话，或在 ignored.yaml 中写明不引用的理由；实际为 未引用的电话 “0351-1234567”`);
    writeFileSync(join(dir, 'ignored.yaml'), stringify({ ignored: [{ quote: '1\t投资处\t王  五\t0351-1234567', at: '三 / 1', reason: '测试：联系表暂不收录' }] }));
    const exempted = checkData();
    expect(exempted.out).toContain('1 个在 ignored.yaml 中写明理由豁免，未引用 0 个');
    expect(exempted.code).toBe(0);
    rmSync(join(dir, 'ignored.yaml'));
    writeFileSync(path, saved);
  });
});
