/**
 * 10,000 random and hostile profiles against the real corpus (loaded without the integrity gate, so
 * the engine is exercised even while data is being written). Each profile goes straight into the
 * engine (it must tolerate anything) and through the boundary validation (which must refuse cleanly
 * or yield a profile the engine evaluates). Every result must be well-formed, and “eligible” must
 * never be given with an unmet or unknown evaluable criterion.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCorpusUnchecked, type Corpus } from '../../src/data/load.ts';
import { compileCorpus, evaluateProfile, fieldRegistry, openNeeded, type Evaluation, type EvaluateOptions } from '../../src/engine/index.ts';
import { validateProfile } from '../../src/engine/profile.ts';
import type { Criterion, Field } from '../../src/schemas/index.ts';
import { prng } from '../../scripts/lib/prng.ts';

const PROFILES = 10_000;
const { corpus } = loadCorpusUnchecked(fileURLToPath(new URL('../../policies', import.meta.url)), fileURLToPath(new URL('../..', import.meta.url)));
const registry = fieldRegistry(corpus);
const fields = [...registry.values()];

const rand = prng(20231110);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

function walk(list: readonly Criterion[], fn: (c: Criterion) => void) {
  for (const c of list) {
    fn(c);
    if (c.kind === 'all' || c.kind === 'any') walk(c.items, fn);
    if (c.kind === 'not') walk([c.item], fn);
  }
}

// Values near every threshold and window end in the corpus, so boundaries are actually hit.
const numbersFor = new Map<string, number[]>();
const datesFor: string[] = ['2018-11-10', '2018-11-09', '2023-11-10', '2024-02-29', '2020-01-01'];
for (const p of corpus.policies)
  for (const list of [p.eligibility, ...p.directions.map((d) => d.criteria)])
    walk(list, (c) => {
      if (c.kind === 'threshold') numbersFor.set(c.field, [...(numbersFor.get(c.field) ?? []), c.value, c.value - 0.01, c.value + 0.01]);
      if (c.kind === 'dateWindow') datesFor.push(...[c.from, c.to].filter((x): x is string => x !== undefined));
    });

const HOSTILE: unknown[] = [
  Number.NaN, Number.POSITIVE_INFINITY, -Infinity, -1, -0, 1e308, -1e308, 0, 1, 2 ** 53 + 1,
  '', ' ', '\u3000', 'NaN', '-1', '-3000万元', '1e309', '９'.repeat(400), '1'.repeat(5000), 'unknown', '不确定', 'UNKNOWN',
  null, undefined, true, false, {}, [], [null], [1, 2], ['钢铁', '钢铁'], { valueOf: 5 }, '__proto__', 'constructor',
  '2023-02-30', '0000-00-00', '9999-99-99', '2023-13-01', 'abc', '3000', '3,000', '３０００', '1.2亿元', '15%', '是', '否', '<script>',
];

function validValue(f: Field): unknown {
  switch (f.type) {
    case 'number': {
      const near = numbersFor.get(f.id);
      if (near && rand() < 0.6) return pick(near);
      const n = Math.round(rand() * 10 ** Math.floor(rand() * 7) * 100) / 100;
      return rand() < 0.2 ? `${n}${f.unit === '万元' ? pick(['万元', '万', '']) : ''}` : n;
    }
    case 'boolean':
      return rand() < 0.85 ? rand() < 0.5 : pick(['是', '否']);
    case 'choice': {
      if (!f.multiple) return pick(f.options);
      return f.options.filter(() => rand() < 0.3);
    }
    case 'date':
      return rand() < 0.5 ? pick(datesFor) : `${2010 + Math.floor(rand() * 16)}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
    case 'derived':
      return rand() * 100;
  }
}

/** Half the profiles are clean (valid answers and unknowns) so the validated path is well exercised; the rest are hostile. */
function randomProfile(): Record<string, unknown> {
  const hostile = rand() < 0.5;
  const profile: Record<string, unknown> = hostile && rand() < 0.1 ? (JSON.parse('{"__proto__": {"legalEntity": true}}') as Record<string, unknown>) : {};
  const density = rand();
  for (const f of fields) {
    if (f.type === 'derived' && !hostile) continue;
    if (rand() > density) continue;
    const r = rand();
    profile[f.id] = r < 0.75 ? validValue(f) : r < 0.9 || !hostile ? pick(['unknown', '不确定', null, '']) : pick(HOSTILE);
  }
  if (hostile && rand() < 0.2) profile[pick(['constructor', 'toString', 'hasOwnProperty', 'notAField'])] = pick(HOSTILE);
  return profile;
}

const policyIds = corpus.policies.map((p) => p.id);
function randomOptions(): EvaluateOptions {
  const o: EvaluateOptions = { today: '2025-06-01' };
  if (rand() < 0.3) o.asOf = pick(['2023-11-10', '2024-02-29', '2026-03-04', '2017-01-01']);
  if (rand() < 0.3) o.policy = pick([...policyIds, 'no-such-policy']);
  return o;
}

/** Top-level criterion ids each direction must report: policy criteria not excepted, then its own. */
const expectedIds = new Map<string, string>();
const guidance = new Map<string, boolean>();
for (const p of corpus.policies)
  for (const d of p.directions) {
    const key = `${p.id}/${d.id}`;
    const own = (list: readonly Criterion[]) => list.filter((c) => !c.exceptDirections?.includes(d.id)).map((c) => c.id);
    expectedIds.set(key, [...own(p.eligibility), ...own(d.criteria)].sort().join(','));
    guidance.set(key, p.kind !== 'funding-call' || d.guidanceOnly);
  }

const rulesById = new Map(corpus.policies.flatMap((p) => p.rules.map((r) => [`${p.id}/${r.id}`, r] as const)));

const STATUSES = new Set(['met', 'unmet', 'unknown', 'confirm']);

/** JSON would turn NaN and Infinity into null silently; no number in the output may be one. */
function assertFinite(node: unknown, path: string): void {
  if (typeof node === 'number') {
    if (!Number.isFinite(node)) throw new Error(`non-finite number at ${path}`);
  } else if (Array.isArray(node)) node.forEach((x, i) => assertFinite(x, `${path}[${i}]`));
  else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) assertFinite(v, `${path}.${k}`);
}
let deepChecks = 0;

/** Throws (with the profile) on the first broken invariant; counts verdicts. */
function check(out: Evaluation, profile: unknown, validated: Record<string, unknown> | undefined, tally: Record<string, number>): void {
  const fail = (why: string) => {
    throw new Error(`${why}\nprofile: ${JSON.stringify(profile)}`);
  };
  if (!Array.isArray(out.results) || !Array.isArray(out.warnings)) fail('results/warnings are not arrays');
  // The full walk and serialisation are costly; every 50th output is enough to catch a pattern.
  if (deepChecks++ % 50 === 0) {
    assertFinite(out, 'out');
    JSON.stringify(out);
  }
  for (const r of out.results) {
    const key = `${r.policy}/${r.direction}`;
    tally[r.verdict] = (tally[r.verdict] ?? 0) + 1;
    if (typeof r.name !== 'string' || r.name.length === 0) fail(`${key}: no name`);
    if ((r.verdict === 'guidance') !== guidance.get(key)) fail(`${key}: guidance verdict ${r.verdict}`);
    const ids = r.reasons.map((x) => x.criterion).sort().join(',');
    if (ids !== expectedIds.get(key)) fail(`${key}: reasons ${ids} ≠ criteria ${expectedIds.get(key)}`);
    let met = 0;
    let of = 0;
    if (!Number.isInteger(r.met) || !Number.isInteger(r.of)) fail(`${key}: counts not integers`);
    for (const x of r.reasons) {
      if (typeof x.value === 'number' && !Number.isFinite(x.value)) fail(`${key}: non-finite value`);
      if (!STATUSES.has(x.status)) fail(`${key}: status ${x.status}`);
      if (typeof x.quote !== 'string' || x.quote.length < 2 || typeof x.at !== 'string' || typeof x.label !== 'string') fail(`${key}: reason without citation`);
      if (x.status !== 'confirm') of++;
      if (x.status === 'met') met++;
    }
    if (r.met !== met || r.of !== of || !Number.isInteger(r.met)) fail(`${key}: met ${r.met}/${r.of}, counted ${met}/${of}`);
    const statuses = new Set(r.reasons.map((x) => x.status));
    if (r.verdict === 'eligible' && (statuses.has('unmet') || statuses.has('unknown'))) fail(`${key}: eligible with unmet/unknown`);
    if (r.verdict === 'ineligible' && r.reasons[0]?.status !== 'unmet') fail(`${key}: ineligible without unmet first`);
    if (r.verdict === 'unknown' && (statuses.has('unmet') || ((!statuses.has('unknown') || r.decidingFields.length === 0) && !r.schemeSeparately))) fail(`${key}: bad unknown`);
    if (r.verdict === 'eligible' && r.schemeSeparately) fail(`${key}: eligible although the scheme is announced separately`);
    for (const f of r.decidingFields) if (!registry.has(f)) fail(`${key}: deciding field ${f} not registered`);
    if (r.maxSupportWan !== null && !(r.maxSupportWan >= 0)) fail(`${key}: support ${r.maxSupportWan}`);
    if (r.verdict === 'guidance' && r.maxSupportWan !== null) fail(`${key}: guidance with money`);
    if (!r.supportWorking.every((s) => typeof s.text === 'string' && s.text.length > 0)) fail(`${key}: empty working step`);
    // An independent check of simple leaves on validated profiles (derived values aside).
    if (validated)
      for (const x of r.reasons) {
        const f = x.field !== undefined ? registry.get(x.field) : undefined;
        if (!f || f.type === 'derived') continue;
        const v = validated[f.id];
        const crit = x as { kind: string };
        if (crit.kind === 'boolean') {
          const want = typeof v === 'boolean' ? (x.threshold === (v ? '是' : '否') ? 'met' : 'unmet') : 'unknown';
          if (x.status !== want) fail(`${key}/${x.criterion}: boolean ${x.status}, expected ${want}`);
        }
        if (crit.kind === 'threshold' && (typeof v !== 'number') !== (x.status === 'unknown')) fail(`${key}/${x.criterion}: threshold status ${x.status} for ${JSON.stringify(v)}`);
      }
  }
  for (const w of out.warnings) {
    const rule = rulesById.get(`${w.policy}/${w.rule}`);
    if (!rule || w.directions.length < openNeeded(rule) || typeof w.quote !== 'string' || typeof w.at !== 'string') fail(`warning ${w.rule} malformed`);
    for (const d of w.directions) {
      const r = out.results.find((x) => x.policy === w.policy && x.direction === d);
      if (!r || (r.verdict !== 'eligible' && r.verdict !== 'unknown')) fail(`warning ${w.rule} names ${d} which is not open`);
    }
  }
}

describe('fuzz against the real corpus', { timeout: 300_000 }, () => {
  it('has a corpus to test against', () => {
    expect(corpus.policies.length).toBeGreaterThan(0);
    expect(corpus.policies.flatMap((p) => p.directions).length).toBeGreaterThan(0);
  });

  it(`survives ${PROFILES} random and hostile profiles with well-formed results`, () => {
    const compiled = compileCorpus(corpus as Corpus);
    const tally: Record<string, number> = {};
    let refused = 0;
    for (let i = 0; i < PROFILES; i++) {
      const profile = randomProfile();
      const options = randomOptions();
      check(evaluateProfile(compiled, profile, options), profile, undefined, tally);
      const v = validateProfile(profile, registry);
      if (v.ok) check(evaluateProfile(compiled, v.profile, options), profile, v.profile, tally);
      else {
        refused++;
        for (const e of v.errors) {
          expect(typeof e.message).toBe('string');
          expect(e.message).not.toMatch(/\n/);
          expect(e.message).toContain('应为');
          expect(e.message).toContain('实际为');
          if (e.field) expect(e.message).toContain(e.field);
        }
      }
    }
    // The generator must reach every path, or the invariants above prove little.
    expect(refused).toBeGreaterThan(PROFILES / 10);
    expect(refused).toBeLessThan(PROFILES * 0.75);
    for (const v of ['ineligible', 'unknown']) expect(tally[v] ?? 0).toBeGreaterThan(0);
    if (corpus.policies.some((p) => p.kind !== 'funding-call')) expect(tally.guidance ?? 0).toBeGreaterThan(0);
  });
});
