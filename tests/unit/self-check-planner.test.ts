/**
 * The questionnaire's state machine without a browser: plan → screening → next question → results, on
 * the real corpus. Which question comes next, what it is for, what a steel firm is never asked, a
 * direction scope asking only its own questions, and the summary rows (order, gaps, notes, rounds).
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCorpusUnchecked } from '../../src/data/load.ts';
import { selfCheckData } from '../../src/self-check/build/island.ts';
import { assess, CHECKLIST_MAX, checklistAnswers, EMPTY, evaluate, keyOf, next, nextQuestion, plan, purposeText, reduce, type QuestionnaireState } from '../../src/self-check/logic/planner.ts';
import { parseScope, scopeKey } from '../../src/self-check/logic/scope.ts';
import { walk } from '../../src/self-check/logic/simulate.ts';
import { gapText, notices, roundLines, summaryRows } from '../../src/self-check/logic/summary.ts';
import { decodeCompact, decodeShare, encodeCompact, resolveCompact, shortKey } from '../../src/self-check/logic/share.ts';
import { registryOf } from '../../src/self-check/logic/scope.ts';
import { selfCheckUrl } from '../../src/model/routes.ts';
import { applicableCriteria, fieldsOf } from '../../src/model/criteria.ts';

const { corpus } = loadCorpusUnchecked(fileURLToPath(new URL('../../policies', import.meta.url)), fileURLToPath(new URL('../..', import.meta.url)));
const data = selfCheckData(corpus);
const scopeOf = (key: string) => parseScope(key, data)!;

const STEEL = {
  province: '山西', industry: '钢铁', legalEntity: '是', creditBlacklisted: '否', otherProvincialFunding: '否', seriousSafetyAccident2024: '否', manufacturing: '是',
  sx26EnergyKeyField: '是', sx26EnergyBenchmarkNew: '是', revenue2023Wan: '800000', revenue2024Wan: '850000',
};

describe('reduce', () => {
  it('keeps answers across a new scope but asks the screening again; clear empties everything', () => {
    let s: QuestionnaireState = reduce(EMPTY, { type: 'scope', scope: 'all' });
    s = reduce(s, { type: 'screening', answers: { province: '山西' }, topics: ['兼并重组（并购）'] });
    s = reduce(s, { type: 'answer', field: 'legalEntity', raw: '是' });
    expect(s).toEqual({ scope: 'all', answers: { province: '山西', legalEntity: '是' }, topics: ['兼并重组（并购）'], asOf: null });
    const moved = reduce(s, { type: 'scope', scope: 'province:山西' });
    expect(moved.answers).toEqual(s.answers);
    expect(moved.topics).toBeNull();
    expect(reduce(s, { type: 'answer', field: 'legalEntity', raw: ' ' }).answers).toEqual({ province: '山西' });
    expect(reduce(s, { type: 'clear' })).toEqual(EMPTY);
  });
});

describe('plan and next', () => {
  it('starts with the scope, then one screening page whose options come from the fields in scope', () => {
    expect(next(null, EMPTY).kind).toBe('scope');
    const p = plan(scopeOf('all'), data);
    const step = next(p, reduce(EMPTY, { type: 'scope', scope: 'all' }));
    expect(step.kind).toBe('screening');
    if (step.kind !== 'screening') return;
    expect(step.fields.map((f) => f.id)).toEqual(expect.arrayContaining(['province', 'jsRegisteredInJiangsu', 'industry']));
    // Every option is the topic of a field some direction in scope reads, and names those directions.
    for (const t of step.topics) {
      expect(t.fields.every((id) => p.registry.get(id)?.topic === t.label)).toBe(true);
      for (const key of t.directions) {
        const r = p.refs.find((x) => keyOf(x) === key)!;
        expect([...p.reads.get(key)!].some((id) => t.fields.includes(id))).toBe(true);
        expect(r).toBeDefined();
      }
    }
    expect(step.topics.map((t) => t.label)).toContain('药品或医疗器械注册');
    expect(step.declarations.map((f) => f.id)).toEqual(expect.arrayContaining(['creditBlacklisted', 'jsMajorAccident3Years']));
  });

  it('asks next the open question shared by the most unsettled directions, and says what it is for', () => {
    const p = plan(scopeOf('policy:jiangsu-2023-fund-guide'), data);
    let s = reduce(EMPTY, { type: 'scope', scope: 'policy:jiangsu-2023-fund-guide' });
    s = reduce(s, { type: 'screening', answers: { province: '江苏', jsRegisteredInJiangsu: '是' }, topics: ['省级（含）以上智能制造示范工厂'] });
    const a = assess(p, s);
    const q = nextQuestion(p, a)!;
    const counts = new Map<string, number>();
    for (const pr of a.progress.values()) if (pr.state === 'open') pr.fields.forEach((id) => counts.set(id, (counts.get(id) ?? 0) + 1));
    expect(q.forDirections.length).toBe(Math.max(...counts.values()));
    expect(counts.get(q.field.id)).toBe(q.forDirections.length);
    expect(purposeText(p, q)).toMatch(/^用于判断：.+等 \d+ 个方向$/);
  });

  it('a failed direction asks nothing more; an unticked situation is never asked about', () => {
    const p = plan(scopeOf('policy:shanxi-2026-item-type'), data);
    let s = reduce(EMPTY, { type: 'scope', scope: 'policy:shanxi-2026-item-type' });
    s = reduce(s, { type: 'screening', answers: { province: '山西' }, topics: [] });
    s = reduce(s, { type: 'answer', field: 'legalEntity', raw: '否' });
    // Not a legal entity: every direction fails on a common condition, nothing is left to ask.
    expect(next(p, s).kind).toBe('results');
    const a = assess(p, s);
    expect([...a.progress.values()].every((x) => x.state === 'decided' || x.state === 'screened-out')).toBe(true);
  });

  it('a Shanxi steel firm is never asked about drugs, medical devices or software revenue, in any scope', () => {
    for (const key of ['all', 'province:山西', 'policy:shanxi-2026-item-type']) {
      const w = walk(scopeOf(key), key, data, STEEL);
      const topics = w.asked.map((id) => w.plan.registry.get(id)?.topic);
      expect(topics, key).not.toContain('药品或医疗器械注册');
      expect(topics, key).not.toContain('软件和信息技术服务企业');
      expect(w.asked.some((id) => /Drug|Device|Clinical|Software/.test(id)), key).toBe(false);
      expect(w.asked.length, key).toBeLessThanOrEqual(20);
    }
  });

  it('a direction scope (自查本方向) asks only what that direction reads', () => {
    const url = selfCheckUrl({ policy: 'jiangsu-2023-fund-guide', direction: 'smart-factory' });
    const key = decodeURIComponent(url.split('scope=')[1]!);
    expect(key).toBe('direction:jiangsu-2023-fund-guide/smart-factory');
    const scope = scopeOf(key);
    expect(scopeKey(scope)).toBe(key);
    const w = walk(scope, key, data, { province: '江苏' });
    const policy = data.policies.find((x) => x.id === 'jiangsu-2023-fund-guide')!;
    const direction = policy.directions.find((d) => d.id === 'smart-factory')!;
    const reads = fieldsOf(applicableCriteria(policy, direction));
    expect(w.asked.filter((id) => !id.startsWith('#')).every((id) => reads.has(id))).toBe(true);
    expect(w.asked).not.toContain('#topics');
  });
});

describe('checklists of yes/no questions', () => {
  const key = 'policy:jiangsu-2023-fund-guide';
  const p = plan(scopeOf(key), data);
  let screened = reduce(EMPTY, { type: 'scope', scope: key });
  screened = reduce(screened, { type: 'screening', answers: { jsRegisteredInJiangsu: '是', jsSeriousDishonesty3Years: '否', jsMajorAccident3Years: '否', jsJsgxtBarred: '否' }, topics: ['省级（含）以上智能制造示范工厂'] });

  it('asks the open yes/no questions together when the most useful question is a yes/no one, most shared first', () => {
    const a = assess(p, screened);
    const top = nextQuestion(p, a)!;
    expect(top.field.type).toBe('boolean');
    const step = next(p, screened);
    expect(step.kind).toBe('checklist');
    if (step.kind !== 'checklist') return;
    const items = step.checklist.fields;
    expect(items[0]!.id).toBe(top.field.id);
    expect(items.length).toBeGreaterThanOrEqual(2);
    expect(items.length).toBeLessThanOrEqual(CHECKLIST_MAX);
    // Every item is an open yes/no question; none is left out that is shared more than one that is in.
    const votes = new Map<string, number>();
    for (const pr of a.progress.values()) if (pr.state === 'open') pr.fields.forEach((id) => votes.set(id, (votes.get(id) ?? 0) + 1));
    const open = [...votes.keys()].filter((id) => p.registry.get(id)!.type === 'boolean');
    expect(items.every((f) => f.type === 'boolean' && open.includes(f.id))).toBe(true);
    const counts = items.map((f) => votes.get(f.id)!);
    expect(counts).toEqual([...counts].sort((x, y) => y - x));
    const left = open.filter((id) => !items.some((f) => f.id === id));
    for (const id of left) expect(votes.get(id)!).toBeLessThanOrEqual(counts.at(-1)!);
    expect(items.map((f) => f.id)).toEqual(expect.arrayContaining(['legalEntity', 'procedureComplete', 'jsAcceptedByRecommender']));
    // What it is for: every direction one of its items can still settle, in corpus order.
    const served = new Set(items.flatMap((f) => [...a.progress].filter(([, pr]) => pr.state === 'open' && pr.fields.includes(f.id)).map(([k]) => k)));
    expect(step.checklist.forDirections).toEqual(p.refs.map(keyOf).filter((k) => served.has(k)));
    expect(purposeText(p, step.checklist)).toMatch(/^用于判断：/);
  });

  it('ticked is 是, unticked 否, a doubt 不确定 whatever was ticked; answering it asks none of its items again', () => {
    const step = next(p, screened);
    if (step.kind !== 'checklist') throw new Error('expected a checklist');
    const [first, second, third] = step.checklist.fields.map((f) => f.id);
    const answers = checklistAnswers(step.checklist, new Set([first!, second!]), new Set([second!, third!]));
    expect(answers[first!]).toBe('是');
    expect(answers[second!]).toBe('unknown');
    expect(answers[third!]).toBe('unknown');
    expect(Object.keys(answers).sort()).toEqual(step.checklist.fields.map((f) => f.id).sort());
    expect(Object.entries(answers).filter(([id]) => ![first, second, third].includes(id)).every(([, v]) => v === '否')).toBe(true);
    const after = reduce(screened, { type: 'answers', answers });
    expect(after.answers).toMatchObject(answers);
    expect(after.topics).toEqual(screened.topics);
    const then = next(p, after);
    const asked = then.kind === 'checklist' ? then.checklist.fields.map((f) => f.id) : then.kind === 'question' ? [then.question.field.id] : [];
    expect(asked.some((id) => Object.hasOwn(answers, id))).toBe(false);
    // An empty answer removes it again.
    expect(Object.hasOwn(reduce(after, { type: 'answers', answers: { [first!]: '' } }).answers, first!)).toBe(false);
  });

  it('a checklist answered as the profile says gives the verdicts of the same answers given one by one', () => {
    const profile = { jsRegisteredInJiangsu: '是', legalEntity: '是', jsOperatingYearsBy20220630: '5', jsSeriousDishonesty3Years: '否', jsMajorAccident3Years: '否', jsJsgxtBarred: '否', aboveScale: '是', jsProvincialSmartFactory: '是', procedureComplete: '是', jsProjectPeriodYears: '2', completionDate: '2022-03-31', jsAcceptedByRecommender: '是', totalInvestmentWan: '12000', jsSoftwareCloudInvestmentWan: '3500', projectCompleted: '是', jsConstructionStarted: '是', jsRdTypeProject: '否' };
    const w = walk(scopeOf(key), key, data, profile);
    expect(w.asked).toContain('#checklist');
    // Sure of every item it was shown: no second list.
    expect(w.asked).not.toContain('#checklist-unsure');
    const byWalk = evaluate(w.plan, w.state).results;
    const full = new Map(evaluate(w.plan, { ...w.state, answers: { ...w.state.answers, ...profile } }).results.map((r) => [keyOf(r), r.verdict]));
    for (const r of byWalk) if (r.verdict !== 'unknown') expect(r.verdict, keyOf(r)).toBe(full.get(keyOf(r)));
    expect(byWalk.find((r) => r.direction === 'smart-factory')?.verdict).toBe('eligible');
    // The questions asked on their own pages are never yes/no ones (those came on the checklist).
    const own = w.asked.filter((id) => !id.startsWith('#') && !w.plan.screening.some((f) => f.id === id));
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((id) => w.plan.registry.get(id)!.type !== 'boolean')).toBe(true);
  });

  it('a profile silent on an item ticks it on the second list: 不确定, one more question, never a guess', () => {
    const profile = { jsRegisteredInJiangsu: '是', legalEntity: '是', jsOperatingYearsBy20220630: '5', jsProvincialSmartFactory: '是', totalInvestmentWan: '12000' };
    const w = walk(scopeOf(key), key, data, profile);
    expect(w.asked.filter((id) => id === '#checklist-unsure').length).toBe(w.asked.filter((id) => id === '#checklist').length);
    expect(w.state.answers.procedureComplete).toBe('unknown');
    expect(w.state.answers.legalEntity).toBe('是');
    expect(evaluate(w.plan, w.state).results.find((r) => r.direction === 'smart-factory')?.verdict).toBe('unknown');
  });
});

describe('the declarations list', () => {
  it('unticked is 否; one a profile is unsure of goes on the second list as 不确定, one more question', () => {
    const key = 'policy:jiangsu-2023-fund-guide';
    const sure = walk(scopeOf(key), key, data, { jsRegisteredInJiangsu: '是', legalEntity: '是' });
    expect(sure.asked).toContain('#declarations');
    expect(sure.asked).not.toContain('#declarations-unsure');
    for (const f of sure.plan.declarations) expect(sure.state.answers[f.id], f.id).toBe('否');
    const unsure = walk(scopeOf(key), key, data, { jsRegisteredInJiangsu: '是', legalEntity: '是', jsMajorAccident3Years: '不清楚' });
    expect(unsure.asked.filter((id) => id.startsWith('#declarations'))).toEqual(['#declarations', '#declarations-unsure']);
    expect(unsure.state.answers.jsMajorAccident3Years).toBe('unknown');
    expect(unsure.state.answers.jsSeriousDishonesty3Years).toBe('否');
    // Never asked again one by one.
    expect(unsure.asked.filter((id) => sure.plan.declarations.some((f) => f.id === id))).toEqual([]);
  });
});

describe('summary', () => {
  it('orders eligible, unknown, screened out, ineligible; gives gaps, notes, rounds and phones', () => {
    const key = 'policy:jiangsu-2023-fund-guide';
    const p = plan(scopeOf(key), data);
    const answers = { province: '江苏', jsRegisteredInJiangsu: '是', legalEntity: '是', jsOperatingYearsBy20220630: '5', jsSeriousDishonesty3Years: '否', jsMajorAccident3Years: '否', jsJsgxtBarred: '否', aboveScale: '是', jsProvincialSmartFactory: '是', procedureComplete: '是', jsProjectPeriodYears: '2', completionDate: '2022-03-31', jsAcceptedByRecommender: '是', totalInvestmentWan: '2500', jsSoftwareCloudInvestmentWan: '350' };
    const s: QuestionnaireState = { scope: key, answers, topics: ['省级（含）以上智能制造示范工厂'], asOf: null };
    const a = assess(p, s);
    const rows = summaryRows(p, a, '2026-12-07');
    const order = ['eligible', 'unknown', 'screened-out', 'ineligible', 'guidance'];
    expect(rows.map((r) => order.indexOf(r.group))).toEqual([...rows.map((r) => order.indexOf(r.group))].sort((x, y) => x - y));
    const smart = rows.find((r) => r.key === 'jiangsu-2023-fund-guide/smart-factory')!;
    expect(smart.group).toBe('ineligible');
    expect(smart.gaps[0]).toMatchObject({ value: 2500, threshold: 3000, gap: 500 });
    expect(smart.note).toBe(gapText(smart.gaps[0]!));
    expect(smart.note).toMatch(/2500万元，需 3000万元以上/);
    expect(smart.contact?.phone).toMatch(/^025-/);
    expect(smart.checklistUrl).toBe('/policies/jiangsu-2023-fund-guide/directions/smart-factory/checklist/');
    const unknown = rows.find((r) => r.group === 'unknown');
    if (unknown) expect(unknown.note).toMatch(/^还需回答：|具体方案|须人工确认/);
    // Jiangsu prints no deadline: the line says so, and never judges by today.
    const [line] = roundLines(p, a, '2026-12-07', null);
    expect(line!.text).toContain('原文未载明申报截止日期');
    expect(line!.text).not.toContain('2026-12-07');
    // Notices only among directions still in play, each naming at least two.
    for (const w of notices(p, a)) {
      expect(w.directions.length).toBeGreaterThanOrEqual(2);
      for (const d of w.directions) expect(['eligible', 'unknown']).toContain(rows.find((r) => r.key === `${w.policy}/${d}`)!.group);
    }
  });

  it('names only the calls with a direction still in play; every call when none is', () => {
    const p = plan(scopeOf('all'), data);
    const steel = assess(p, { scope: 'all', answers: { ...STEEL, jsRegisteredInJiangsu: '否' }, topics: ['节能降碳（能效标杆、碳排放管理）', '营业收入较上年增长'], asOf: null });
    const calls = data.policies.filter((x) => x.kind === 'funding-call').map((x) => x.id);
    const shown = roundLines(p, steel, '2026-12-07', null).map((l) => l.policy.id);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown).not.toContain('jiangsu-2023-fund-guide');
    expect(steel.results.filter((r) => r.policy === 'jiangsu-2023-fund-guide').every((r) => r.verdict === 'ineligible')).toBe(true);
    for (const id of shown) expect(steel.results.some((r) => r.policy === id && (r.verdict === 'eligible' || r.verdict === 'unknown'))).toBe(true);
    // Nothing in play (not a legal entity, outside both provinces): the reader still learns each call's round.
    const none = assess(p, { scope: 'all', answers: { province: '其他', jsRegisteredInJiangsu: '否', legalEntity: '否' }, topics: [], asOf: null });
    expect(none.results.some((r) => r.verdict === 'eligible' || r.verdict === 'unknown')).toBe(false);
    expect(roundLines(p, none, '2026-12-07', null).map((l) => l.policy.id)).toEqual(calls);
  });

  it('a closed round says so, with the deadline', () => {
    const key = 'policy:shanxi-2023-tech-retrofit';
    const p = plan(scopeOf(key), data);
    const a = assess(p, { scope: key, answers: {}, topics: [], asOf: null });
    expect(roundLines(p, a, '2026-12-07', null)[0]!.text).toContain('本轮已于 2023-11-10 截止；结果可作为下一轮申报的参考');
  });
});

describe('share links', () => {
  it('a typical profile fits a compact link under 500 characters and comes back whole; damage gives null', async () => {
    const state = { scope: 'all', answers: { ...STEEL, totalInvestmentWan: '25000', completionDate: '2023-06-30', unknownOne: 'unknown' }, topics: ['节能降碳（能效标杆、碳排放管理）', '营业收入较上年增长'], asOf: null };
    const z = await encodeCompact(state);
    expect(`http://127.0.0.1:4321/self-check/?z=${z}`.length).toBeLessThanOrEqual(500);
    const p = plan(scopeOf('all'), data);
    expect(resolveCompact((await decodeCompact(z))!, [...p.registry.keys(), 'unknownOne'], p.topics.map((t) => t.label))).toEqual(state);
    expect(await decodeCompact(z.slice(0, 20))).toBeNull();
    expect(await decodeCompact('!!')).toBeNull();
    expect(decodeShare('not-a-link')).toBeNull();
  });
});

describe('compact link keys', () => {
  it('no two fields, and no two situations, share a key', () => {
    const ids = [...registryOf(data.fields, data.policies).keys()];
    expect(new Set(ids.map(shortKey)).size).toBe(ids.length);
    const topics = [...new Set(ids.map((id) => registryOf(data.fields, data.policies).get(id)!.topic).filter(Boolean))] as string[];
    expect(new Set(topics.map(shortKey)).size).toBe(topics.length);
  });
});
