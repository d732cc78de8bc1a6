/**
 * Returning to a step (back, forward, a reload) on the real corpus: the step answered there comes back
 * with its answers, a checklist with every one of its items even when only the history entry remembers
 * them; anything that no longer fits falls back to the planner's next step.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCorpusUnchecked } from '../../src/data/load.ts';
import { selfCheckData } from '../../src/self-check/build/island.ts';
import { checklistAnswers, EMPTY, keyOf, next, plan, reduce, type QuestionnaireState } from '../../src/self-check/logic/planner.ts';
import { entryOf, qid, routeOf, stepAt } from '../../src/self-check/logic/route.ts';
import { parseScope } from '../../src/self-check/logic/scope.ts';

const { corpus } = loadCorpusUnchecked(fileURLToPath(new URL('../../policies', import.meta.url)), fileURLToPath(new URL('../..', import.meta.url)));
const data = selfCheckData(corpus);
const key = 'policy:jiangsu-2023-fund-guide';
const p = plan(parseScope(key, data)!, data);
let screened: QuestionnaireState = reduce(EMPTY, { type: 'scope', scope: key });
screened = reduce(screened, { type: 'screening', answers: { jsRegisteredInJiangsu: '是', jsSeriousDishonesty3Years: '否', jsMajorAccident3Years: '否', jsJsgxtBarred: '否' }, topics: ['省级（含）以上智能制造示范工厂'] });

const first = next(p, screened);
if (first.kind !== 'checklist') throw new Error(`expected a checklist after the screening, got ${first.kind}`);
const listed = first.checklist.fields.map((f) => f.id);
// Every item ticked but the last: the checklist is answered and the planner moves on.
const answered = reduce(screened, { type: 'answers', answers: checklistAnswers(first.checklist, new Set(listed.slice(0, -1))) });

describe('routes', () => {
  it('a checklist is addressed by its first item; its history entry keeps all of them', () => {
    expect(routeOf(first)).toBe(`list-${listed[0]}`);
    expect(entryOf(first)).toEqual({ fields: listed });
    expect(routeOf({ kind: 'results' })).toBe('results');
    expect(entryOf({ kind: 'results' })).toBeNull();
  });

  it('going back to a checklist shows every item again, with the answers given, not the next step', () => {
    expect(routeOf(next(p, answered))).not.toBe(routeOf(first));
    const back = stepAt(p, answered, `#${routeOf(first)}`, entryOf(first));
    expect(back.kind).toBe('checklist');
    if (back.kind !== 'checklist') return;
    expect(back.checklist.fields.map((f) => f.id)).toEqual(listed);
    // What it is for: every direction in scope that reads one of its items (those it was asked for among them).
    expect(back.checklist.forDirections).toEqual(expect.arrayContaining(first.checklist.forDirections));
    expect(back.checklist.forDirections.every((k) => listed.some((id) => p.reads.get(k)?.has(id)))).toBe(true);
    // The answers are still there to be shown ticked: nothing was forgotten by going back.
    expect(listed.every((id) => Object.hasOwn(answered.answers, id))).toBe(true);
    // Structured-cloned history state (after a reload) reads the same.
    expect(stepAt(p, answered, `#${routeOf(first)}`, structuredClone(entryOf(first)))).toEqual(back);
  });

  it('a question answered earlier comes back with the directions that read it', () => {
    const after = reduce(answered, { type: 'answer', field: 'totalInvestmentWan', raw: '12000' });
    const back = stepAt(p, after, `#${qid('totalInvestmentWan')}`, null);
    expect(back.kind).toBe('question');
    if (back.kind !== 'question') return;
    expect(back.question.field.id).toBe('totalInvestmentWan');
    expect(back.question.forDirections.length).toBeGreaterThan(0);
    expect(back.question.forDirections.every((k) => p.reads.get(k)?.has('totalInvestmentWan'))).toBe(true);
    expect(back.question.forDirections).toEqual(p.refs.map(keyOf).filter((k) => back.question.forDirections.includes(k)));
  });

  it('the screening comes back as it was answered; the results of a link stand before every question is answered', () => {
    expect(stepAt(p, answered, '#screening', null).kind).toBe('screening');
    expect(next(p, answered).kind).not.toBe('results');
    expect(stepAt(p, answered, '#results', null).kind).toBe('results');
    // Before the screening, #results is not reachable.
    expect(stepAt(p, reduce(EMPTY, { type: 'scope', scope: key }), '#results', null).kind).toBe('screening');
  });

  it('a route that no longer fits shows the next step', () => {
    const planned = next(p, answered);
    // A list without its entry (a bookmarked address), whose entry names another first item, or a non-yes/no field.
    expect(stepAt(p, answered, `#${routeOf(first)}`, null)).toEqual(planned);
    expect(stepAt(p, answered, `#${routeOf(first)}`, { fields: [...listed].reverse() })).toEqual(planned);
    expect(stepAt(p, answered, `#${routeOf(first)}`, { fields: [listed[0], 'totalInvestmentWan'] })).toEqual(planned);
    expect(stepAt(p, answered, `#${routeOf(first)}`, { fields: 'x' })).toEqual(planned);
    // A field that does not exist, or that no direction in scope reads (a Shanxi question in a Jiangsu scope).
    expect(stepAt(p, answered, `#${qid('noSuchField')}`, null)).toEqual(planned);
    const shanxiOnly = [...p.registry.keys()].find((id) => id.startsWith('sx26'));
    expect(shanxiOnly).toBeDefined();
    expect(stepAt(p, answered, `#${qid(shanxiOnly!)}`, null)).toEqual(planned);
    expect(stepAt(p, { ...answered, scope: null }, `#${routeOf(first)}`, entryOf(first)).kind).toBe('scope');
  });
});
