/**
 * The results, grouped by verdict: each direction with 满足 N / M 项, its reasons (unmet first, as the
 * engine orders them) each with the verbatim clause linked to its place in the original, the answers
 * that would decide an open verdict, and the support working. Combination warnings come first.
 */
import type { InputError } from '../../engine/parse-input.ts';
import type { DirectionResult, KnownValue, Reason, RuleWarning, Status, SupportStep } from '../../engine/types.ts';
import type { Field } from '../../schemas/index.ts';
import { describeValue, errorText, formatNumber, summariseAnswer } from '../logic/answers.ts';
import type { QuoteLinks } from '../logic/links.ts';
import { gapText, GROUP_LABEL, handoutReasons, VERDICT_LABEL, type CitedReason, type RoundLine, type SummaryRow } from '../logic/summary.ts';
import type { IslandPolicy } from '../logic/types.ts';
import { h, type Child } from './dom.ts';
import { qid } from '../logic/route.ts';
import { shortLabel } from './render-form.ts';

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
  return h('blockquote', { class: 'quote' }, h('p', {}, `“${quote.replace(/\s+/g, ' ').trim()}”`), h('cite', {}, h('a', { href: links.href(policy, quote, at) }, at ? `原文 · ${at}` : '原文')));
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

const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, '')}`;

/** One summary row: direction, verdict, support, what failed or is missing, round, phone, checklist. */
function rowView(row: SummaryRow): HTMLElement {
  const r = row.result;
  return h(
    'tr',
    { class: `sc-row sc-row--${row.group}`, id: `row-${r.policy}--${r.direction}`, 'data-verdict': r.verdict, 'data-policy': r.policy, 'data-direction': r.direction, 'data-group': row.group },
    h('th', { scope: 'row', class: 'sc-row__name' }, h('a', { href: row.directionUrl }, r.name), h('span', { class: 'sc-row__policy' }, row.policy.shortTitle)),
    h('td', { class: 'sc-row__verdict' }, h('span', { class: `sc-verdict sc-verdict--${r.verdict}` }, row.group === 'screened-out' ? '未涉及' : VERDICT_LABEL[r.verdict])),
    h('td', { class: 'sc-row__support', 'data-support': '' }, r.maxSupportWan !== null && r.verdict !== 'ineligible' ? h('strong', {}, row.support) : h('span', { class: 'muted' }, row.support)),
    h('td', { class: 'sc-row__note' }, row.note, h('span', { class: 'visually-hidden', 'data-tally': '' }, `满足 ${r.met} / ${r.of} 项`)),
    h('td', { class: `sc-row__round sc-round--${row.round.state}` }, row.round.state === 'closed' ? `已截止 ${row.round.deadline}` : row.round.text),
    h('td', { class: 'sc-row__contact' }, row.contact ? h('a', { href: telHref(row.contact.phone), class: 'sc-tel' }, row.contact.phone) : h('span', { class: 'muted' }, '原文未载明')),
    h('td', { class: 'sc-row__links' }, h('a', { href: row.checklistUrl }, '材料清单', h('span', { class: 'visually-hidden' }, `：${r.name}`))),
  );
}

/** The handout's cited reasons of one row (shown in print only; the screen has the details). */
function printReasons(row: SummaryRow): Child {
  if (row.group !== 'eligible' && row.group !== 'unknown') return null;
  const x = handoutReasons(row.result);
  const list = (items: readonly CitedReason[]) => items.map((c, i) => [i > 0 ? '；' : '', c.label, h('span', { class: 'sc-at' }, `（${c.at}）`)]);
  return h(
    'p',
    { class: 'sc-print-reasons' },
    x.met.length > 0 ? [h('strong', {}, '满足：'), list(x.met), '。'] : null,
    x.open.length > 0 ? [h('strong', {}, '待补充：'), list(x.open), '。'] : null,
    x.common > 0 ? `本政策共同条件已满足 ${x.common} 项。` : '',
    x.confirm > 0 ? `另有 ${x.confirm} 项须人工确认（见网页详情）。` : '',
  );
}

/** The criteria, quotes and support working of one row, folded under it. */
function detailRow(row: SummaryRow, input: ResultsInput): HTMLElement {
  const r = row.result;
  return h(
    'tr',
    { class: `sc-detail-row sc-detail-row--${row.group}` },
    h(
      'td',
      { colspan: 7 },
      printReasons(row),
      h(
        'details',
        { class: 'sc-detail', id: `d-${r.policy}--${r.direction}`, 'data-print': row.group === 'eligible' || row.group === 'unknown' ? 'open' : 'hide' },
        h('summary', {}, `条件和原文：满足 ${r.met} / ${r.of} 项`, r.confirm.length > 0 ? `，${r.confirm.length} 项须人工确认` : '', h('span', { class: 'visually-hidden' }, `（${r.name}）`)),
        row.gaps.length > 0 ? h('ul', { class: 'sc-gaps' }, row.gaps.map((g) => h('li', {}, `${gapText(g)}：差 ${formatNumber(g.gap)} ${g.unit}`))) : null,
        r.schemeSeparately ? h('div', { class: 'sc-deciding' }, h('p', {}, h('strong', {}, '具体方案另行通知：'), '原文所列之外的具体条件尚未公布，因此最多判为“需补充信息”。'), quoteView(input.links, r.policy, r.schemeSeparately.quote, r.schemeSeparately.at)) : null,
        decidingView(r, input),
        r.reasons.length > 0 ? h('ul', { class: 'sc-reasons' }, r.reasons.map((x) => reasonView(x, input, r.policy, undefined))) : h('p', { class: 'muted' }, '原文未列出可逐条判断的条件。'),
        supportView(r, input),
        row.contact ? h('p', { class: 'sc-contact' }, `联系：${row.contact.organisation} ${row.contact.name} `, h('a', { href: telHref(row.contact.phone) }, row.contact.phone)) : null,
      ),
    ),
  );
}

const HEAD = ['方向', '结论', '最高支持', '说明', '本轮', '联系电话', '材料'];

function tableView(rows: readonly SummaryRow[], input: ResultsInput, caption: string, id: string): HTMLElement {
  return h(
    'table',
    { class: 'sc-table', id },
    h('caption', { class: 'visually-hidden' }, caption),
    h('thead', {}, h('tr', {}, HEAD.map((x) => h('th', { scope: 'col' }, x)))),
    h('tbody', {}, rows.flatMap((row) => [rowView(row), detailRow(row, input)])),
  );
}

export interface SummaryInput extends ResultsInput {
  rows: readonly SummaryRow[];
  /** The answers given, for the “您的回答” list with its 修改 links. */
  answers: Readonly<Record<string, string>>;
  rounds: readonly RoundLine[];
  notices: readonly RuleWarning[];
}

/** The body of the results: round lines, the summary table, notices, then the folded groups. */
export function summaryView(input: SummaryInput): Child {
  const open = input.rows.filter((r) => r.group === 'eligible' || r.group === 'unknown');
  const count = (g: SummaryRow['group']) => input.rows.filter((r) => r.group === g).length;
  const folded = (['screened-out', 'ineligible', 'guidance'] as const).filter((g) => count(g) > 0);
  const names = new Map(input.rows.map((r) => [r.key, r.result.name]));
  return [
    h('ul', { class: 'sc-rounds' }, input.rounds.map((l) => h('li', { class: `sc-round--${l.round.state}` }, l.text))),
    h('p', { class: 'sc-counts', id: 'sc-counts' }, `符合 ${count('eligible')} 个方向，需补充信息 ${count('unknown')} 个，不符合 ${count('ineligible')} 个${count('screened-out') ? `，未涉及 ${count('screened-out')} 个` : ''}。`),
    open.length > 0 ? tableView(open, input, '可能符合和需补充信息的方向', 'sc-summary-table') : h('p', { class: 'sc-none' }, '按您的回答，所选范围内没有可能符合的方向。'),
    input.notices.length > 0
      ? h(
          'section',
          { class: 'sc-warnings', 'aria-labelledby': 'sc-warnings-title' },
          h('h3', { id: 'sc-warnings-title' }, '组合申报限制'),
          h(
            'ul',
            {},
            input.notices.map((w) => h('li', {}, h('p', {}, `${w.directions.map((d) => `“${names.get(`${w.policy}/${d}`) ?? d}”`).join('与')}：${w.text}`), h('details', {}, h('summary', {}, `原文 · ${w.at}`), quoteView(input.links, w.policy, w.quote, w.at)))),
          ),
        )
      : null,
    errorsView(input),
    answersView(input),
    folded.map((g) =>
      h('details', { class: `sc-fold sc-fold--${g}`, 'data-group': g }, h('summary', {}, `${GROUP_LABEL[g]}（${count(g)} 个方向）`), tableView(input.rows.filter((r) => r.group === g), input, GROUP_LABEL[g], `sc-table-${g}`)),
    ),
  ];
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

/** Every answer given, each with a 修改 link back to its question (GOV.UK “check your answers”, folded). */
function answersView(input: SummaryInput): Child {
  const given = [...input.registry.values()].filter((f) => Object.hasOwn(input.answers, f.id));
  if (given.length === 0) return null;
  return h(
    'details',
    { class: 'sc-fold sc-answers' },
    h('summary', {}, `您的回答（${given.length} 项）`),
    h(
      'dl',
      { class: 'sc-summary' },
      given.map((f) => {
        const s = summariseAnswer(f, input.answers);
        return h(
          'div',
          { class: `sc-summary__row sc-summary__row--${s.state}` },
          h('dt', { class: 'sc-summary__key' }, shortLabel(f)),
          h('dd', { class: 'sc-summary__value' }, s.text),
          h('dd', { class: 'sc-summary__action' }, h('a', { href: `#${qid(f.id)}` }, '修改', h('span', { class: 'visually-hidden' }, `：${shortLabel(f)}`))),
        );
      }),
    ),
  );
}
