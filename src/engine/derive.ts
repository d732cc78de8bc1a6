/**
 * Derived fields (增量、增速、占比、合计): computed from answers, never asked. A derived value is unknown
 * when any input is unknown, and a growth rate or share over a base ≤ 0 is unknown too (it has no
 * meaning, and guessing would decide criteria on nothing).
 */
import type { Field } from '../schemas/index.ts';
import { tidy } from './parse-input.ts';

type DerivedField = Extract<Field, { type: 'derived' }>;

/** A derived field ready to compute: dependencies come before dependants. */
export interface DerivePlan {
  /** In dependency order. */
  steps: readonly DerivedField[];
  /** Ids of derived fields whose definitions form a cycle: always unknown. */
  cyclic: ReadonlySet<string>;
}

/** Orders derived fields so that a derived value may use another (computed once per corpus). */
export function planDerived(registry: ReadonlyMap<string, Field>): DerivePlan {
  const steps: DerivedField[] = [];
  const cyclic = new Set<string>();
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (f: DerivedField): boolean => {
    const s = state.get(f.id);
    if (s === 'done') return true;
    if (s === 'visiting') return false;
    state.set(f.id, 'visiting');
    let ok = true;
    for (const dep of f.derive.of) {
      const d = registry.get(dep);
      if (d?.type === 'derived' && !visit(d)) ok = false;
    }
    state.set(f.id, 'done');
    if (ok) steps.push(f);
    else cyclic.add(f.id);
    return ok;
  };
  for (const f of registry.values()) if (f.type === 'derived') visit(f);
  return { steps, cyclic };
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** The value of one derivation from its inputs, or undefined when it cannot be known. */
export function deriveValue(op: DerivedField['derive']['op'], inputs: readonly unknown[]): number | undefined {
  const xs: number[] = [];
  for (const v of inputs) {
    const n = num(v);
    if (n === undefined) return undefined;
    xs.push(n);
  }
  const [a, b] = xs;
  if (a === undefined || b === undefined) return undefined;
  let r: number;
  switch (op) {
    case 'difference':
      r = a - b;
      break;
    case 'growthPct':
      if (b <= 0) return undefined;
      // (a − b) × 100 / b rather than (a − b) / b × 100: 200 / 1000 × 100 is 20.000000000000004.
      r = ((a - b) * 100) / b;
      break;
    case 'sharePct':
      if (b <= 0) return undefined;
      r = (a * 100) / b;
      break;
    case 'sum':
      r = xs.reduce((s, x) => s + x, 0);
      break;
  }
  return Number.isFinite(r) ? tidy(r) : undefined;
}

/**
 * Writes every derived value into `values` (a fresh object owned by the caller). Unknown derived
 * values are set to undefined, so a derived id smuggled into a profile can never stand in for the
 * computation. (Assigning rather than deleting keeps the object's shape stable for the hot path.)
 */
export function applyDerived(values: Record<string, unknown>, plan: DerivePlan): void {
  for (const id of plan.cyclic) values[id] = undefined;
  for (const f of plan.steps) {
    const v = deriveValue(
      f.derive.op,
      f.derive.of.map((id) => values[id]),
    );
    values[f.id] = v;
  }
}
