/**
 * criteria.csv: one row per leaf criterion (threshold, yes/no, list, date window, years, to-confirm),
 * policy-wide ones included (direction empty). Groups (all / any / not) are not rows: each leaf names
 * its top-level criterion, its direct parent and that parent's kind, so the tree can be rebuilt.
 */
import type { Criterion } from '../../schemas/index.ts';
import type { OpenData } from '../../schemas/open-data.ts';
import type { CriterionRow } from '../../schemas/tables.ts';
import { list, oneLine } from './shared.ts';

type Leaf = Exclude<Criterion, { kind: 'all' | 'any' | 'not' }>;

interface Place {
  policy: string;
  direction: string | null;
  top: string;
  parent: Criterion | null;
  negated: boolean;
}

/** The typed requirement of a leaf, spread over operator / value / unit / inclusive ends. */
function requirement(c: Leaf): Pick<CriterionRow, 'field' | 'operator' | 'value' | 'value_to' | 'unit' | 'lower_inclusive' | 'upper_inclusive'> {
  const none = { field: null, operator: null, value: null, value_to: null, unit: null, lower_inclusive: null, upper_inclusive: null };
  switch (c.kind) {
    case 'threshold': {
      const lower = c.op === 'gte' || c.op === 'gt';
      const inclusive = c.op === 'gte' || c.op === 'lte';
      return { ...none, field: c.field, operator: c.op, value: String(c.value), unit: c.unit, lower_inclusive: lower ? inclusive : null, upper_inclusive: lower ? null : inclusive };
    }
    case 'boolean':
      return { ...none, field: c.field, operator: 'eq', value: String(c.expected) };
    case 'oneOf':
      return { ...none, field: c.field, operator: 'in', value: list(c.values) };
    case 'dateWindow':
      return {
        ...none,
        field: c.field,
        operator: 'between',
        value: c.from ?? null,
        value_to: c.to ?? null,
        lower_inclusive: c.from !== undefined ? c.fromInclusive : null,
        upper_inclusive: c.to !== undefined ? c.toInclusive : null,
      };
    case 'withinYears':
      return { ...none, field: c.field, operator: 'within-years', value: String(c.years), unit: '年' };
    case 'confirm':
      return none;
  }
}

function collect(c: Criterion, at: Place, out: CriterionRow[]): void {
  if (c.kind === 'all' || c.kind === 'any') {
    for (const i of c.items) collect(i, { ...at, parent: c }, out);
    return;
  }
  if (c.kind === 'not') {
    collect(c.item, { ...at, parent: c, negated: !at.negated }, out);
    return;
  }
  out.push({
    id: `${at.policy}/${at.direction ?? '*'}/${c.id}`,
    policy: at.policy,
    direction: at.direction,
    criterion: c.id,
    top: at.top,
    parent: at.parent?.id ?? null,
    group_kind: at.parent?.kind ?? null,
    negated: at.negated,
    kind: c.kind,
    ...requirement(c),
    to_confirm: c.kind === 'confirm',
    except_directions: list(c.exceptDirections),
    label: c.label,
    quote: oneLine(c.quote),
    locator: c.at,
  });
}

export function criterionRows(data: OpenData): CriterionRow[] {
  const out: CriterionRow[] = [];
  for (const p of data.policies) {
    for (const c of p.eligibility) collect(c, { policy: p.id, direction: null, top: c.id, parent: null, negated: false }, out);
    for (const d of p.directions) for (const c of d.criteria) collect(c, { policy: p.id, direction: d.id, top: c.id, parent: null, negated: false }, out);
  }
  return out;
}
