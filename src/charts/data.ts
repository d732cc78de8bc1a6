/**
 * What the comparison charts draw, derived from the corpus and the crosswalk. Pure: the same data gives
 * the same rows, so the charts and the tables beside them always agree.
 */
import type { Corpus, Policy } from '../data/load.ts';
import { applicableCriteria } from '../model/criteria.ts';
import { compareUrl } from '../model/routes.ts';
import type { Crosswalk, EvolutionEnd, EvolutionStep } from '../schemas/crosswalk.ts';
import { EVOLUTION_KIND_LABEL } from '../schemas/crosswalk.ts';
import { POLICY_KIND_LABEL, type Criterion, type Direction, type Field, type SupportFormula } from '../schemas/index.ts';
import type { MethodKey, MethodRow } from './support-methods.ts';
import type { MatrixColumn, MatrixRow } from './theme-matrix.ts';
import type { TimelineColumn, TimelineItem, TimelineStep } from './programmes-over-time.ts';

/** Threshold fields that measure what the applicant puts in (investment, contribution, budget, interest, spend). */
const INPUT_FIELD = /(Investment|Contribution|Budget|Interest|Spend)/;

/** The binding lower bound of a criterion tree on input amounts (万元), with the criterion that sets it. */
interface Bound {
  value: number;
  criterion: Criterion;
  field: string;
}

/**
 * The least input (万元) that can meet a criterion: a `≥`/`>` threshold on an input field is its value;
 * `all` takes the largest of its items, `any` the smallest (an alternative without a bound means none);
 * anything else sets no bound.
 */
export function inputLowerBound(c: Criterion): Bound | undefined {
  switch (c.kind) {
    case 'threshold':
      return c.unit === '万元' && (c.op === 'gte' || c.op === 'gt') && INPUT_FIELD.test(c.field) ? { value: c.value, criterion: c, field: c.field } : undefined;
    case 'all':
      return largest(c.items.map(inputLowerBound));
    case 'any': {
      const bounds = c.items.map(inputLowerBound);
      if (bounds.some((b) => b === undefined)) return undefined;
      return bounds.reduce<Bound | undefined>((lo, b) => (lo === undefined || (b && b.value < lo.value) ? b : lo), undefined);
    }
    default:
      return undefined;
  }
}

function largest(bounds: ReadonlyArray<Bound | undefined>): Bound | undefined {
  return bounds.reduce<Bound | undefined>((hi, b) => (b && (hi === undefined || b.value > hi.value) ? b : hi), undefined);
}

/** The largest amount a formula can pay (万元) and the clause that states it, or why there is none. */
export function maxStatedSupport(f: SupportFormula): { wan: number; quote: string } | { missing: string } {
  switch (f.kind) {
    case 'fixed':
      return { wan: f.amountWan, quote: f.quote };
    case 'rate':
    case 'parts':
      return f.capWan !== undefined && f.capQuote ? { wan: f.capWan, quote: f.capQuote } : { missing: '按比例支持，原文未载明上限' };
    case 'tiers': {
      const amounts = f.tiers.filter((t) => t.amountWan !== undefined);
      const top = amounts.reduce<(typeof amounts)[number] | undefined>((a, t) => (a === undefined || t.amountWan! > a.amountWan! ? t : a), undefined);
      if (f.capWan !== undefined && f.capQuote && (top === undefined || f.capWan >= top.amountWan!)) return { wan: f.capWan, quote: f.capQuote };
      return top ? { wan: top.amountWan!, quote: top.quote } : { missing: '分档支持，原文未载明金额' };
    }
    case 'upTo':
      return { wan: f.capWan, quote: f.quote };
    case 'notStated':
      return { missing: '原文未载明支持金额' };
    default: {
      // A formula kind added to the schema must be handled here: this fails to compile until it is.
      const unhandled: never = f;
      return unhandled;
    }
  }
}

export interface ThresholdSupportRow {
  policy: Policy;
  direction: Direction;
  /** Minimum input, 万元, with its criterion. */
  threshold?: { wan: number; fieldLabel: string; criterion: Criterion };
  /** Maximum support, 万元, with its clause. */
  support?: { wan: number; quote: string };
}

export interface NotPlotted extends ThresholdSupportRow {
  /** Why the direction has no mark. */
  reasons: string[];
}

/**
 * Chart 1's rows: every direction of the funding calls, split into those with both a minimum input and a
 * stated maximum (plotted) and the rest, each with the reason it is not plotted. Guidance documents
 * (2017, 2020) fund nothing and are left out of this chart.
 */
export function thresholdSupportData(corpus: Corpus): { plotted: ThresholdSupportRow[]; notPlotted: NotPlotted[] } {
  const fields = new Map<string, Field>(corpus.fields.map((f) => [f.id, f]));
  const plotted: ThresholdSupportRow[] = [];
  const notPlotted: NotPlotted[] = [];
  for (const policy of corpus.policies) {
    if (policy.kind !== 'funding-call') continue;
    for (const d of policy.directions) {
      if (d.guidanceOnly) continue;
      const bound = largest(applicableCriteria(policy, d).map(inputLowerBound));
      const max = d.support ? maxStatedSupport(d.support.formula) : { missing: '原文未载明支持方式' };
      const row: ThresholdSupportRow = { policy, direction: d };
      if (bound) row.threshold = { wan: bound.value, fieldLabel: fields.get(bound.field)?.label.replace(/[？?]$/, '') ?? bound.field, criterion: bound.criterion };
      if (!('missing' in max)) row.support = max;
      if (row.threshold && row.support) plotted.push(row);
      else notPlotted.push({ ...row, reasons: [...('missing' in max ? [max.missing] : []), ...(bound ? [] : ['原文未载明投入金额门槛'])] });
    }
  }
  return { plotted, notPlotted };
}

/** The chart's key for a direction's support method. */
export function methodKey(policy: Policy, d: Direction): MethodKey {
  if (policy.kind !== 'funding-call' || d.guidanceOnly || !d.support) return 'guidance';
  if (d.support.method === 'reward') return d.applyFree ? 'reward-free' : 'reward';
  return d.support.method;
}

/** Chart 2's rows: per policy, how many directions use each support method. */
export function supportMethodData(corpus: Corpus): MethodRow[] {
  return corpus.policies.map((p) => {
    const counts: Partial<Record<MethodKey, number>> = {};
    for (const d of p.directions) {
      const k = methodKey(p, d);
      counts[k] = (counts[k] ?? 0) + 1;
    }
    return { id: p.id, label: p.shortTitle, counts };
  });
}

/** Chart 3's rows and columns: themes × policies, counting each theme's directions per policy. */
export function themeMatrixData(corpus: Corpus, crosswalk: Crosswalk): { rows: MatrixRow[]; columns: MatrixColumn[]; counts: Map<string, number> } {
  const counts = new Map<string, number>();
  for (const theme of crosswalk.themes) {
    const refs = new Set(theme.links.flatMap((l) => l.directions));
    for (const ref of refs) {
      const key = `${theme.id}\u0000${ref.split('/')[0]}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return {
    rows: crosswalk.themes.map((t) => ({ id: t.id, label: t.name, href: compareUrl(t.id) })),
    columns: corpus.policies.map((p) => ({ id: p.id, lines: [p.province, String(p.year)], group: p.province })),
    counts,
  };
}

/** A readable name of an evolution end: the direction's or programme's name, or the document's. */
export function endName(corpus: Corpus, end: EvolutionEnd): string {
  const p = corpus.policies.find((x) => x.id === end.policy);
  if (!p) return end.policy;
  if (end.direction) return p.directions.find((d) => d.id === end.direction)?.name ?? end.direction;
  if (end.programme) return p.programmes.find((g) => g.id === end.programme)?.name ?? end.programme;
  return `${p.year} 年文件（整体）`;
}

/** The programme an evolution end sits in (its own, or its direction's), if any. */
function programmeOf(p: Policy, end: EvolutionEnd): string | undefined {
  if (end.programme) return end.programme;
  if (end.direction) return p.directions.find((d) => d.id === end.direction)?.programme;
  return undefined;
}

/**
 * Chart 4's columns and steps for one province: its policies by year, each programme with its number of
 * directions, plus a row for each direction an evolution step names. Steps between policy-wide ends
 * (support modes) have nothing to join and appear only in the list under the chart.
 */
export function programmesOverTimeData(corpus: Corpus, crosswalk: Crosswalk, province: string): { columns: TimelineColumn[]; steps: TimelineStep[] } {
  const policies = corpus.policies.filter((p) => p.province === province).sort((a, b) => a.year - b.year);
  const ids = new Set(policies.map((p) => p.id));
  const evolution = crosswalk.evolution.filter((s) => [s.from?.policy, s.to?.policy].some((p) => p !== undefined && ids.has(p)));
  const named = new Set(evolution.flatMap((s) => [s.from, s.to]).filter((e): e is EvolutionEnd => e?.direction !== undefined).map((e) => `${e.policy}/${e.direction}`));
  const columns = policies.map((p): TimelineColumn => {
    const items: TimelineItem[] = [];
    for (const g of [...p.programmes].sort((a, b) => a.order - b.order)) {
      items.push({ id: g.id, label: g.name, count: p.directions.filter((d) => d.programme === g.id).length, kind: 'programme' });
      for (const d of p.directions) {
        if (d.programme === g.id && named.has(`${p.id}/${d.id}`)) items.push({ id: `${g.id}/${d.id}`, label: d.name, kind: 'direction' });
      }
    }
    return { id: p.id, label: `${p.year} · ${POLICY_KIND_LABEL[p.kind]}`, items };
  });
  const item = (end: EvolutionEnd | undefined) => {
    if (!end) return undefined;
    const p = policies.find((x) => x.id === end.policy);
    const g = p && programmeOf(p, end);
    if (!p || !g) return undefined;
    return { column: p.id, item: end.direction ? `${g}/${end.direction}` : g };
  };
  const steps = evolution.map((s: EvolutionStep): TimelineStep => {
    const from = item(s.from);
    const to = item(s.to);
    const names = [s.from && endName(corpus, s.from), s.to && endName(corpus, s.to)].filter(Boolean).join(' → ');
    return { id: s.id, kind: s.kind, ...(from ? { from } : {}), ...(to ? { to } : {}), title: `${EVOLUTION_KIND_LABEL[s.kind]}：${names}。${s.note}` };
  });
  return { columns, steps };
}
