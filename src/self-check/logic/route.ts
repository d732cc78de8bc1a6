/**
 * The questionnaire's addresses (location.hash) and what a return to one shows. Pure: the browser layer
 * passes the hash and the history entry's state in, and pushes what {@link routeOf} and
 * {@link entryOf} give out.
 *
 * Routes: `scope`, `screening`, `q-<field>` (one question; also the id of its first control, so 修改
 * links and error summaries point at it), `list-<first field>` (a checklist of yes/no questions; the
 * history entry keeps all its fields, so a return after a reload still knows them), `results`.
 */
import type { Field } from '../../schemas/index.ts';
import { askedCount, hasScreening, keyOf, next, screeningStep, type Plan, type QuestionnaireState, type Step } from './planner.ts';

export const qid = (field: string): string => `q-${field}`;

/** A step's route, without the `#`. */
export function routeOf(step: Step): string {
  if (step.kind === 'question') return qid(step.question.field.id);
  if (step.kind === 'checklist') return `list-${step.checklist.fields[0]!.id}`;
  return step.kind;
}

/** What a step's history entry keeps: a checklist's fields (its route names only the first). */
export interface EntryState {
  fields: string[];
}

export function entryOf(step: Step): EntryState | null {
  return step.kind === 'checklist' ? { fields: step.checklist.fields.map((f) => f.id) } : null;
}

const entryFields = (entry: unknown): string[] | null => {
  const fields = entry !== null && typeof entry === 'object' ? (entry as Partial<EntryState>).fields : undefined;
  return Array.isArray(fields) && fields.every((f) => typeof f === 'string') ? fields : null;
};

/** Keys of the directions in scope that read a field, in corpus order (what its answer is used for). */
const readers = (p: Plan, fields: readonly string[]): string[] =>
  p.refs.map(keyOf).filter((k) => fields.some((id) => p.reads.get(k)?.has(id)));

/**
 * The step shown on a return to a route (back, forward, a reload): the question or checklist answered
 * there, with the answers given, so that going back to change one answer loses none; the screening with
 * what was ticked; the results of a shared link even before every question is answered. Any other
 * route, or one that no longer fits the scope, shows what the planner asks next.
 */
export function stepAt(p: Plan, state: QuestionnaireState, hash: string, entry: unknown): Step {
  const route = hash.replace(/^#/, '');
  if (state.scope === null) return { kind: 'scope' };
  if (route === 'results' && state.topics !== null) return { kind: 'results' };
  if (route === 'screening' && hasScreening(p)) return screeningStep(p);
  const asked = askedCount(p, state);
  if (route.startsWith(qid(''))) {
    const field = p.registry.get(route.slice(qid('').length));
    const forDirections = field ? readers(p, [field.id]) : [];
    if (field && forDirections.length > 0) return { kind: 'question', question: { field, forDirections }, asked };
  }
  if (route.startsWith('list-')) {
    const listed = entryFields(entry);
    const fields = (listed ?? []).map((id) => p.registry.get(id)).filter((f): f is Field => f?.type === 'boolean');
    if (listed && fields.length === listed.length && fields[0]?.id === route.slice('list-'.length)) {
      const forDirections = readers(p, listed);
      if (forDirections.length > 0) return { kind: 'checklist', checklist: { fields, forDirections }, asked };
    }
  }
  return next(p, state);
}
