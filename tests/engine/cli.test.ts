/**
 * The self-check CLI, run in-process through runCli (scripts/lib/selfcheck-cli.ts: all of its logic, with
 * the environment, stdin and output handed over), so the cases cost no process start-up; and one smoke
 * test of what a person or a script runs, `node scripts/selfcheck.mjs` (the ahead-of-time bundle, rebuilt
 * first when stale), which proves the process wrapper and the bundle. Most cases use a small fixture
 * corpus (tests/engine/fixtures/policies, via POLICIES_DIR) so they do not depend on data being written;
 * a few run against the real corpus (through the bundle's data snapshot when it is fresh, else the YAML).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../scripts/lib/selfcheck-cli.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURE = fileURLToPath(new URL('./fixtures/policies', import.meta.url));

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  /** How many pieces the output came in (a batch streams). */
  chunks: number;
}

/**
 * Runs the CLI in-process. Its environment is only what is passed here (never the test process's, and
 * never mutated globally), so the concurrent cases cannot disturb one another.
 * `policiesDir` null runs against the real corpus (undefined would take the default, the fixture).
 */
async function run(args: string[], input?: string, policiesDir: string | null = FIXTURE, env: Record<string, string> = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  let chunks = 0;
  const status = await runCli(args, {
    env: { ...env, ...(policiesDir ? { POLICIES_DIR: policiesDir } : {}) },
    readStdin: () => input ?? '',
    out: (c) => {
      stdout += c;
      chunks++;
    },
    err: (c) => (stderr += c),
  });
  return { status, stdout, stderr: stderr.trim(), chunks };
}

/** Runs the real thing, `node scripts/selfcheck.mjs`, in a child process. */
function spawnCli(args: string[], input: string, policiesDir: string | null): Promise<Omit<Run, 'chunks'>> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  if (policiesDir) childEnv.POLICIES_DIR = policiesDir;
  else delete childEnv.POLICIES_DIR;
  delete childEnv.SELFCHECK_NOW;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/selfcheck.mjs', ...args], { cwd: ROOT, env: childEnv });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr: stderr.trim() }));
    child.stdin.end(input);
  });
}

type Reason = { criterion: string; status: string; fields: string[]; value: unknown; threshold: string | null; requirement: Record<string, unknown> | null; items?: Reason[] };
type Result = {
  policy: string;
  direction: string;
  verdict: string;
  missing: string[];
  maxSupportWan: number | null;
  supportBasis: string;
  round: { state: string; text: string } | null;
  reasons: Reason[];
};
type Out = { asOf: Record<string, string | null>; asOfBasis: Record<string, string>; results: Result[]; warnings: { rule: string; directions: string[]; quote: string }[] };

const GOOD = {
  legalEntity: true,
  creditBlacklisted: '否',
  totalInvestmentWan: '５，０００万元',
  industries: ['钢铁'],
  filingDate: '2018-11-10',
  projectCompleted: '是',
};

const byDirection = (out: Out) => Object.fromEntries(out.results.map((x) => [x.direction, x]));

describe.concurrent('selfcheck CLI', () => {
  it('prints the evaluation for a valid profile on stdin, in exactly the documented shape, valid against --output-schema', async () => {
    const [r, schema] = await Promise.all([run(['-', '--today', '2023-11-01'], JSON.stringify(GOOD)), run(['--output-schema'])]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as Out & { results: Record<string, unknown>[] };
    expect(Object.keys(out)).toEqual(['asOf', 'asOfBasis', 'results', 'warnings']);
    for (const res of out.results) {
      expect(Object.keys(res)).toEqual(['policy', 'direction', 'name', 'verdict', 'met', 'of', 'missing', 'confirm', 'round', 'maxSupportWan', 'supportBasis', 'supportWorking', 'reasons']);
      for (const reason of res.reasons as Record<string, unknown>[]) {
        expect(Object.keys(reason).slice(0, 11)).toEqual(['criterion', 'scope', 'kind', 'status', 'label', 'fields', 'value', 'threshold', 'requirement', 'quote', 'at']);
      }
    }
    const validate = new Ajv2020({ strict: false }).compile(JSON.parse(schema.stdout) as object);
    expect(validate(out), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const by = byDirection(out);
    // Filed exactly 5 years before the 2023-11-10 deadline: within (inclusive).
    expect(by['smart-upgrade']).toMatchObject({ policy: 'demo-call', verdict: 'eligible', met: 5, of: 5, maxSupportWan: null, missing: [] });
    // 5000 × 10% = 500, capped at 400; the 3000 万元 rule is excepted for this direction.
    expect(by['digital-infra']).toMatchObject({ verdict: 'eligible', met: 2, of: 2, maxSupportWan: 400 });
    expect(by['green']).toMatchObject({ verdict: 'eligible', maxSupportWan: 200 });
    expect(by['new-materials']).toMatchObject({ policy: 'demo-guidance', verdict: 'guidance', maxSupportWan: null, round: { state: 'guidance' } });
    expect(by['smart-upgrade']!.round).toEqual({ state: 'open', deadline: '2023-11-10', daysLeft: 9, text: '申报中（还剩 9 天）' });
    expect(out.warnings.map((w) => w.rule)).toEqual(['one-direction']);
    expect(out.warnings[0]).toMatchObject({ quote: '每个企业限报一个方向，不得多头申报。', directions: ['smart-upgrade', 'digital-infra', 'green'] });
  });

  it('gives each reason the fields it read, the firm’s value and the requirement', async () => {
    const out = JSON.parse((await run(['-'], JSON.stringify({ ...GOOD, totalInvestmentWan: 2999 }))).stdout) as Out;
    const smart = byDirection(out)['smart-upgrade']!;
    const reason = (id: string) => smart.reasons.find((x) => x.criterion === id)!;
    expect(reason('total-investment')).toMatchObject({ status: 'unmet', fields: ['totalInvestmentWan'], value: 2999, threshold: '≥ 3000 万元', requirement: { op: 'gte', value: 3000, unit: '万元' } });
    expect(reason('legal-entity')).toMatchObject({ status: 'met', fields: ['legalEntity'], value: true, requirement: { op: 'eq', value: true } });
    expect(reason('filing-within-5-years')).toMatchObject({ fields: ['filingDate'], value: '2018-11-10', requirement: { op: 'within-years', years: 5, from: '2018-11-10', to: '2023-11-10' } });
  });

  it('names in `missing` exactly the unanswered fields that decide an unknown verdict', async () => {
    const { filingDate: _f, projectCompleted: _p, ...partial } = GOOD;
    const out = JSON.parse((await run(['-'], JSON.stringify(partial))).stdout) as Out;
    const by = byDirection(out);
    expect(by['smart-upgrade']).toMatchObject({ verdict: 'unknown' });
    expect([...by['smart-upgrade']!.missing].sort()).toEqual(['filingDate', 'projectCompleted']);
    // Settled directions have nothing missing; an answered field is never listed.
    expect(by['digital-infra']).toMatchObject({ verdict: 'eligible', missing: [] });
    for (const r of out.results) for (const id of r.missing) expect(Object.keys(partial)).not.toContain(id);
  });

  it('gives no maximum support for an ineligible verdict, though the formula would yield one', async () => {
    const out = JSON.parse((await run(['-'], JSON.stringify({ ...GOOD, legalEntity: false }))).stdout) as Out;
    const digital = byDirection(out)['digital-infra']!;
    expect(digital).toMatchObject({ verdict: 'ineligible', maxSupportWan: null, supportBasis: 'rate' });
    expect(out.results.filter((r) => r.verdict === 'ineligible').every((r) => r.maxSupportWan === null)).toBe(true);
    // With no eligible direction left, no combination warning.
    expect(out.warnings).toEqual([]);
  });

  it('keeps asOf an object keyed by policy and the verdicts the same whatever the clock says', async () => {
    const profile = JSON.stringify(GOOD);
    const [early, late, fixedA, fixedB] = await Promise.all([
      run(['-'], profile, FIXTURE, { SELFCHECK_NOW: '2023-11-01T09:00:00+08:00' }),
      run(['-'], profile, FIXTURE, { SELFCHECK_NOW: '2031-06-30T23:30:00+08:00' }),
      run(['-', '--today', '2024-01-01'], profile, FIXTURE, { SELFCHECK_NOW: '2023-11-01T09:00:00+08:00' }),
      run(['-', '--today', '2024-01-01'], profile, FIXTURE, { SELFCHECK_NOW: '2031-06-30T23:30:00+08:00' }),
    ]);
    const a = JSON.parse(early.stdout) as Out;
    const b = JSON.parse(late.stdout) as Out;
    expect(a.asOf).toEqual({ 'demo-call': '2023-11-10', 'demo-guidance': null });
    const withoutRound = (o: Out) => ({ ...o, results: o.results.map(({ round: _r, ...rest }) => rest) });
    expect(withoutRound(b)).toEqual(withoutRound(a));
    // Only the round's status follows the day (open on 2023-11-01, closed in 2031)...
    expect([byDirection(a)['smart-upgrade']!.round!.state, byDirection(b)['smart-upgrade']!.round!.state]).toEqual(['open', 'closed']);
    // ...and with --today, not even that.
    expect(fixedA.stdout).toBe(fixedB.stdout);
  });

  it('reads a file, narrows with --policy and judges dates with --as-of', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'selfcheck-'));
    const file = join(dir, 'profile.json');
    writeFileSync(file, JSON.stringify({ ...GOOD, totalInvestmentWan: 2999 }));
    const r = await run([file, '--policy', 'demo-call', '--as-of', '2023-11-11']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as Out;
    expect(out.asOf).toEqual({ 'demo-call': '2023-11-11' });
    expect(out.asOfBasis).toEqual({ 'demo-call': 'option' });
    expect(out.results.map((x) => x.direction)).toEqual(['smart-upgrade', 'digital-infra', 'green']);
    const smart = out.results[0]!;
    expect(smart.verdict).toBe('ineligible');
    // Unmet first: the investment and the filing date, now one day more than 5 years before as-of.
    expect(smart.reasons.slice(0, 2).map((x) => [x.criterion, x.status]).sort()).toEqual([
      ['filing-within-5-years', 'unmet'],
      ['total-investment', 'unmet'],
    ]);
  });

  it('evaluates a batch: one JSON line per profile line, a bad line reported in place, status 2', async () => {
    const lines = [JSON.stringify(GOOD), '{"totalInvestmentWan": 3000,', '', JSON.stringify({ legalEntity: false })].join('\n');
    const r = await run(['--batch', '-', '--brief'], lines);
    expect(r.status).toBe(2);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out).toHaveLength(3);
    expect(byDirection(out[0] as unknown as Out)['smart-upgrade']).toMatchObject({ verdict: 'eligible' });
    expect(out[1]).toMatchObject({ line: 2 });
    expect(String(out[1]!.error)).toContain('不是合法的 JSON');
    expect(byDirection(out[2] as unknown as Out)['smart-upgrade']).toMatchObject({ verdict: 'ineligible', maxSupportWan: null });
    // --brief leaves the texts out: a script joins them back from criteria.csv by id.
    const reason = byDirection(out[0] as unknown as Out)['smart-upgrade']!.reasons[0]! as Record<string, unknown>;
    expect(Object.keys(reason)).toEqual(['criterion', 'scope', 'status', 'fields', 'value']);
  });

  it('streams a long batch in whole-line pieces instead of holding it all (outputs can run to hundreds of MB)', async () => {
    const r = await run(['--batch', '-', '--brief', '--today', '2023-11-01'], Array.from({ length: 250 }, () => JSON.stringify(GOOD)).join('\n'));
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(250);
    expect(r.chunks).toBeGreaterThanOrEqual(3);
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

  it('runs against the real corpus: Jiangsu judged on its cited cut-off, an empty profile gets no warnings', async () => {
    const [r, empty] = await Promise.all([
      run(['-'], JSON.stringify({ legalEntity: true, creditBlacklisted: false, totalInvestmentWan: '1.2亿元' }), null),
      run(['-'], '{}', null),
    ]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as Out;
    expect(out.results.some((x) => x.verdict === 'guidance')).toBe(true);
    expect(out.asOf['jiangsu-2023-fund-guide']).toBe('2022-06-30');
    expect(out.asOfBasis['jiangsu-2023-fund-guide']).toBe('stated');
    expect(out.results.find((x) => x.policy === 'jiangsu-2023-fund-guide')!.round).toMatchObject({ state: 'no-deadline' });
    const none = JSON.parse(empty.stdout) as Out;
    expect(none.results.every((x) => x.verdict === 'unknown' || x.verdict === 'guidance')).toBe(true);
    expect(none.warnings).toEqual([]);
  });

  it('runs as a process: `node scripts/selfcheck.mjs` (the bundle) prints what runCli prints; bad input exits 2 with one line', { timeout: 120_000 }, async () => {
    // One call after the other: the first rebuilds a stale bundle, and the second must not race it.
    const args = ['-', '--today', '2023-11-01'];
    const profile = JSON.stringify({ legalEntity: true, creditBlacklisted: false, totalInvestmentWan: '1.2亿元' });
    const ok = await spawnCli(args, profile, null);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect((JSON.parse(ok.stdout) as Out).results.length).toBeGreaterThan(0);
    expect(ok.stdout).toBe((await run(args, profile, null)).stdout);
    // The fixture makes the bundle load YAML through its split-off loader chunk.
    const bad = await spawnCli(['-'], '{"totalInvestmentWan": 3000,', FIXTURE);
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr.split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain('不是合法的 JSON');
    expect(bad.stderr).not.toMatch(/\n\s+at |\bat .*:\d+:\d+/);
  });
});
