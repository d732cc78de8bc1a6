/**
 * Data-driven scenarios for the self-check engine, written from the original texts (source.txt is the
 * ground truth; the policy data is what is tested). One YAML file per scenario under
 * tests/cases/<policy>/<name>.yaml:
 *
 *   name: 江苏 智能制造示范工厂：总投资恰为 3000 万元（下限含）
 *   policy: jiangsu-2023-fund-guide
 *   asOf: '2023-11-10'            # optional; omitted = the policy's own default (its deadline)
 *   profile: { totalInvestmentWan: 3000万元, … }   # answers as a person types them
 *   expect:
 *     - direction: smart-factory
 *       verdict: eligible          # eligible | ineligible | unknown | guidance
 *       maxSupportWan: 300         # or null; omitted = not asserted
 *       supportBasis: rate         # optional
 *       met: 9                     # optional; of: optional
 *       unmet: [criterion-id]      # optional: exactly the top-level criteria that fail
 *       unknownFields: [fieldId]   # optional: exactly the answers that would decide an unknown
 *       confirm: [criterion-id]    # optional: these must be among the criteria left to a person
 *       working: ['首次拨付 50%，即 500 万元']   # optional: each must appear in a support working step
 *   warnings: [rule-id]            # optional: these combination rules must warn
 *   noWarnings: [rule-id]          # optional: these must not
 *
 * Files under a folder whose name starts with “_” (tests/cases/_pending/) are listed as skipped: they
 * record what the text says where the data or the engine does not (yet) agree.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { loadCorpus } from '../../src/data/load.ts';
import { evaluateProfile, fieldRegistry, isIsoDate, type DirectionResult, type Evaluation, type Reason } from '../../src/engine/index.ts';
import { validateProfile } from '../../src/engine/profile.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CASES = join(ROOT, 'tests', 'cases');

/** Fewest scenarios overall, and per funding call. */
const MIN_TOTAL = 60;
const MIN_PER_FUNDING_POLICY = 15;

const IsoDate = z.string().refine(isIsoDate, { message: '应为日历上存在的日期 YYYY-MM-DD（请加引号）' });
const Id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, '应为小写 kebab-case id');

const Expectation = z.strictObject({
  direction: Id,
  verdict: z.enum(['eligible', 'ineligible', 'unknown', 'guidance']),
  maxSupportWan: z.number().nonnegative().nullable().optional(),
  supportBasis: z.enum(['rate', 'parts', 'fixed', 'highest-tier', 'cap', 'up-to', 'not-stated', 'needs-input', 'none']).optional(),
  met: z.number().int().nonnegative().optional(),
  of: z.number().int().nonnegative().optional(),
  unmet: z.array(Id).optional(),
  unknownFields: z.array(z.string().min(1)).optional(),
  confirm: z.array(Id).optional(),
  working: z.array(z.string().min(1)).optional(),
});

const Scenario = z.strictObject({
  name: z.string().trim().min(4),
  policy: Id,
  asOf: IsoDate.optional(),
  profile: z.record(z.string(), z.unknown()),
  expect: z.array(Expectation).min(1),
  warnings: z.array(Id).optional(),
  noWarnings: z.array(Id).optional(),
});
type Scenario = z.output<typeof Scenario>;
type Expectation = z.output<typeof Expectation>;

interface Loaded {
  file: string;
  pending: boolean;
  scenario?: Scenario;
  error?: string;
}

function yamlFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch {
    return [];
  }
  return entries.filter((f) => f.endsWith('.yaml') || f.endsWith('.yml')).sort();
}

function loadScenario(rel: string): Loaded {
  const pending = rel.split(sep).some((part) => part.startsWith('_'));
  const file = join('tests', 'cases', rel);
  const doc = parseDocument(readFileSync(join(CASES, rel), 'utf8'), { prettyErrors: true });
  if (doc.errors.length > 0) return { file, pending, error: `YAML 无法解析：${doc.errors.map((e) => e.message.split('\n')[0]).join('；')}` };
  const parsed = Scenario.safeParse(doc.toJS());
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '（根）'}：${i.message}`).join('；');
    return { file, pending, error: `场景格式不对：${issues}` };
  }
  const folder = rel.split(sep)[pending ? 1 : 0];
  if (!pending && folder !== parsed.data.policy) {
    return { file, pending, error: `场景放在 tests/cases/${folder ?? ''}/ 下，但 policy 为 “${parsed.data.policy}”：应放在 tests/cases/${parsed.data.policy}/` };
  }
  return { file, pending, scenario: parsed.data };
}

const loaded = yamlFiles(CASES).map(loadScenario);
const active = loaded.filter((l) => !l.pending);

// Loaded once: a data problem fails every scenario with the loader's own message.
let corpus: ReturnType<typeof loadCorpus> | undefined;
let corpusError: string | undefined;
try {
  corpus = loadCorpus(join(ROOT, 'policies'), ROOT);
} catch (e) {
  corpusError = e instanceof Error ? e.message : String(e);
}
const registry = corpus ? fieldRegistry(corpus) : undefined;

/** The reasons as indented lines, for failure messages. */
function describeReasons(reasons: readonly Reason[], indent = '    '): string {
  const lines: string[] = [];
  const walk = (r: Reason, pad: string) => {
    const value = r.value === undefined ? '' : ` 值=${JSON.stringify(r.value)}`;
    const field = r.field ? ` [${r.field}${value}]` : '';
    const threshold = r.threshold ? ` 要求 ${r.threshold}` : '';
    lines.push(`${pad}${r.status.padEnd(7)} ${r.scope === 'policy' ? 'policy:' : ''}${r.criterion}${field}${threshold} — ${r.label}`);
    for (const i of r.items ?? []) walk(i, pad + '  ');
  };
  for (const r of reasons) walk(r, indent);
  return lines.join('\n');
}

const sorted = (xs: readonly string[]) => [...xs].sort();
const sameSet = (a: readonly string[], b: readonly string[]) => JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));

/** Every mismatch between one expectation and the engine's result. */
function mismatches(e: Expectation, r: DirectionResult): string[] {
  const out: string[] = [];
  const cmp = (what: string, expected: unknown, got: unknown) => out.push(`${what}：期望 ${JSON.stringify(expected)}，实际 ${JSON.stringify(got)}`);
  if (r.verdict !== e.verdict) cmp('verdict', e.verdict, r.verdict);
  if (e.maxSupportWan !== undefined && r.maxSupportWan !== e.maxSupportWan) cmp('maxSupportWan', e.maxSupportWan, r.maxSupportWan);
  if (e.supportBasis !== undefined && r.supportBasis !== e.supportBasis) cmp('supportBasis', e.supportBasis, r.supportBasis);
  if (e.met !== undefined && r.met !== e.met) cmp('met', e.met, r.met);
  if (e.of !== undefined && r.of !== e.of) cmp('of', e.of, r.of);
  if (e.unmet !== undefined) {
    const got = r.reasons.filter((x) => x.status === 'unmet').map((x) => x.criterion);
    if (!sameSet(got, e.unmet)) cmp('unmet（未满足的条件）', sorted(e.unmet), sorted(got));
  }
  if (e.unknownFields !== undefined && !sameSet(r.decidingFields, e.unknownFields)) cmp('unknownFields（待回答的字段）', sorted(e.unknownFields), sorted(r.decidingFields));
  if (e.confirm !== undefined) {
    const missing = e.confirm.filter((c) => !r.confirm.includes(c));
    if (missing.length > 0) cmp('confirm（待人工确认）应包含', e.confirm, r.confirm);
  }
  for (const w of e.working ?? []) {
    if (!r.supportWorking.some((s) => s.text.includes(w))) cmp('supportWorking 应含', w, r.supportWorking.map((s) => s.text));
  }
  return out;
}

function check(l: Loaded & { scenario: Scenario }): void {
  const s = l.scenario;
  const where = `${l.file}（${s.name}）`;
  if (!corpus || !registry) throw new Error(`${where}：政策数据未能加载：${corpusError ?? ''}`);
  const policy = corpus.policies.find((p) => p.id === s.policy);
  if (!policy) throw new Error(`${where}：没有 id 为 “${s.policy}” 的政策（现有：${corpus.policies.map((p) => p.id).join('、')}）`);
  const checked = validateProfile(s.profile, registry);
  if (!checked.ok) throw new Error(`${where}：profile 无法通过输入校验：\n  ${checked.errors.map((e) => e.message).join('\n  ')}`);
  const out: Evaluation = evaluateProfile(corpus, checked.profile, { policy: s.policy, ...(s.asOf !== undefined ? { asOf: s.asOf } : {}) });
  const failures: string[] = [];
  for (const e of s.expect) {
    const r = out.results.find((x) => x.direction === e.direction);
    if (!r) {
      failures.push(`方向 “${e.direction}” 不在 ${s.policy} 中（现有：${policy.directions.map((d) => d.id).join('、')}）`);
      continue;
    }
    const m = mismatches(e, r);
    if (m.length > 0) {
      failures.push(
        [
          `方向 ${e.direction}（${r.name}），按 ${r.asOf ?? '无日期'} 判断：`,
          ...m.map((x) => `  - ${x}`),
          `  引擎结论 ${r.verdict}（满足 ${r.met}/${r.of}），理由：`,
          describeReasons(r.reasons),
          `  资金测算：${r.supportWorking.map((x) => x.text).join(' → ')}`,
        ].join('\n'),
      );
    }
  }
  const fired = out.warnings.map((w) => w.rule);
  const missing = (s.warnings ?? []).filter((w) => !fired.includes(w));
  if (missing.length > 0) failures.push(`组合规则提示：期望出现 ${JSON.stringify(missing)}，实际出现 ${JSON.stringify(fired)}`);
  const unwanted = (s.noWarnings ?? []).filter((w) => fired.includes(w));
  if (unwanted.length > 0) {
    const detail = out.warnings.filter((w) => unwanted.includes(w.rule)).map((w) => `${w.rule} ← ${w.directions.join('、')}`);
    failures.push(`组合规则提示：不应出现 ${JSON.stringify(unwanted)}，实际出现（${detail.join('；')}）`);
  }
  if (failures.length > 0) throw new Error(`${where}\n${failures.join('\n')}`);
}

describe('scenarios (tests/cases/**)', () => {
  for (const l of active) {
    const title = l.scenario ? `${relative('tests/cases', l.file)} — ${l.scenario.name}` : relative('tests/cases', l.file);
    if (!l.scenario) {
      it(title, () => {
        throw new Error(`${l.file}：${l.error ?? ''}`);
      });
      continue;
    }
    const s = l.scenario;
    it(title, () => check({ ...l, scenario: s }));
  }

  for (const l of loaded.filter((x) => x.pending)) {
    it.skip(`待定 ${relative('tests/cases', l.file)}${l.scenario ? ` — ${l.scenario.name}` : ''}`, () => {});
  }

  it(`has at least ${MIN_TOTAL} scenarios, and at least ${MIN_PER_FUNDING_POLICY} for each funding call`, () => {
    expect(active.length, `tests/cases 下只有 ${active.length} 个场景`).toBeGreaterThanOrEqual(MIN_TOTAL);
    expect(corpus, corpusError).toBeDefined();
    const counts = new Map<string, number>();
    for (const l of active) if (l.scenario) counts.set(l.scenario.policy, (counts.get(l.scenario.policy) ?? 0) + 1);
    for (const p of corpus?.policies ?? []) {
      if (p.kind !== 'funding-call') continue;
      expect(counts.get(p.id) ?? 0, `${p.id} 只有 ${counts.get(p.id) ?? 0} 个场景`).toBeGreaterThanOrEqual(MIN_PER_FUNDING_POLICY);
    }
  });
});
