/**
 * The CLI as a person runs it: `npx tsx scripts/selfcheck.ts`. Most cases use a small fixture corpus
 * (tests/engine/fixtures/policies, via POLICIES_DIR) so they do not depend on data being written; one
 * runs against the real corpus.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURE = fileURLToPath(new URL('./fixtures/policies', import.meta.url));

/** Runs the CLI; asynchronous so that the cases run side by side (each start of tsx takes seconds). */
function run(args: string[], input?: string, policiesDir: string | undefined = FIXTURE): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const env = { ...process.env };
  if (policiesDir) env.POLICIES_DIR = policiesDir;
  else delete env.POLICIES_DIR;
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'scripts/selfcheck.ts', ...args], { cwd: ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => {
      // npm may print its own configuration warnings; they are not the CLI's output.
      const own = stderr
        .split('\n')
        .filter((l) => l.trim() !== '' && !l.startsWith('npm warn'))
        .join('\n');
      resolve({ status, stdout, stderr: own });
    });
    child.stdin.end(input ?? '');
  });
}

const GOOD = {
  legalEntity: true,
  creditBlacklisted: '否',
  totalInvestmentWan: '５，０００万元',
  industries: ['钢铁'],
  filingDate: '2018-11-10',
  projectCompleted: '是',
};

describe.concurrent('selfcheck CLI', { timeout: 120_000 }, () => {
  it('prints the evaluation for a valid profile on stdin, in exactly the documented shape', async () => {
    const r = await run(['-'], JSON.stringify(GOOD));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown> & { results: Record<string, unknown>[]; warnings: Record<string, unknown>[] };
    expect(Object.keys(out)).toEqual(['asOf', 'results', 'warnings']);
    for (const res of out.results) {
      expect(Object.keys(res)).toEqual(['policy', 'direction', 'name', 'verdict', 'met', 'of', 'reasons', 'maxSupportWan']);
      for (const reason of res.reasons as Record<string, unknown>[]) expect(Object.keys(reason)).toEqual(['criterion', 'status', 'quote']);
    }
    const by = Object.fromEntries(out.results.map((x) => [x.direction, x]));
    // Filed exactly 5 years before the 2023-11-10 deadline: within (inclusive).
    expect(by['smart-upgrade']).toMatchObject({ policy: 'demo-call', verdict: 'eligible', met: 5, of: 5, maxSupportWan: null });
    // 5000 × 10% = 500, capped at 400; the 3000 万元 rule is excepted for this direction.
    expect(by['digital-infra']).toMatchObject({ verdict: 'eligible', met: 2, of: 2, maxSupportWan: 400 });
    expect(by['green']).toMatchObject({ verdict: 'eligible', maxSupportWan: 200 });
    expect(by['new-materials']).toMatchObject({ policy: 'demo-guidance', verdict: 'guidance', maxSupportWan: null });
    expect(out.warnings.map((w) => w.rule)).toEqual(['one-direction']);
    expect(out.warnings[0]).toMatchObject({ quote: '每个企业限报一个方向，不得多头申报。', directions: ['smart-upgrade', 'digital-infra', 'green'] });
  });

  it('reads a file, narrows with --policy and judges dates with --as-of', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'selfcheck-'));
    const file = join(dir, 'profile.json');
    writeFileSync(file, JSON.stringify({ ...GOOD, totalInvestmentWan: 2999 }));
    const r = await run([file, '--policy', 'demo-call', '--as-of', '2023-11-11']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { asOf: string; results: { direction: string; verdict: string; reasons: { criterion: string; status: string }[] }[] };
    expect(out.asOf).toBe('2023-11-11');
    expect(out.results.map((x) => x.direction)).toEqual(['smart-upgrade', 'digital-infra', 'green']);
    const smart = out.results[0]!;
    expect(smart.verdict).toBe('ineligible');
    // Unmet first: the investment and the filing date, now one day more than 5 years before as-of.
    expect(smart.reasons.slice(0, 2).map((x) => [x.criterion, x.status]).sort()).toEqual([
      ['filing-within-5-years', 'unmet'],
      ['total-investment', 'unmet'],
    ]);
  });

  it('prints the profile JSON Schema with --schema', async () => {
    const r = await run(['--schema']);
    expect(r.status).toBe(0);
    const schema = JSON.parse(r.stdout) as { $schema: string; type: string; properties: Record<string, unknown> };
    expect(schema.$schema).toContain('2020-12');
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties)).toContain('totalInvestmentWan');
    expect(Object.keys(schema.properties)).not.toContain('revenueGrowth2024Pct'); // derived: never asked
    const validate = new Ajv2020({ strict: false }).compile(schema);
    expect(validate({ totalInvestmentWan: 3000, industries: ['钢铁'], filingDate: '2023-01-01', legalEntity: 'unknown' })).toBe(true);
    expect(validate({ totalInvestmentWan: -1 })).toBe(false);
    expect(validate({ industries: ['医药'] })).toBe(false);
    expect(validate({ notAField: 1 })).toBe(false);
  });

  it('refuses input that is not JSON: status 2, one zh-CN line, no stack trace', async () => {
    const r = await run(['-'], '{"totalInvestmentWan": 3000,');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('应为 JSON 对象');
    expect(r.stderr).toContain('不是合法的 JSON');
    expect(r.stderr).not.toMatch(/\n\s+at |\bat .*:\d+:\d+/);
  });

  it('refuses a value of the wrong type, naming the field, the expectation and what was found', async () => {
    const r = await run(['-'], JSON.stringify({ legalEntity: 5 }));
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('legalEntity');
    expect(r.stderr).toContain('申报单位是否为独立法人企业或其他法人单位？');
    expect(r.stderr).toContain('应为 是 或 否');
    expect(r.stderr).toContain('实际为 5');
  });

  it('refuses out-of-range values, impossible dates and unknown fields with the same one-line form', async () => {
    const r = await run(['-'], JSON.stringify({ totalInvestmentWan: '-3000万元', filingDate: '2023-02-30', typo: 1 }));
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('“项目总投资”（totalInvestmentWan）：应为 不小于 0 的金额');
    expect(r.stderr).toContain('2 月没有 30 日');
    expect(r.stderr).toContain('字段 “typo”');
  });

  it('refuses bad options and missing files with status 2', async () => {
    expect((await run(['-', '--as-of', '2023-02-30'], '{}')).status).toBe(2);
    expect((await run(['-', '--policy', 'no-such'], '{}')).stderr).toContain('demo-call');
    const missing = await run(['/nonexistent/profile.json']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('文件不存在');
    expect((await run([])).status).toBe(2);
  });

  it('runs against the real corpus', async () => {
    const r = await run(['-'], JSON.stringify({ legalEntity: true, creditBlacklisted: false, totalInvestmentWan: '1.2亿元' }), undefined);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { results: { verdict: string }[] };
    expect(out.results.length).toBeGreaterThan(0);
    expect(out.results.some((x) => x.verdict === 'guidance')).toBe(true);
  });
});
