/**
 * A reason as a script reads it: which profile fields the criterion read, the firm's values for them,
 * and the requirement in structured form (operator, threshold and unit; the list; the date window; the
 * years), next to the readable text. Pure: walks the reason tree beside the criterion tree it came from.
 */
import type { Criterion, Field } from '../schemas/index.ts';
import { applicableCriteria } from '../model/criteria.ts';
import type { EngineDirection, EnginePolicy, KnownValue, Reason, Status } from './types.ts';

/** The requirement a leaf criterion sets; null for groups and for `confirm`. */
export type Requirement =
  | { op: 'gte' | 'gt' | 'lte' | 'lt'; value: number; unit: string }
  | { op: 'eq'; value: boolean }
  | { op: 'in'; list: string[] }
  | { op: 'between'; from: string | null; fromInclusive: boolean; to: string | null; toInclusive: boolean }
  | { op: 'within-years'; years: number; from: string | null; to: string | null };

export interface ExplainedReason {
  criterion: string;
  scope: 'policy' | 'direction';
  kind: Criterion['kind'];
  status: Status;
  label: string;
  /**
   * Profile field ids this criterion read: its field and, for a derived one (a growth rate, a share),
   * the answers it is computed from; for a group, every field its items read.
   */
  fields: string[];
  /** The firm's answer for a leaf's field (derived values included); null when unanswered. */
  value: KnownValue | null;
  /** The requirement in readable form, e.g. “≥ 3000 万元”; null for groups and `confirm`. */
  threshold: string | null;
  requirement: Requirement | null;
  quote: string;
  at: string;
  /** Outcomes of the items of all / any / not. */
  items?: ExplainedReason[];
}

function requirementOf(c: Criterion, asOf: string | null, r: Reason): Requirement | null {
  switch (c.kind) {
    case 'threshold':
      return { op: c.op, value: c.value, unit: c.unit };
    case 'boolean':
      return { op: 'eq', value: c.expected };
    case 'oneOf':
      return { op: 'in', list: [...c.values] };
    case 'dateWindow':
      return { op: 'between', from: c.from ?? null, fromInclusive: c.fromInclusive !== false, to: c.to ?? null, toInclusive: c.toInclusive !== false };
    case 'withinYears': {
      // The window's start is in the readable threshold the engine built from the as-of date.
      const from = asOf !== null ? (r.threshold?.match(/^\d{4}-\d{2}-\d{2}/)?.[0] ?? null) : null;
      return { op: 'within-years', years: c.years, from, to: asOf };
    }
    default:
      return null;
  }
}

/** A field and, when it is derived, everything it is computed from (depth-bounded against a cyclic registry). */
function fieldsRead(id: string, registry: ReadonlyMap<string, Field>, out: string[] = [], depth = 0): string[] {
  if (out.includes(id)) return out;
  out.push(id);
  const f = registry.get(id);
  if (f?.type === 'derived' && depth < 16) for (const dep of f.derive.of) fieldsRead(dep, registry, out, depth + 1);
  return out;
}

function explain(r: Reason, c: Criterion | undefined, asOf: string | null, registry: ReadonlyMap<string, Field>): ExplainedReason {
  const items = r.items?.map((item, i) => explain(item, c ? childOf(c, item.criterion, i) : undefined, asOf, registry));
  const fields = items ? [...new Set(items.flatMap((i) => i.fields))] : r.field !== undefined ? fieldsRead(r.field, registry) : [];
  return {
    criterion: r.criterion,
    scope: r.scope,
    kind: r.kind,
    status: r.status,
    label: r.label,
    fields,
    value: r.value ?? null,
    threshold: r.threshold ?? null,
    requirement: c ? requirementOf(c, asOf, r) : null,
    quote: r.quote,
    at: r.at,
    ...(items ? { items } : {}),
  };
}

/** The item of a group a reason's item came from: by id, else by position (ids are unique in a direction). */
function childOf(c: Criterion, id: string, index: number): Criterion | undefined {
  const list = c.kind === 'all' || c.kind === 'any' ? c.items : c.kind === 'not' ? [c.item] : [];
  return list.find((x) => x.id === id) ?? list[index];
}

/** Criteria per direction, pruned once (a batch explains the same directions for every profile). */
const applicable = new WeakMap<EngineDirection, { own: Criterion[]; shared: Criterion[] }>();

/** Explains a direction's reasons, finding each top-level criterion among the ones that apply to it. */
export function explainReasons(
  policy: EnginePolicy,
  direction: EngineDirection,
  reasons: readonly Reason[],
  asOf: string | null,
  registry: ReadonlyMap<string, Field>,
): ExplainedReason[] {
  let lists = applicable.get(direction);
  if (!lists) applicable.set(direction, (lists = { own: applicableCriteria({}, direction), shared: applicableCriteria(policy, { id: direction.id }) }));
  const { own, shared } = lists;
  const find = (r: Reason) => (r.scope === 'policy' ? shared : own).find((c) => c.id === r.criterion);
  return reasons.map((r) => explain(r, find(r), asOf, registry));
}
