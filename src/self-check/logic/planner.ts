/**
 * The questionnaire as a state machine, in three pure functions (no DOM, no clock, no storage):
 *
 * - {@link plan}(scope, data): the directions in scope, the screening questions and the situations
 *   (“which of these apply to you”) they offer, all read from the data;
 * - {@link reduce}(state, event): the state after an answer, a scope, the screening, 清空…;
 * - {@link next}(plan, state): what to show now: the scope, the screening, one question, or the results.
 *
 * Which question comes next is decided by the engine itself: every direction it cannot settle yet
 * reports `decidingFields`; the next question is the open one shared by the most unsettled directions.
 * A direction that failed, whose answer is certain, or that cannot become eligible any more (a necessary
 * condition screened out or answered 不确定) asks nothing more.
 *
 * When that question is a yes/no one, the open yes/no questions are asked together as one checklist
 * (“以下哪些属实？”: ticked is 是, unticked 否), most shared first: a manager ticks what holds in one
 * look instead of paging through 是/否 after 是/否. Someone unsure of some items ticks them on a second
 * list on the same page (see {@link checklistAnswers}).
 */
import { compileCorpus, evaluateProfile, type CompiledCorpus } from '../../engine/index.ts';
import { allCriteria } from '../../model/criteria.ts';
import type { DirectionResult, Evaluation, Reason } from '../../engine/types.ts';
import type { Field } from '../../schemas/index.ts';
import { parseAnswers, type ParsedAnswers } from './answers.ts';
import { askedInputs, directionsInScope, fieldsReadBy, registryOf, type DirectionRef, type Scope } from './scope.ts';
import { UNKNOWN_ANSWER, type Answers, type IslandData, type SavedState } from './types.ts';

export type QuestionnaireState = Required<SavedState>;

export const EMPTY: QuestionnaireState = { scope: null, answers: {}, topics: null, asOf: null };

/** One option of the screening's “which of these apply to you”: a topic of the fields in scope. */
export interface TopicOption {
  label: string;
  /** Asked fields with this topic that some direction in scope reads. */
  fields: string[];
  /** Keys (`policy/direction`) of the directions in scope reading them. */
  directions: string[];
}

export interface Plan {
  scope: Scope;
  data: IslandData;
  compiled: CompiledCorpus;
  registry: Map<string, Field>;
  refs: DirectionRef[];
  /** `policy/direction` keys in scope. */
  keys: Set<string>;
  /** Asked fields each direction in scope reads (derived ones replaced by their inputs). */
  reads: Map<string, Set<string>>;
  /** Screening questions (fields marked `screen`) at least two directions in scope read, in registry order. */
  screening: Field[];
  /** The situations offered at the screening; empty when there are fewer than two (nothing to choose). */
  topics: TopicOption[];
  /**
   * Declarations asked together at the screening as “do any of these apply to you?”: yes/no questions a
   * policy's common conditions require to be 否 (失信、重大事故、已获其他省级资金…). Unticked means 否.
   */
  declarations: Field[];
}

export const keyOf = (r: { policy: string | { id: string }; direction: string | { id: string } }): string =>
  `${typeof r.policy === 'string' ? r.policy : r.policy.id}/${typeof r.direction === 'string' ? r.direction : r.direction.id}`;

/** The questionnaire for a scope: its directions, what they read, the screening. */
export function plan(scope: Scope, data: IslandData): Plan {
  const registry = registryOf(data.fields, data.policies);
  const refs = directionsInScope(data, scope);
  const reads = new Map<string, Set<string>>();
  const all = new Set<string>();
  for (const r of refs) {
    const asked = askedInputs(fieldsReadBy(r.policy, r.direction), registry);
    reads.set(keyOf(r), asked);
    asked.forEach((id) => all.add(id));
  }
  const inScope = [...registry.values()].filter((f) => all.has(f.id));
  const byTopic = new Map<string, TopicOption>();
  for (const f of inScope) {
    if (!f.topic) continue;
    const t = byTopic.get(f.topic) ?? { label: f.topic, fields: [], directions: [] };
    t.fields.push(f.id);
    for (const [key, asked] of reads) if (asked.has(f.id) && !t.directions.includes(key)) t.directions.push(key);
    byTopic.set(f.topic, t);
  }
  const topics = byTopic.size >= 2 ? [...byTopic.values()] : [];
  // A yes/no field every criterion in scope wants to be false, and a policy's common condition reads.
  const wantsFalse = new Map<string, boolean>();
  const common = new Set<string>();
  for (const r of refs) {
    for (const c of allCriteria([...(r.policy.eligibility ?? []), ...(r.direction.criteria ?? [])])) {
      if (c.kind !== 'boolean') continue;
      wantsFalse.set(c.field, (wantsFalse.get(c.field) ?? true) && c.expected === false);
    }
    for (const c of allCriteria(r.policy.eligibility ?? [])) if (c.kind === 'boolean' && c.expected === false) common.add(c.field);
  }
  const declarations = inScope.filter((f) => f.type === 'boolean' && !f.screen && !f.topic && common.has(f.id) && wantsFalse.get(f.id) === true);
  return {
    scope,
    data,
    compiled: compileCorpus(data),
    registry,
    refs,
    keys: new Set(refs.map(keyOf)),
    reads,
    // A screening question read by one direction only is asked like any other, if that direction is still open.
    screening: inScope.filter((f) => f.screen === true && [...reads.values()].filter((r) => r.has(f.id)).length >= 2),
    topics,
    declarations: declarations.length >= 2 ? declarations : [],
  };
}

// ---- events ------------------------------------------------------------------------------------------

export type QuestionnaireEvent =
  | { type: 'scope'; scope: string }
  | { type: 'answer'; field: string; raw: string }
  | { type: 'screening'; answers: Answers; topics: string[] }
  | { type: 'answers'; answers: Answers }
  | { type: 'asOf'; date: string | null }
  | { type: 'load'; state: SavedState }
  | { type: 'clear' };

function withAnswer(answers: Answers, field: string, raw: string): Answers {
  const out = { ...answers };
  if (raw.trim() === '') delete out[field];
  else out[field] = raw;
  return out;
}

/** The state after an event. A new scope keeps the answers (they still hold) but asks the screening again. */
export function reduce(state: QuestionnaireState, event: QuestionnaireEvent): QuestionnaireState {
  switch (event.type) {
    case 'scope':
      return event.scope === state.scope ? state : { ...state, scope: event.scope, topics: null };
    case 'answer':
      return { ...state, answers: withAnswer(state.answers, event.field, event.raw) };
    case 'screening': {
      let answers = state.answers;
      for (const [field, raw] of Object.entries(event.answers)) answers = withAnswer(answers, field, raw);
      return { ...state, answers, topics: [...event.topics] };
    }
    case 'answers': {
      let answers = state.answers;
      for (const [field, raw] of Object.entries(event.answers)) answers = withAnswer(answers, field, raw);
      return { ...state, answers };
    }
    case 'asOf':
      return { ...state, asOf: event.date };
    case 'load':
      return { scope: event.state.scope, answers: { ...event.state.answers }, topics: event.state.topics ?? null, asOf: event.state.asOf };
    case 'clear':
      return EMPTY;
  }
}

// ---- evaluation and progress -------------------------------------------------------------------------

/** Why a direction asks nothing more, or the questions it still has open. */
export type Progress =
  | { state: 'decided' }
  | { state: 'screened-out'; topics: string[] }
  | { state: 'blocked'; fields: string[] }
  | { state: 'answered' }
  | { state: 'open'; fields: string[] };

export interface Assessment {
  evaluation: Evaluation;
  parsed: ParsedAnswers;
  /** Results of the directions in scope, in corpus order. */
  results: DirectionResult[];
  progress: Map<string, Progress>;
}

/** Topics unticked at the screening (nothing before it is answered). */
export function declinedTopics(p: Plan, state: QuestionnaireState): Set<string> {
  if (state.topics === null) return new Set();
  return new Set(p.topics.map((t) => t.label).filter((l) => !state.topics!.includes(l)));
}

/**
 * The engine's verdicts for the answers so far, judged as the engine defines the as-of date (never
 * today: a round's own date, or the date the person chose).
 */
export function evaluate(p: Plan, state: QuestionnaireState): { evaluation: Evaluation; parsed: ParsedAnswers; results: DirectionResult[] } {
  const parsed = parseAnswers(state.answers, p.registry.values());
  const evaluation = evaluateProfile(p.compiled, parsed.profile, state.asOf ? { asOf: state.asOf } : {});
  return { evaluation, parsed, results: evaluation.results.filter((r) => p.keys.has(keyOf(r))) };
}

/** The asked fields an unknown reason waits for (derived values replaced by their missing inputs). */
function waitingFor(r: Reason, p: Plan, out: Set<string>): void {
  if (r.status !== 'unknown') return;
  if (r.items) for (const i of r.items) waitingFor(i, p, out);
  else if (r.field !== undefined) askedInputs([r.field], p.registry).forEach((id) => out.add(id));
}

/**
 * True when an unknown reason can no longer be met: it waits only for questions that will not be asked
 * (`closed`). An `all` is stuck when one item is, an `any` when every open item is.
 */
function stuck(r: Reason, closed: (id: string) => boolean, known: (id: string) => boolean, p: Plan): boolean {
  if (r.status !== 'unknown') return false;
  if (r.kind === 'all') return (r.items ?? []).some((i) => stuck(i, closed, known, p));
  if (r.kind === 'any') return (r.items ?? []).filter((i) => i.status === 'unknown').every((i) => stuck(i, closed, known, p));
  if (r.kind === 'not') return (r.items ?? []).some((i) => stuck(i, closed, known, p));
  const wait = new Set<string>();
  waitingFor(r, p, wait);
  const pending = [...wait].filter((id) => !known(id));
  return pending.length > 0 && pending.every(closed);
}

/** Where every direction in scope stands: decided, out of play, or the questions it has open. */
export function assess(p: Plan, state: QuestionnaireState): Assessment {
  const { evaluation, parsed, results } = evaluate(p, state);
  const declined = declinedTopics(p, state);
  const topicOf = (id: string) => p.registry.get(id)?.topic;
  const isDeclined = (id: string) => declined.has(topicOf(id) ?? '');
  const answered = (id: string) => Object.hasOwn(state.answers, id);
  const uncertain = (id: string) => state.answers[id] === UNKNOWN_ANSWER || parsed.errors.has(id);
  const known = (id: string) => answered(id) && !uncertain(id);
  const progress = new Map<string, Progress>();
  for (const r of results) {
    const key = keyOf(r);
    if (r.verdict !== 'unknown') {
      progress.set(key, { state: 'decided' });
      continue;
    }
    // A necessary condition (every top-level reason must hold) waiting only on screened-out topics.
    const screened = r.reasons.filter((x) => stuck(x, isDeclined, known, p));
    if (screened.length > 0) {
      const wait = new Set<string>();
      screened.forEach((x) => waitingFor(x, p, wait));
      progress.set(key, { state: 'screened-out', topics: [...new Set([...wait].map((id) => topicOf(id)).filter((t): t is string => !!t && declined.has(t)))] });
      continue;
    }
    const blocked = r.reasons.filter((x) => stuck(x, (id) => answered(id) && uncertain(id), known, p));
    if (blocked.length > 0) {
      const wait = new Set<string>();
      blocked.forEach((x) => waitingFor(x, p, wait));
      progress.set(key, { state: 'blocked', fields: [...wait] });
      continue;
    }
    const open = askedInputs(r.decidingFields, p.registry);
    const fields = [...open].filter((id) => !answered(id) && !isDeclined(id));
    progress.set(key, fields.length > 0 ? { state: 'open', fields } : { state: 'answered' });
  }
  return { evaluation, parsed, results, progress };
}

// ---- the next step -----------------------------------------------------------------------------------

export interface Question {
  field: Field;
  /** Keys of the directions this answer can still settle, in corpus order. */
  forDirections: string[];
}

export type Step =
  | { kind: 'scope' }
  | { kind: 'screening'; fields: Field[]; topics: TopicOption[]; declarations: Field[] }
  | { kind: 'question'; question: Question; asked: number }
  | { kind: 'checklist'; checklist: Checklist; asked: number }
  | { kind: 'results' };

/** Several yes/no questions asked as one “以下哪些属实？” list. */
export interface Checklist {
  /** The yes/no fields, most shared first. */
  fields: Field[];
  /** Keys of the directions these answers can still settle, in corpus order. */
  forDirections: string[];
}

/**
 * Most items on one checklist: enough for a direction's own yes/no conditions plus the common ones,
 * few enough to read at a glance on a phone. Further ones come on a later checklist.
 */
export const CHECKLIST_MAX = 8;

/** Every open question with the unsettled directions it serves, most shared first (registry order breaks ties). */
function openQuestions(p: Plan, a: Assessment): Question[] {
  const votes = new Map<string, string[]>();
  for (const [key, pr] of a.progress) if (pr.state === 'open') for (const id of pr.fields) votes.set(id, [...(votes.get(id) ?? []), key]);
  const out: Question[] = [];
  for (const f of p.registry.values()) {
    const keys = votes.get(f.id);
    if (keys) out.push({ field: f, forDirections: keys });
  }
  // A stable sort: equal counts keep registry order.
  return out.sort((x, y) => y.forDirections.length - x.forDirections.length);
}

/** The open question shared by the most unsettled directions (registry order breaks ties), or undefined. */
export function nextQuestion(p: Plan, a: Assessment): Question | undefined {
  return openQuestions(p, a)[0];
}

/**
 * The open yes/no questions as one checklist, when the most useful question is a yes/no one and at least
 * two are open; undefined otherwise (the question is then asked on its own).
 */
export function nextChecklist(p: Plan, a: Assessment): Checklist | undefined {
  const open = openQuestions(p, a);
  if (open[0]?.field.type !== 'boolean') return undefined;
  const items = open.filter((q) => q.field.type === 'boolean').slice(0, CHECKLIST_MAX);
  if (items.length < 2) return undefined;
  const served = new Set(items.flatMap((q) => q.forDirections));
  return { fields: items.map((q) => q.field), forDirections: p.refs.map(keyOf).filter((k) => served.has(k)) };
}

/**
 * A checklist's answers: a ticked item is 是, an unticked one 否. Someone unsure of some items says so
 * on the same page and ticks them on a second list (“未勾选的各项中，哪些拿不准？”): those are 不确定,
 * whatever the first list says (a doubt outweighs a hurried tick).
 */
export function checklistAnswers(list: Checklist, ticked: ReadonlySet<string>, unsure: ReadonlySet<string> = new Set()): Answers {
  return Object.fromEntries(list.fields.map((f) => [f.id, unsure.has(f.id) ? UNKNOWN_ANSWER : ticked.has(f.id) ? '是' : '否']));
}

/** Whether the screening page has anything to ask in this plan. */
export const hasScreening = (p: Plan): boolean => p.screening.length > 0 || p.topics.length > 0 || p.declarations.length > 0;

/** The screening page of a plan. */
export const screeningStep = (p: Plan): Step => ({ kind: 'screening', fields: p.screening, topics: p.topics, declarations: p.declarations });

/** How many questions in scope have an answer. */
export const askedCount = (p: Plan, state: QuestionnaireState): number =>
  Object.keys(state.answers).filter((id) => [...p.reads.values()].some((s) => s.has(id))).length;

/**
 * What to show for a state: the scope until one is chosen, then the screening (once), then the most
 * useful open question, then the results. `p` is the plan of `state.scope` (null when none is valid).
 */
export function next(p: Plan | null, state: QuestionnaireState): Step {
  if (!p || state.scope === null) return { kind: 'scope' };
  if (state.topics === null && hasScreening(p)) return screeningStep(p);
  const a = assess(p, state);
  const q = nextQuestion(p, a);
  if (!q) return { kind: 'results' };
  const asked = askedCount(p, state);
  const list = nextChecklist(p, a);
  if (list) return { kind: 'checklist', checklist: list, asked };
  return { kind: 'question', question: q, asked };
}

/** The direction names a question serves, as its caption says: “用于判断：智能制造示范工厂项目等 3 个方向”. */
export function purposeText(p: Plan, q: Pick<Question, 'forDirections'>): string {
  const name = (key: string) => p.refs.find((r) => keyOf(r) === key)?.direction.name ?? key;
  const first = q.forDirections[0];
  if (first === undefined) return '';
  if (q.forDirections.length === 1) return `用于判断：${name(first)}`;
  if (q.forDirections.length === 2) return `用于判断：${name(first)}、${name(q.forDirections[1]!)}`;
  return `用于判断：${name(first)}等 ${q.forDirections.length} 个方向`;
}
