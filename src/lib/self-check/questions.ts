/**
 * Which directions a scope covers and which questions they need. Pure (no DOM), shared by the page's
 * build step, the browser and the unit tests.
 *
 * A question is asked only when a chosen direction's criteria, its policy's eligibility (minus the
 * criteria excepted for that direction) or its support formula reads the field. Derived fields are never
 * asked: their inputs are, recursively.
 */
import { compileCriteria, type CriterionNode } from '../../engine/evaluate.ts';
import type { Field } from '../../schemas/index.ts';
import { STEPS, type StepId, type IslandData, type IslandDirection, type IslandPolicy } from './types.ts';

export interface DirectionRef {
  policy: IslandPolicy;
  direction: IslandDirection;
}

/** A scope read from its key. */
export type Scope =
  | { kind: 'all' }
  | { kind: 'province'; province: string }
  | { kind: 'policy'; policy: string }
  | { kind: 'programme'; policy: string; programme: string };

/**
 * The scope a key names, or null when the key is malformed or names nothing in the data (a stale
 * share link, a policy since removed): the page then asks for the scope again instead of guessing.
 */
export function parseScope(key: unknown, data: IslandData): Scope | null {
  if (typeof key !== 'string') return null;
  if (key === 'all') return { kind: 'all' };
  const colon = key.indexOf(':');
  const kind = key.slice(0, colon);
  const rest = key.slice(colon + 1);
  if (colon < 0) return null;
  if (kind === 'province') return data.policies.some((p) => p.province === rest) ? { kind, province: rest } : null;
  if (kind === 'policy') return data.policies.some((p) => p.id === rest) ? { kind, policy: rest } : null;
  if (kind === 'programme') {
    const [policy = '', programme = ''] = rest.split('/');
    const p = data.policies.find((x) => x.id === policy);
    return p?.programmes.some((g) => g.id === programme) ? { kind, policy, programme } : null;
  }
  return null;
}

/** The scope in words, for the check page, the results and the printed handout. */
export function describeScope(scope: Scope, data: IslandData): string {
  switch (scope.kind) {
    case 'all':
      return '全部政策文件';
    case 'province':
      return `${scope.province}的全部政策文件`;
    case 'policy':
      return data.policies.find((p) => p.id === scope.policy)?.shortTitle ?? scope.policy;
    case 'programme': {
      const p = data.policies.find((x) => x.id === scope.policy);
      const g = p?.programmes.find((x) => x.id === scope.programme);
      return `${p?.shortTitle ?? scope.policy} · ${g?.name ?? scope.programme}`;
    }
  }
}

/** The directions a scope covers, in corpus order. */
export function directionsInScope(data: IslandData, scope: Scope): DirectionRef[] {
  const out: DirectionRef[] = [];
  for (const policy of data.policies) {
    if (scope.kind === 'province' && policy.province !== scope.province) continue;
    if ((scope.kind === 'policy' || scope.kind === 'programme') && policy.id !== scope.policy) continue;
    for (const direction of policy.directions) {
      if (scope.kind === 'programme' && direction.programme !== scope.programme) continue;
      out.push({ policy, direction });
    }
  }
  return out;
}

/** The registry as a map; the first definition of an id wins, as in the engine. */
export function registryOf(fields: readonly Field[]): Map<string, Field> {
  const map = new Map<string, Field>();
  for (const f of fields) if (!map.has(f.id)) map.set(f.id, f);
  return map;
}

function collectNodes(nodes: readonly CriterionNode[], out: Set<string>): void {
  for (const n of nodes) {
    if (n.items) collectNodes(n.items, out);
    if (n.item) collectNodes([n.item], out);
    if ('field' in n.c) out.add(n.c.field);
  }
}

/**
 * Field ids one direction reads (asked or derived): its criteria and its policy's eligibility, pruned
 * for the direction by the engine's own compileCriteria so the page asks exactly what the engine
 * evaluates, plus the bases of its support formula.
 */
export function fieldsReadBy(policy: IslandPolicy, direction: IslandDirection): Set<string> {
  const out = new Set<string>();
  collectNodes(compileCriteria(policy.eligibility ?? [], 'policy', direction.id), out);
  collectNodes(compileCriteria(direction.criteria ?? [], 'direction', direction.id), out);
  // Every `base` in the formula (rate, parts, upTo…), found generically so a new formula kind that
  // computes from an answer gets its question asked without a change here.
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x !== null && typeof x === 'object') {
      for (const [k, v] of Object.entries(x)) {
        if (k === 'base' && typeof v === 'string') out.add(v);
        else walk(v);
      }
    }
  };
  walk(direction.support?.formula);
  return out;
}

/** Replaces derived ids by the asked fields they are computed from (recursively, cycle-safe). */
export function askedInputs(ids: Iterable<string>, registry: ReadonlyMap<string, Field>): Set<string> {
  const asked = new Set<string>();
  const seen = new Set<string>();
  const visit = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    const f = registry.get(id);
    if (!f) return;
    if (f.type === 'derived') f.derive.of.forEach(visit);
    else asked.add(id);
  };
  for (const id of ids) visit(id);
  return asked;
}

/** The asked fields a set of directions needs, in registry order (the order of the fields files). */
export function questionsFor(refs: readonly DirectionRef[], registry: ReadonlyMap<string, Field>): Field[] {
  const read = new Set<string>();
  for (const r of refs) for (const id of fieldsReadBy(r.policy, r.direction)) read.add(id);
  const asked = askedInputs(read, registry);
  return [...registry.values()].filter((f) => asked.has(f.id));
}

/** One page of questions: part of a step, at most {@link PAGE_SIZE} questions. */
export interface QuestionPage {
  /** Page id used in the URL hash: `<step>-<part>`. */
  id: string;
  step: StepId;
  /** 1-based part of the step, and how many parts the step has. */
  part: number;
  parts: number;
  fields: Field[];
}

/** Questions per page: a step with many questions is split so that each page stays short. */
export const PAGE_SIZE = 8;

/** Questions grouped by step (empty steps skipped), each step split into pages of {@link PAGE_SIZE}. */
export function paginate(questions: readonly Field[], size = PAGE_SIZE): QuestionPage[] {
  const pages: QuestionPage[] = [];
  for (const step of STEPS) {
    const inStep = questions.filter((f) => f.step === step);
    const parts = Math.ceil(inStep.length / size);
    for (let i = 0; i < parts; i++) {
      pages.push({ id: `${step}-${i + 1}`, step, part: i + 1, parts, fields: inStep.slice(i * size, (i + 1) * size) });
    }
  }
  return pages;
}
