/**
 * The results, answer first: one row per direction in scope with its verdict, the most it can bring,
 * what failed or is missing in a few words, the round's status, a phone and the checklist link; the
 * gaps for unmet numeric thresholds; the combination notices among directions still in play; and the
 * as-of line per policy. Pure: the DOM layer only renders these rows.
 */
import { combinationWarnings } from '../../engine/rules.ts';
import { policyDeadline } from '../../engine/asof.ts';
import type { DirectionResult, Evaluation, Reason, RuleWarning, Verdict } from '../../engine/types.ts';
import { allCriteria, applicableCriteria } from '../../model/criteria.ts';
import { roundStatus, type RoundStatus } from '../../model/round.ts';
import { checklistUrl, directionUrl } from '../../model/routes.ts';
import type { Field } from '../../schemas/index.ts';
import { formatWan } from '../../lib/format.ts';
import { describeValue, formatNumber } from './answers.ts';
import { keyOf, type Assessment, type Plan } from './planner.ts';
import type { IslandContact, IslandPolicy } from './types.ts';

/** Row groups in the page's order; ineligible and screened-out rows are folded by default. */
export type RowGroup = 'eligible' | 'unknown' | 'screened-out' | 'ineligible' | 'guidance';
export const GROUP_ORDER: readonly RowGroup[] = ['eligible', 'unknown', 'screened-out', 'ineligible', 'guidance'];
export const GROUP_LABEL: Record<RowGroup, string> = { eligible: '符合', unknown: '需补充信息', 'screened-out': '未涉及（筛选时未勾选）', ineligible: '不符合', guidance: '指导性文件' };
export const VERDICT_LABEL: Record<Verdict, string> = { eligible: '符合', unknown: '需补充信息', ineligible: '不符合', guidance: '指导性' };

/** An unmet numeric threshold: the firm's value, the requirement and how far apart they are. */
export interface Gap {
  label: string;
  value: number;
  threshold: number;
  /** How much more (or less, for an upper bound) is needed; in the field's unit. */
  gap: number;
  unit: string;
  op: 'gte' | 'gt' | 'lte' | 'lt';
}

export interface SummaryRow {
  key: string;
  result: DirectionResult;
  group: RowGroup;
  policy: IslandPolicy;
  /** “3000万元”, or 原文未载明金额 / 需先回答… */
  support: string;
  /** What failed or is missing, in a few words. */
  note: string;
  gaps: Gap[];
  round: RoundStatus;
  contact?: IslandContact;
  directionUrl: string;
  checklistUrl: string;
}

/** Amounts as the texts print them: 3000万元, 1.2亿元. */
const wan = formatWan;

export function supportText(r: DirectionResult): string {
  if (r.verdict === 'guidance') return '指导性文件，不据此申报资金';
  if (r.maxSupportWan !== null && r.verdict !== 'ineligible') return `最高 ${wan(r.maxSupportWan)}`;
  if (r.verdict === 'ineligible') return '—';
  if (r.supportBasis === 'needs-input') return '需先回答计算所需的金额';
  return '原文未载明金额';
}

/** The leaves of a reason tree with a status, depth first. */
function leaves(r: Reason, status: Reason['status'], out: Reason[] = []): Reason[] {
  if (r.items && r.items.length > 0) r.items.forEach((i) => leaves(i, status, out));
  else if (r.status === status) out.push(r);
  return out;
}

const OP_TEXT = { gte: '以上', gt: '以上（不含）', lte: '以下', lt: '以下（不含）' } as const;

/** The numeric thresholds a direction failed, with the gap (criteria looked up by id for the number). */
export function gapsOf(r: DirectionResult, policy: IslandPolicy, registry: ReadonlyMap<string, Field>): Gap[] {
  const direction = policy.directions.find((d) => d.id === r.direction);
  if (!direction) return [];
  const criteria = allCriteria(applicableCriteria(policy, direction));
  const out: Gap[] = [];
  for (const reason of r.reasons.flatMap((x) => leaves(x, 'unmet'))) {
    if (reason.kind !== 'threshold' || typeof reason.value !== 'number') continue;
    const c = criteria.find((x) => x.id === reason.criterion && x.kind === 'threshold');
    if (!c || c.kind !== 'threshold') continue;
    const field = registry.get(c.field);
    out.push({ label: (field?.label ?? reason.label).replace(/[？?]$/, ''), value: reason.value, threshold: c.value, gap: Math.abs(c.value - reason.value), unit: c.unit, op: c.op });
  }
  return out;
}

const unitText = (n: number, unit: string) => (unit === '万元' ? wan(n) : unit === '%' ? `${formatNumber(n)}%` : `${formatNumber(n)} ${unit}`);

/** “总投资 2500 万元，需 3000 万元以上” for a gap. */
export const gapText = (g: Gap): string => `${g.label} ${unitText(g.value, g.unit)}，需 ${unitText(g.threshold, g.unit)}${OP_TEXT[g.op]}`;

function noteFor(r: DirectionResult, group: RowGroup, gaps: readonly Gap[], a: Assessment, p: Plan): string {
  const short = (id: string) => (p.registry.get(id)?.label ?? id).replace(/[？?]$/, '');
  if (group === 'ineligible') {
    if (gaps[0]) return gapText(gaps[0]);
    const unmet = r.reasons.flatMap((x) => leaves(x, 'unmet'))[0] ?? r.reasons.find((x) => x.status === 'unmet');
    if (!unmet) return '有条件不满足';
    const field = unmet.field ? p.registry.get(unmet.field) : undefined;
    return unmet.value !== undefined ? `${unmet.label}（您的回答：${describeValue(field, unmet.value)}）` : unmet.label;
  }
  if (group === 'screened-out') {
    const pr = a.progress.get(keyOf(r));
    return pr?.state === 'screened-out' ? `未勾选：${pr.topics.join('、')}` : '';
  }
  if (group === 'unknown') {
    if (r.schemeSeparately) return '具体方案另行通知';
    const missing = [...new Set(r.decidingFields)].map(short);
    if (missing.length === 0) return '须人工确认的条件见详情';
    return `还需回答：${missing.slice(0, 2).join('、')}${missing.length > 2 ? ` 等 ${missing.length} 项` : ''}`;
  }
  if (group === 'eligible') return r.confirm.length > 0 ? `满足 ${r.met} / ${r.of} 项；另有 ${r.confirm.length} 项须人工确认` : `满足全部 ${r.of} 项`;
  return '只说明支持导向，不据此申报';
}

/** The as-of date the engine used for a policy, whether it reports one date or one per policy. */
export function asOfFor(evaluation: Evaluation, policy: string, results: readonly DirectionResult[]): string | null {
  const fromResult = results.find((r) => r.policy === policy)?.asOf as unknown;
  const pick = (x: unknown): string | null => (typeof x === 'string' ? x : x !== null && typeof x === 'object' && typeof (x as { date?: unknown }).date === 'string' ? (x as { date: string }).date : null);
  if (pick(fromResult)) return pick(fromResult);
  const asOf = evaluation.asOf as unknown;
  if (asOf !== null && typeof asOf === 'object') return pick((asOf as Record<string, unknown>)[policy]);
  return pick(asOf);
}

export interface RoundLine {
  policy: IslandPolicy;
  round: RoundStatus;
  asOf: string | null;
  /** The sentence at the top of the results. */
  text: string;
}

/** True when a direction may still be applied for: eligible or unknown, and not screened out. */
const inPlay = (a: Assessment, r: DirectionResult): boolean =>
  (r.verdict === 'eligible' || r.verdict === 'unknown') && a.progress.get(keyOf(r))?.state !== 'screened-out';

/**
 * One line per funding call in scope with a direction still in play: the round's status and the date
 * dated conditions were judged on. A call none of whose directions fits (a Jiangsu fund for a Shanxi
 * firm) says nothing the reader needs; when no direction is in play at all, every call keeps its line.
 */
export function roundLines(p: Plan, a: Assessment, today: string, chosenAsOf: string | null): RoundLine[] {
  // Guidance documents have no round; their rows say 指导性 and are folded away.
  const calls = [...new Set(a.results.map((r) => r.policy))].filter((id) => p.data.policies.find((x) => x.id === id)?.kind === 'funding-call');
  const open = calls.filter((id) => a.results.some((r) => r.policy === id && inPlay(a, r)));
  const ids = open.length > 0 ? open : calls;
  return ids.map((id) => {
    const policy = p.data.policies.find((x) => x.id === id)!;
    const round = roundStatus({ fundingCall: policy.kind === 'funding-call', deadline: policyDeadline(policy) }, today);
    const asOf = asOfFor(a.evaluation, id, a.results);
    const judged = chosenAsOf ? `日期类条件按您选择的 ${chosenAsOf} 判断` : asOf ? `日期类条件按 ${asOf}${round.deadline === asOf ? '（申报截止日）' : ''}判断` : '原文未载明可作判断日期的日子，日期类条件列为需补充信息（可在下方选定判断日期）';
    let status: string;
    if (round.state === 'closed') status = `本轮已于 ${round.deadline} 截止；结果可作为下一轮申报的参考`;
    else if (round.state === 'no-deadline') status = '原文未载明申报截止日期';
    else if (round.state === 'guidance') status = '指导性文件，不据此申报资金';
    else status = round.text;
    return { policy, round, asOf, text: `${policy.shortTitle}：${status}。${judged}。` };
  });
}

/** The combination notices among directions still in play (eligible or unknown), deduplicated. */
export function notices(p: Plan, a: Assessment): RuleWarning[] {
  const seen = new Set<string>();
  const out: RuleWarning[] = [];
  for (const policy of p.data.policies) {
    const open = a.results.filter((r) => r.policy === policy.id && inPlay(a, r));
    for (const w of combinationWarnings(policy.id, policy.rules ?? [], open)) {
      const id = `${w.policy}|${w.rule}|${[...w.directions].sort().join(',')}`;
      if (w.directions.length < 2 || seen.has(id)) continue;
      seen.add(id);
      out.push(w);
    }
  }
  return out;
}

/** The summary rows in the page's order: eligible, unknown, screened out, ineligible, guidance. */
export function summaryRows(p: Plan, a: Assessment, today: string): SummaryRow[] {
  const rows = a.results.map((r): SummaryRow => {
    const policy = p.data.policies.find((x) => x.id === r.policy)!;
    const screened = r.verdict === 'unknown' && a.progress.get(keyOf(r))?.state === 'screened-out';
    const group: RowGroup = screened ? 'screened-out' : r.verdict;
    const gaps = r.verdict === 'ineligible' ? gapsOf(r, policy, p.registry) : [];
    const contact = policy.directions.find((d) => d.id === r.direction)?.contact;
    return {
      key: keyOf(r),
      result: r,
      group,
      policy,
      support: supportText(r),
      note: noteFor(r, group, gaps, a, p),
      gaps,
      round: roundStatus({ fundingCall: policy.kind === 'funding-call', deadline: policyDeadline(policy) }, today),
      ...(contact ? { contact } : {}),
      directionUrl: directionUrl(r.policy, r.direction),
      checklistUrl: checklistUrl(r.policy, r.direction),
    };
  });
  return GROUP_ORDER.flatMap((g) => rows.filter((r) => r.group === g));
}

/** One cited line of the printed handout. */
export interface CitedReason {
  label: string;
  at: string;
}

/**
 * The reasons the handout prints for a direction still in play, each with the place of its clause: for
 * an eligible direction the direction's own conditions it meets (the policy's common conditions are
 * counted, not repeated per direction); for an unknown one what is still open. Verbatim quotes stay a
 * click away online.
 */
export function handoutReasons(r: DirectionResult): { met: CitedReason[]; open: CitedReason[]; confirm: number; common: number } {
  const cite = (x: Reason): CitedReason => ({ label: x.label, at: x.at });
  const metLeaves = r.reasons.flatMap((x) => leaves(x, 'met'));
  return {
    met: r.verdict === 'eligible' ? metLeaves.filter((x) => x.scope === 'direction').map(cite) : [],
    open: r.reasons.flatMap((x) => leaves(x, 'unknown')).map(cite),
    confirm: r.confirm.length,
    common: metLeaves.filter((x) => x.scope === 'policy').length,
  };
}
