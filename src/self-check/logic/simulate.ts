/**
 * A person going through the questionnaire with a known profile: the screening answered from it (a
 * situation ticked when the profile answers any of its questions), then each question the planner asks
 * answered from the profile, or 不确定 where it is silent. A checklist (“以下哪些属实？”) is ticked where
 * the profile says 是; the items it is silent or unsure about are ticked on the second list (“哪些拿不准？”),
 * which counts as a question of its own.
 * Used by the burden benchmark and the tests.
 */
import { parseFieldValue } from '../../engine/parse-input.ts';
import { checklistAnswers, EMPTY, next, plan, reduce, type Plan, type QuestionnaireState } from './planner.ts';
import type { Scope } from './scope.ts';
import { UNKNOWN_WORDS } from '../../engine/types.ts';
import { UNKNOWN_ANSWER, type Answers, type IslandData } from './types.ts';

export interface Walk {
  /**
   * Field ids in the order asked; the screening's questions first, the situations question as `#topics`,
   * a checklist as `#checklist` (and its second list, of the uncertain items, as `#checklist-unsure`).
   */
  asked: string[];
  state: QuestionnaireState;
  plan: Plan;
}

/** Longest walk allowed: far above any real scope, so a planner loop fails loudly instead of hanging. */
const GUARD = 500;

export function walk(scope: Scope, scopeKey: string, data: IslandData, profile: Answers): Walk {
  const p = plan(scope, data);
  let state: QuestionnaireState = reduce(EMPTY, { type: 'scope', scope: scopeKey });
  const asked: string[] = [];
  const from = (id: string) => (Object.hasOwn(profile, id) && profile[id] !== '' ? profile[id]! : UNKNOWN_ANSWER);
  for (let i = 0; i < GUARD; i++) {
    const step = next(p, state);
    if (step.kind === 'results' || step.kind === 'scope') return { asked, state, plan: p };
    if (step.kind === 'screening') {
      const answers: Answers = {};
      for (const f of step.fields) {
        asked.push(f.id);
        answers[f.id] = from(f.id);
      }
      if (step.topics.length > 0) asked.push('#topics');
      // The declarations list: ticked when the profile says 是, unticked (否) otherwise, as a hurried person
      // would; the ones a profile says it is unsure of go on the second list (“其中哪些拿不准？”).
      if (step.declarations.length > 0) asked.push('#declarations');
      const unsure = new Set(step.declarations.filter((f) => UNKNOWN_WORDS.has(profile[f.id] ?? '')).map((f) => f.id));
      if (unsure.size > 0) asked.push('#declarations-unsure');
      Object.assign(answers, checklistAnswers({ fields: step.declarations, forDirections: [] }, new Set(step.declarations.filter((f) => from(f.id) === '是').map((f) => f.id)), unsure));
      const ticked = step.topics.filter((t) => t.fields.some((id) => Object.hasOwn(profile, id) && profile[id] !== UNKNOWN_ANSWER)).map((t) => t.label);
      state = reduce(state, { type: 'screening', answers, topics: ticked });
      continue;
    }
    if (step.kind === 'checklist') {
      asked.push('#checklist');
      const isTrue = (id: string) => {
        const f = p.registry.get(id)!;
        const r = Object.hasOwn(profile, id) ? parseFieldValue(f, profile[id]!) : undefined;
        return r?.ok === true ? r.value : UNKNOWN_ANSWER;
      };
      const fields = step.checklist.fields;
      const ticked = new Set(fields.filter((f) => isTrue(f.id) === true).map((f) => f.id));
      const unsure = new Set(fields.filter((f) => isTrue(f.id) === UNKNOWN_ANSWER).map((f) => f.id));
      // The second list (“哪些拿不准？”) is a question of its own.
      if (unsure.size > 0) asked.push('#checklist-unsure');
      state = reduce(state, { type: 'answers', answers: checklistAnswers(step.checklist, ticked, unsure) });
      continue;
    }
    asked.push(step.question.field.id);
    state = reduce(state, { type: 'answer', field: step.question.field.id, raw: from(step.question.field.id) });
  }
  throw new Error(`问卷在 ${GUARD} 个问题后仍未结束`);
}
