/**
 * The results, grouped by verdict: each direction with 满足 N / M 项, its reasons (unmet first, as the
 * engine orders them) each with the verbatim clause linked to its place in the original, the answers
 * that would decide an open verdict, and the support working. Combination warnings come first.
 */
import type { InputError } from '../../engine/parse-input.ts';
import type { DirectionResult, KnownValue, Reason, RuleWarning, Status, SupportStep, Verdict } from '../../engine/types.ts';
import type { Field } from '../../schemas/index.ts';
import { describeValue, errorText, formatNumber } from './answers.ts';
import { h, type Child } from './dom.ts';
import { checklistUrl, directionUrl, type QuoteLinks } from './links.ts';
import { qid, shortLabel } from './render-form.ts';
import type { IslandPolicy } from './types.ts';

export const VERDICT_ORDER: readonly Verdict[] = ['eligible', 'unknown', 'ineligible', 'guidance'];
export const VERDICT_LABEL: Record<Verdict, string> = { eligible: '符合', unknown: '需补充信息', ineligible: '不符合', guidance: '指导性' };
const VERDICT_NOTE: Record<Verdict, string> = {
  eligible: '按您的回答，以下方向可判断的条件全部满足。标为“须人工确认”的条件仍须对照原文自行确认。',
  unknown: '以下方向没有不满足的条件，但还有条件因未回答或“不确定”而无法判断；每个方向列出了可决定结果的问题。',
  ineligible: '以下方向至少有一项条件不满足（列在最前）。',
  guidance: '实施意见、工作通知等指导性文件中的方向只说明支持导向，不据此申报资金，因此不判定“符合”。',
};
const STATUS_LABEL: Record<Status, string> = { met: '满足', unmet: '不满足', unknown: '待补充', confirm: '须人工确认' };

export interface ResultsInput {
  results: readonly DirectionResult[];
  warnings: readonly RuleWarning[];
  policies: ReadonlyMap<string, IslandPolicy>;
  registry: ReadonlyMap<string, Field>;
  links: QuoteLinks;
  /** Answers that could not be read (counted as unknown). */
  errors: ReadonlyMap<string, InputError>;
}

export const resultId = (r: Pick<DirectionResult, 'policy' | 'direction'>): string => `r-${r.policy}--${r.direction}`;

/** A verbatim quote (whitespace runs shown as one space, as Quote.astro does) with its link. */
function quoteView(links: QuoteLinks, policy: string, quote: string, at: string | undefined): HTMLElement {
  return h('blockquote', { class: 'quote' }, h('p', {}, `“${quote.replace(/\s+/g, ' ').trim()}”`), h('cite', {}, h('a', { href: links.href(policy, quote) }, at ? `原文 · ${at}` : '原文')));
}

function valueText(field: Field | undefined, value: KnownValue): string {
  return describeValue(field, value);
}

/** The question to link for a field: itself, or for a derived value the first answer it is computed from. */
function askedFor(id: string, registry: ReadonlyMap<string, Field>, depth = 0): Field | undefined {
  const f = registry.get(id);
  if (f?.type !== 'derived' || depth > 8) return f;
  const first = f.derive.of[0];
  return first === undefined ? undefined : askedFor(first, registry, depth + 1);
}

function reasonView(r: Reason, input: ResultsInput, policy: string, parentQuote: string | undefined): HTMLElement {
  const field = r.field !== undefined ? input.registry.get(r.field) : undefined;
  const details: string[] = [];
  if (r.threshold !== undefined) details.push(`要求：${r.threshold}`);
  if (r.field !== undefined) {
    if (r.value !== undefined) details.push(`${field?.type === 'derived' ? '据您的回答计算' : '您的回答'}：${valueText(field, r.value)}`);
    else if (r.status === 'unknown') details.push(field?.type === 'derived' ? '无法计算（缺少数据，或基数为 0）' : '您的回答：未回答或不确定');
  }
  const ask = r.status === 'unknown' && r.field !== undefined && !r.items ? askedFor(r.field, input.registry) : undefined;
  return h(
    'li',
    { class: `sc-reason sc-reason--${r.status}` },
    h('p', { class: 'sc-reason__head' }, h('span', { class: `sc-status sc-status--${r.status}` }, STATUS_LABEL[r.status]), ' ', r.label, r.scope === 'policy' ? h('span', { class: 'muted' }, '（本政策共同条件）') : null),
    details.length > 0 ? h('p', { class: 'sc-reason__detail' }, details.join('；')) : null,
    ask ? h('p', { class: 'sc-reason__detail no-print' }, h('a', { href: `#${qid(ask.id)}` }, `回答：${shortLabel(ask)}`)) : null,
    r.quote !== parentQuote ? quoteView(input.links, policy, r.quote, r.at) : null,
    r.items && r.items.length > 0 ? h('ul', { class: 'sc-reasons sc-reasons--nested' }, r.items.map((i) => reasonView(i, input, policy, r.quote))) : null,
  );
}

function supportView(r: DirectionResult, input: ResultsInput): HTMLElement {
  const direction = input.policies.get(r.policy)?.directions.find((d) => d.id === r.direction);
  let headline: string;
  if (r.maxSupportWan !== null) headline = `${formatNumber(r.maxSupportWan)} 万元`;
  else if (r.verdict === 'guidance') headline = '指导性文件，不据此申报资金';
  else if (!direction?.support) headline = '原文未载明资金支持方式';
  else if (r.supportBasis === 'needs-input') headline = '需先回答计算所需的金额（见下）';
  else if (r.supportBasis === 'not-stated') headline = '原文未载明金额（本站不作估算）';
  // Any other way of not getting an amount: say so and show the cited working, never a guess.
  else headline = '未能算出金额，请看下列原文';
  let previous: string | undefined;
  const step = (s: SupportStep) => {
    const showQuote = s.quote !== undefined && s.quote !== previous;
    if (s.quote !== undefined) previous = s.quote;
    return h('li', {}, s.text, showQuote && s.quote !== undefined ? quoteView(input.links, r.policy, s.quote, s.at) : null);
  };
  const steps = r.supportWorking.filter((s) => s.text !== headline && !(r.verdict === 'guidance' && s.quote === undefined));
  return h(
    'div',
    { class: 'sc-support' },
    h('p', { class: 'sc-support__head' }, '最高支持：', r.maxSupportWan !== null ? h('strong', {}, headline) : h('em', { class: 'not-stated' }, headline)),
    steps.length > 0 ? h('ol', { class: 'sc-working' }, steps.map(step)) : null,
  );
}

function decidingView(r: DirectionResult, input: ResultsInput): Child {
  if (r.verdict !== 'unknown' || r.decidingFields.length === 0) return null;
  return h(
    'div',
    { class: 'sc-deciding' },
    h('p', {}, h('strong', {}, '以下回答可决定结果：')),
    h(
      'ul',
      {},
      r.decidingFields.map((id) => {
        const f = input.registry.get(id);
        const asked = askedFor(id, input.registry);
        const label = f ? shortLabel(f) : id;
        const note = f?.type === 'derived' ? '（由其他回答计算，目前无法计算，如基数为 0）' : input.errors.has(id) ? '（目前的回答无法识别）' : '';
        return h('li', {}, asked ? h('a', { href: `#${qid(asked.id)}` }, label) : label, note);
      }),
    ),
  );
}

function directionView(r: DirectionResult, input: ResultsInput): HTMLElement {
  const policy = input.policies.get(r.policy);
  const direction = policy?.directions.find((d) => d.id === r.direction);
  const programme = policy?.programmes.find((g) => g.id === direction?.programme);
  const confirm = r.confirm.length;
  return h(
    'article',
    { class: `sc-dir sc-dir--${r.verdict}`, id: resultId(r), 'data-verdict': r.verdict, 'data-policy': r.policy, 'data-direction': r.direction },
    h('h4', { class: 'sc-dir__title' }, h('a', { href: directionUrl(r.policy, r.direction) }, r.name)),
    h('p', { class: 'sc-dir__meta' }, [policy?.shortTitle, programme?.name].filter(Boolean).join(' · ')),
    h(
      'p',
      { class: 'sc-dir__tally' },
      h('span', { class: `sc-verdict sc-verdict--${r.verdict}` }, VERDICT_LABEL[r.verdict]),
      ' ',
      h('strong', { 'data-tally': '' }, `满足 ${r.met} / ${r.of} 项`),
      confirm > 0 ? `，另有 ${confirm} 项须人工确认` : '',
    ),
    r.schemeSeparately
      ? h(
          'div',
          { class: 'sc-deciding' },
          h('p', {}, h('strong', {}, '具体方案另行通知：'), '原文所列之外的具体条件尚未公布，因此最多判为“需补充信息”。'),
          quoteView(input.links, r.policy, r.schemeSeparately.quote, r.schemeSeparately.at),
        )
      : null,
    decidingView(r, input),
    r.reasons.length > 0 ? h('ul', { class: 'sc-reasons' }, r.reasons.map((x) => reasonView(x, input, r.policy, undefined))) : h('p', { class: 'muted' }, '原文未列出可逐条判断的条件。'),
    supportView(r, input),
    h('p', { class: 'sc-dir__links' }, h('a', { href: directionUrl(r.policy, r.direction) }, '方向详情'), ' · ', h('a', { href: checklistUrl(r.policy, r.direction) }, '申报材料清单')),
  );
}

function warningsView(input: ResultsInput): Child {
  if (input.warnings.length === 0) return null;
  return h(
    'section',
    { class: 'sc-warnings', 'aria-labelledby': 'sc-warnings-title' },
    h('h3', { id: 'sc-warnings-title' }, `组合申报限制（${input.warnings.length} 条）`),
    h('ul', {}, input.warnings.map((w) => h('li', {}, h('p', {}, w.message), quoteView(input.links, w.policy, w.quote, w.at)))),
  );
}

function errorsView(input: ResultsInput): Child {
  if (input.errors.size === 0) return null;
  return h(
    'div',
    { class: 'sc-warnings' },
    h('p', {}, h('strong', {}, `有 ${input.errors.size} 项回答无法识别，已按“不确定”处理：`)),
    h('ul', {}, [...input.errors].map(([id, e]) => h('li', {}, h('a', { href: `#${qid(id)}` }, errorText(e))))),
  );
}

/** Directions per verdict, in the page's order. */
export function groupByVerdict(results: readonly DirectionResult[]): Map<Verdict, DirectionResult[]> {
  const groups = new Map<Verdict, DirectionResult[]>(VERDICT_ORDER.map((v) => [v, []]));
  for (const r of results) groups.get(r.verdict)?.push(r);
  return groups;
}

/** One sentence for the live region and the summary. */
export function countsSentence(results: readonly DirectionResult[]): string {
  const groups = groupByVerdict(results);
  return VERDICT_ORDER.map((v) => `${VERDICT_LABEL[v]} ${groups.get(v)?.length ?? 0} 个`).join('，');
}

/** The body of the results page. */
export function resultsView(input: ResultsInput): Child {
  const groups = groupByVerdict(input.results);
  return [
    warningsView(input),
    errorsView(input),
    h(
      'ul',
      { class: 'sc-counts' },
      VERDICT_ORDER.map((v) => {
        const n = groups.get(v)?.length ?? 0;
        const text = `${VERDICT_LABEL[v]}：${n} 个方向`;
        return h('li', {}, n > 0 ? h('a', { href: `#v-${v}` }, text) : text);
      }),
    ),
    VERDICT_ORDER.map((v) => {
      const list = groups.get(v) ?? [];
      if (list.length === 0) return null;
      return h(
        'section',
        { class: `sc-group sc-group--${v}`, 'aria-labelledby': `v-${v}`, 'data-group': v },
        h('h3', { id: `v-${v}`, tabindex: '-1' }, `${VERDICT_LABEL[v]}（${list.length} 个方向）`),
        h('p', { class: 'sc-group__note' }, VERDICT_NOTE[v]),
        list.map((r) => directionView(r, input)),
      );
    }),
  ];
}
