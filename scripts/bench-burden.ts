/**
 * Question burden: how many questions the self-check asks before every direction in scope is settled.
 *
 * Every scenario in tests/cases/ and every firm profile in tests/burden/firms.yaml goes through the
 * planner (src/self-check/logic/planner.ts) as a person would: the screening answered from the profile,
 * then each question the planner asks answered from it, or 不确定 where the profile is silent. Scopes:
 * the whole corpus, the profile's province, and each funding call of that province (a scenario: its
 * own policy). Questions are counted as the person sees them: the screening as one per screening field,
 * one for the situations and one for the declarations; a checklist of yes/no questions as one, plus one
 * for its second list (“其中哪些拿不准？”) when the profile is silent on an item (src/self-check/logic/simulate.ts).
 *
 * “Before” is the questionnaire this planner replaced, which asked every question its scope's directions
 * read, whatever the answers (src/self-check/logic/scope.ts questionsFor).
 *
 * Also checked: every direction the walk settles as eligible or ineligible has the verdict the engine
 * gives for the whole profile (a walk may stop early, never conclude differently).
 *
 * Usage: npm run bench:burden
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { getCorpus } from '../src/lib/corpus.ts';
import { evaluate, keyOf, plan } from '../src/self-check/logic/planner.ts';
import { parseScope, questionsFor, registryOf, type Scope } from '../src/self-check/logic/scope.ts';
import { walk } from '../src/self-check/logic/simulate.ts';
import type { Answers, IslandData } from '../src/self-check/logic/types.ts';
import { selfCheckData } from '../src/self-check/build/island.ts';
import { header, median, Reporter } from './bench/report.ts';

export interface BurdenProfile {
  name: string;
  /** The policy of a scenario; undefined for a firm (all its province's funding calls). */
  policy?: string;
  province: string;
  answers: Answers;
}

/** A YAML value as typed in the questionnaire: 是/否, numbers as digits, lists joined with 、. */
export function rawOf(v: unknown): string {
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (Array.isArray(v)) return v.map(rawOf).join('、');
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}

export function loadProfiles(data: IslandData): BurdenProfile[] {
  const out: BurdenProfile[] = [];
  const provinceOf = (policy: string) => data.policies.find((p) => p.id === policy)?.province ?? '';
  for (const dir of readdirSync('tests/cases')) {
    for (const file of readdirSync(join('tests/cases', dir)).filter((f) => f.endsWith('.yaml'))) {
      const s = parse(readFileSync(join('tests/cases', dir, file), 'utf8')) as { name: string; policy: string; profile?: Record<string, unknown> };
      const answers = Object.fromEntries(Object.entries(s.profile ?? {}).map(([k, v]) => [k, rawOf(v)]));
      out.push({ name: s.name, policy: s.policy, province: provinceOf(s.policy), answers });
    }
  }
  const firms = parse(readFileSync('tests/burden/firms.yaml', 'utf8')) as { firms: Array<{ name: string; province: string; answers: Record<string, unknown> }> };
  for (const f of firms.firms) out.push({ name: f.name, province: f.province, answers: Object.fromEntries(Object.entries(f.answers).map(([k, v]) => [k, rawOf(v)])) });
  return out;
}

export interface BurdenRow {
  profile: string;
  scopeKey: string;
  scopeKind: 'all' | 'province' | 'policy';
  asked: number;
  before: number;
  /** Directions settled as eligible/ineligible with another verdict than the whole profile gives. */
  contradictions: string[];
}

export function measure(data: IslandData, profiles: readonly BurdenProfile[]): BurdenRow[] {
  const registry = registryOf(data.fields, data.policies);
  const rows: BurdenRow[] = [];
  const funding = data.policies.filter((p) => p.kind === 'funding-call');
  for (const prof of profiles) {
    const scopes: Array<[string, BurdenRow['scopeKind']]> = [
      ['all', 'all'],
      [`province:${prof.province}`, 'province'],
      ...(prof.policy ? [prof.policy] : funding.filter((p) => p.province === prof.province).map((p) => p.id)).map((id): [string, BurdenRow['scopeKind']] => [`policy:${id}`, 'policy']),
    ];
    for (const [key, kind] of scopes) {
      const scope = parseScope(key, data) as Scope;
      const w = walk(scope, key, data, prof.answers);
      // The complete answers: the profile, plus what the walk answered for it (the declarations left unticked).
      const full = evaluate(plan(scope, data), { scope: key, answers: { ...w.state.answers, ...prof.answers }, topics: null, asOf: null }).results;
      const fullBy = new Map(full.map((r) => [keyOf(r), r.verdict]));
      const contradictions = evaluate(w.plan, w.state)
        .results.filter((r) => (r.verdict === 'eligible' || r.verdict === 'ineligible') && fullBy.get(keyOf(r)) !== r.verdict)
        .map((r) => `${keyOf(r)}: ${r.verdict} ≠ ${fullBy.get(keyOf(r))}`);
      rows.push({ profile: prof.name, scopeKey: key, scopeKind: kind, asked: w.asked.length, before: questionsFor(w.plan.refs, registry).length, contradictions });
    }
  }
  return rows;
}

function main(): number {
  const r = new Reporter('bench-burden');
  header('自查问题负担（每个情景和企业档案走一遍问卷，未载明处答“不确定”）');
  const data = selfCheckData(getCorpus());
  const profiles = loadProfiles(data);
  const rows = measure(data, profiles);
  const stats = (sel: BurdenRow[]) => ({ n: sel.length, med: median(sel.map((x) => x.asked)), max: Math.max(...sel.map((x) => x.asked)), before: median(sel.map((x) => x.before)) });
  const line = (label: string, sel: BurdenRow[], budget?: number) => {
    const s = stats(sel);
    r.add({
      label: `问题数（${label}，${s.n} 次）`,
      value: `中位数 ${s.med}，最多 ${s.max}（改前：${s.before}）`,
      budget: budget === undefined ? '—' : `中位数 ≤ ${budget}`,
      met: budget === undefined ? null : s.med <= budget,
    });
  };
  console.log(`  档案：${profiles.length} 个（${profiles.filter((p) => p.policy).length} 个情景，${profiles.filter((p) => !p.policy).length} 个企业档案）`);
  line('全部政策', rows.filter((x) => x.scopeKind === 'all'), 15);
  for (const prov of [...new Set(data.policies.map((p) => p.province))]) line(`${prov}全部`, rows.filter((x) => x.scopeKey === `province:${prov}`));
  line('单份政策（合计）', rows.filter((x) => x.scopeKind === 'policy'), 10);
  for (const p of data.policies.filter((x) => x.kind === 'funding-call')) {
    const sel = rows.filter((x) => x.scopeKey === `policy:${p.id}`);
    if (sel.length > 0) line(`单份政策：${p.shortTitle}`, sel, 10);
  }
  const firms = new Set(profiles.filter((p) => !p.policy).map((p) => p.name));
  line('企业档案，全部政策', rows.filter((x) => x.scopeKind === 'all' && firms.has(x.profile)));
  const contradictions = rows.flatMap((x) => x.contradictions.map((c) => `${x.profile} · ${x.scopeKey} · ${c}`));
  r.add({ label: '提前结束的判断与完整档案不一致', value: `${contradictions.length} 处`, budget: '0', met: contradictions.length === 0 });
  contradictions.slice(0, 10).forEach((c) => console.log(`    ${c}`));
  if (process.argv.includes('--verbose')) for (const x of rows) console.log(`    ${x.asked}\t${x.before}\t${x.scopeKey}\t${x.profile}`);
  return r.finish();
}

if (process.argv[1]?.endsWith('bench-burden.ts')) process.exitCode = main();
