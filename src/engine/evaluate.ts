/**
 * Criteria → statuses → a direction's verdict, in three-valued logic (met / unmet / unknown) plus
 * `confirm` for what only a person can judge.
 *
 * Values are read defensively: an answer of the wrong type counts as unknown, so a malformed profile
 * can make a verdict `unknown` but never `eligible`.
 */
import type { Criterion, Field } from '../schemas/index.ts';
import { pruneFor } from '../model/criteria.ts';
import { isIsoDate, minusMonths } from '../model/dates.ts';
import { dateBound, isSoft, numberBound, type BoundReading } from '../model/reading-rules.ts';
import type { KnownValue, Reason, Status, Verdict } from './types.ts';
import { UNKNOWN_WORDS } from './types.ts';

/** A criterion prepared once per corpus: exceptions pruned for its direction, display text built. */
export interface CriterionNode {
  c: Criterion;
  scope: 'policy' | 'direction';
  /** Readable requirement, when it does not depend on the as-of date. */
  threshold?: string;
  items?: CriterionNode[];
  item?: CriterionNode;
  /**
   * How the text words each bound, from the reading rules (src/model/reading-rules.ts): an `open` bound
   * makes a value exactly on it `confirm`; `soft` (原则上) makes a value beyond it `confirm`, never unmet.
   */
  from?: BoundReading;
  to?: BoundReading;
  bound?: BoundReading;
  soft?: boolean;
}

/** What evaluation reads: the answers (derived values included) and the as-of date. */
export interface EvalContext {
  values: Readonly<Record<string, unknown>>;
  /** ISO date dated criteria are judged on; null makes them unknown. */
  asOf: string | null;
}

const OP_SYMBOL = { gte: '≥', gt: '>', lte: '≤', lt: '<' } as const;

function withUnit(value: number, unit: string): string {
  return unit === '%' ? `${value}%` : `${value} ${unit}`;
}

function staticThreshold(c: Criterion): string | undefined {
  switch (c.kind) {
    case 'threshold':
      return `${OP_SYMBOL[c.op]} ${withUnit(c.value, c.unit)}`;
    case 'boolean':
      return c.expected ? '是' : '否';
    case 'oneOf':
      return c.values.length > 1 ? `${c.values.join('、')} 之一` : c.values.join('');
    case 'dateWindow': {
      const from = c.from ? `${c.from}（${c.fromInclusive === false ? '不含' : '含'}）` : '';
      const to = c.to ? `${c.to}（${c.toInclusive === false ? '不含' : '含'}）` : '';
      if (from && to) return `${from}至 ${to}`;
      return from ? `${from}及以后` : `${to}及以前`;
    }
    default:
      return undefined;
  }
}

/**
 * Prepares criteria for one direction: drops the parts whose `exceptDirections` name it (the model's
 * one definition, {@link pruneFor}), reads how the text words each bound, and builds the display text.
 * Done once per corpus, never per profile.
 */
export function compileCriteria(list: readonly Criterion[], scope: 'policy' | 'direction', directionId: string): CriterionNode[] {
  const out: CriterionNode[] = [];
  for (const c of list) {
    const pruned = pruneFor(c, directionId);
    if (pruned) out.push(compileNode(pruned, scope));
  }
  return out;
}

function compileNode(c: Criterion, scope: 'policy' | 'direction'): CriterionNode {
  const node: CriterionNode = { c, scope };
  const threshold = staticThreshold(c);
  if (threshold !== undefined) node.threshold = threshold;
  if (c.kind === 'all' || c.kind === 'any') node.items = c.items.map((i) => compileNode(i, scope));
  else if (c.kind === 'not') node.item = compileNode(c.item, scope);
  else if (c.kind === 'threshold') {
    const bound = numberBound(c.quote, c.value);
    if (bound) node.bound = bound;
    if (isSoft(c.quote)) node.soft = true;
  } else if (c.kind === 'dateWindow') {
    const from = c.from === undefined ? undefined : dateBound(c.quote, c.from, 'from');
    const to = c.to === undefined ? undefined : dateBound(c.quote, c.to, 'to');
    if (from) node.from = from;
    if (to) node.to = to;
  }
  return node;
}

/** “2021-01-01（原文“后”，是否含当日未载明）”: why a value on an open bound is left to a person. */
function openBoundText(value: string | number, b: BoundReading): string {
  return `${value}（原文“${b.phrase}”未载明是否含${typeof value === 'number' ? '本数' : '当日'}，待确认）`;
}

function isUnknownWord(v: string): boolean {
  return v.trim() === '' || UNKNOWN_WORDS.has(v.trim().toLowerCase());
}

/** The chosen options of a choice answer, or undefined when unknown. */
function choices(v: unknown): string[] | undefined {
  if (typeof v === 'string') return isUnknownWord(v) ? undefined : [v];
  if (!Array.isArray(v)) return undefined;
  const out: string[] = [];
  for (const x of v) if (typeof x === 'string' && !isUnknownWord(x)) out.push(x);
  return out.length > 0 ? out : undefined;
}

function compare(op: 'gte' | 'gt' | 'lte' | 'lt', a: number, b: number): boolean {
  switch (op) {
    case 'gte':
      return a >= b;
    case 'gt':
      return a > b;
    case 'lte':
      return a <= b;
    case 'lt':
      return a < b;
  }
}

/** The first day counted as within `years` of `asOf` (inclusive). Fractional years count in months. */
export function withinYearsFrom(asOf: string, years: number): string {
  return minusMonths(asOf, Math.round(years * 12));
}

/** Evaluates one prepared criterion (recursively for all/any/not). */
export function evaluateNode(node: CriterionNode, ctx: EvalContext): Reason {
  const c = node.c;
  let status: Status = 'unknown';
  let value: KnownValue | undefined;
  let field: string | undefined;
  let threshold = node.threshold;
  let items: Reason[] | undefined;
  switch (c.kind) {
    case 'threshold': {
      field = c.field;
      const v = ctx.values[c.field];
      if (typeof v === 'number' && Number.isFinite(v)) {
        value = v;
        status = compare(c.op, v, c.value) ? 'met' : 'unmet';
        if (v === c.value && node.bound?.reading === 'open') {
          status = 'confirm';
          threshold = openBoundText(c.value, node.bound);
        } else if (status === 'unmet' && node.soft) {
          // 原则上: a guideline, not a bar. Exceeding it is for the department to weigh.
          status = 'confirm';
          threshold = `${threshold}（原文“原则上”，超出时待确认）`;
        }
      }
      break;
    }
    case 'boolean': {
      field = c.field;
      const v = ctx.values[c.field];
      if (typeof v === 'boolean') {
        value = v;
        status = v === c.expected ? 'met' : 'unmet';
      }
      break;
    }
    case 'oneOf': {
      field = c.field;
      const chosen = choices(ctx.values[c.field]);
      if (chosen) {
        value = Array.isArray(ctx.values[c.field]) ? chosen : chosen[0]!;
        // Several chosen (multiple choice): one of them in the list is enough.
        status = 'unmet';
        for (const x of chosen) if (c.values.includes(x)) status = 'met';
      }
      break;
    }
    case 'dateWindow': {
      field = c.field;
      const v = ctx.values[c.field];
      if (isIsoDate(v)) {
        value = v;
        // ISO dates compare correctly as strings.
        const afterFrom = c.from === undefined || (c.fromInclusive === false ? v > c.from : v >= c.from);
        const beforeTo = c.to === undefined || (c.toInclusive === false ? v < c.to : v <= c.to);
        status = afterFrom && beforeTo ? 'met' : 'unmet';
        // The day itself, where the text leaves open whether it counts (“…前”, “…后” without （含））:
        // a person decides, with the clause. Outside the other end it stays unmet.
        const open = v === c.from && node.from?.reading === 'open' ? node.from : v === c.to && node.to?.reading === 'open' ? node.to : undefined;
        if (open) {
          const otherOk = v === c.from ? c.to === undefined || v <= c.to : c.from === undefined || v >= c.from;
          if (otherOk) {
            status = 'confirm';
            threshold = openBoundText(v, open);
          }
        }
      }
      break;
    }
    case 'withinYears': {
      field = c.field;
      const v = ctx.values[c.field];
      if (ctx.asOf === null) {
        threshold = `申报时间前 ${c.years} 年内（未确定申报时间）`;
        if (isIsoDate(v)) value = v;
        break;
      }
      const from = withinYearsFrom(ctx.asOf, c.years);
      threshold = `${from}（含）至 ${ctx.asOf}（含），即 ${c.years} 年内`;
      if (isIsoDate(v)) {
        value = v;
        // A date after the as-of date cannot have been “距申报时间” at the time of applying.
        status = v >= from && v <= ctx.asOf ? 'met' : 'unmet';
      }
      break;
    }
    case 'confirm':
      status = 'confirm';
      break;
    case 'all':
    case 'any': {
      items = [];
      for (const n of node.items ?? []) items.push(evaluateNode(n, ctx));
      status = c.kind === 'all' ? allOf(items) : anyOf(items);
      break;
    }
    case 'not': {
      const item = evaluateNode(node.item!, ctx);
      items = [item];
      status = item.status === 'met' ? 'unmet' : item.status === 'unmet' ? 'met' : item.status;
      break;
    }
    default: {
      // A criterion kind added to the schema must be handled here (type-checking fails until it is);
      // unvalidated data with an unknown kind stays unknown, never met.
      const unknownKind: never = c;
      void unknownKind;
    }
  }
  // One object literal with every key, so all reasons share one shape (this is the hot path);
  // absent values are undefined and vanish from JSON.
  return { criterion: c.id, scope: node.scope, kind: c.kind, status, label: c.label, quote: c.quote, at: c.at, field, value, threshold, items };
}

/** AND: unmet beats unknown beats confirm beats met. */
function allOf(items: readonly Reason[]): Status {
  let unknown = false;
  let confirm = false;
  for (const i of items) {
    if (i.status === 'unmet') return 'unmet';
    if (i.status === 'unknown') unknown = true;
    if (i.status === 'confirm') confirm = true;
  }
  return unknown ? 'unknown' : confirm ? 'confirm' : 'met';
}

/**
 * OR: met beats unknown beats confirm beats unmet. Unknown ranks above confirm so that an answer that
 * could settle the group is asked for before a person is told to confirm it.
 */
function anyOf(items: readonly Reason[]): Status {
  let unknown = false;
  let confirm = false;
  for (const i of items) {
    if (i.status === 'met') return 'met';
    if (i.status === 'unknown') unknown = true;
    if (i.status === 'confirm') confirm = true;
  }
  return unknown ? 'unknown' : confirm ? 'confirm' : 'unmet';
}

const ORDER: readonly Status[] = ['unmet', 'unknown', 'confirm', 'met'];

/** Reasons in the order a page shows them: unmet first, then unknown, confirm, met (stable). */
export function orderReasons(reasons: readonly Reason[]): Reason[] {
  // Four passes over a handful of items beat a comparator sort here (this was the hottest function).
  const out: Reason[] = [];
  for (const status of ORDER) for (const r of reasons) if (r.status === status) out.push(r);
  return out;
}

export interface Aggregate {
  verdict: Verdict;
  met: number;
  of: number;
  confirm: string[];
}

/**
 * A direction's verdict from its top-level reasons. `eligible` only when every evaluable criterion is
 * met; any unmet → `ineligible`; otherwise any unknown → `unknown`. Guidance documents are never
 * eligible whatever the answers; nor is a direction whose scheme is still to be announced
 * (`pendingScheme`): at best it is `unknown`.
 */
export function aggregate(reasons: readonly Reason[], guidance: boolean, pendingScheme = false): Aggregate {
  let met = 0;
  let of = 0;
  let unmet = 0;
  let unknown = 0;
  const confirm: string[] = [];
  for (const r of reasons) {
    if (r.status === 'confirm') {
      confirm.push(r.criterion);
      continue;
    }
    of++;
    if (r.status === 'met') met++;
    else if (r.status === 'unmet') unmet++;
    else unknown++;
  }
  const verdict: Verdict = guidance ? 'guidance' : unmet > 0 ? 'ineligible' : unknown > 0 || pendingScheme ? 'unknown' : 'eligible';
  return { verdict, met, of, confirm };
}

/** True when a value is an answer (not missing, not “unknown”, not malformed). */
function isKnownValue(v: unknown): boolean {
  if (typeof v === 'number') return Number.isFinite(v);
  if (typeof v === 'boolean') return true;
  if (typeof v === 'string') return !isUnknownWord(v);
  if (Array.isArray(v)) return choices(v) !== undefined;
  return false;
}

/**
 * The asked fields whose answers would settle the unknown reasons: leaves that are unknown inside
 * unknown groups (a met `any` needs nothing more). A derived field is replaced by its unknown inputs;
 * if all its inputs are known (growth over a base ≤ 0), nothing can settle it and the derived id itself
 * is listed so the page can say why.
 */
export function decidingFields(reasons: readonly Reason[], registry: ReadonlyMap<string, Field>, values: Readonly<Record<string, unknown>>): string[] {
  // Plain loops and an array: this runs for most directions of a half-filled profile, on every keystroke.
  const out: string[] = [];
  for (const r of reasons) collectUnknown(r, registry, values, out);
  return out;
}

function collectUnknown(r: Reason, registry: ReadonlyMap<string, Field>, values: Readonly<Record<string, unknown>>, out: string[]): void {
  if (r.status !== 'unknown') return;
  if (r.items) for (const i of r.items) collectUnknown(i, registry, values, out);
  else if (r.field !== undefined) addDeciding(r.field, registry, values, out, 0);
}

function addDeciding(id: string, registry: ReadonlyMap<string, Field>, values: Readonly<Record<string, unknown>>, out: string[], depth: number): void {
  const f = registry.get(id);
  let viaInputs = false;
  // The depth bound only guards against a cyclic registry; real chains are one or two deep.
  if (f?.type === 'derived' && depth < 16) {
    for (const dep of f.derive.of) {
      if (isKnownValue(values[dep])) continue;
      viaInputs = true;
      addDeciding(dep, registry, values, out, depth + 1);
    }
  }
  if (!viaInputs && !out.includes(id)) out.push(id);
}
