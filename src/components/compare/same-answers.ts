/**
 * Browser code for /compare/same-answers/: reads the self-check answers (a share link's `?p=` first,
 * else what the self-check page saved in localStorage), evaluates them with the engine against the JSON
 * island, and fills the verdict of every direction in the page's theme tables. The tables themselves
 * are built at build time; this only writes text into them, with text nodes (never innerHTML).
 *
 * The answer formats are the self-check page's own (src/self-check/logic/share.ts and storage.ts), so a
 * link copied there works here with only the path changed.
 */
import { compileCorpus, evaluateProfile, type DirectionResult, type Reason, type Status, type Verdict } from '../../engine/index.ts';
import { parseAnswers } from '../../self-check/logic/answers.ts';
import { fragment, h } from '../../self-check/browser/dom.ts';
import { QuoteLinks } from '../../self-check/logic/links.ts';
import { decodeShare, encodeShare, SHARE_PARAM } from '../../self-check/logic/share.ts';
import { browserStorage, loadState } from '../../self-check/browser/storage.ts';
import type { IslandData, SavedState } from '../../self-check/logic/types.ts';
import { todayInShanghai } from '../../lib/dates.ts';
import { selfCheckUrl } from '../../model/routes.ts';
import { formatWan } from '../../lib/format.ts';

/** The self-check page's words for verdicts and criterion outcomes, so both pages read the same. */
export const VERDICT_LABEL: Record<Verdict, string> = { eligible: '符合', unknown: '需补充信息', ineligible: '不符合', guidance: '指导性' };
const VERDICT_MARK: Record<Verdict, string> = { eligible: '✓', unknown: '?', ineligible: '✗', guidance: '·' };
const STATUS_LABEL: Record<Status, string> = { met: '满足', unmet: '不满足', unknown: '待补充', confirm: '须人工确认' };

/** Where the answers came from, for the status line. */
type Source = 'link' | 'storage';

function readState(): { state: SavedState; source: Source } | { error: string } | null {
  const param = new URLSearchParams(window.location.search).get(SHARE_PARAM);
  if (param !== null) {
    const state = decodeShare(param);
    return state ? { state, source: 'link' } : { error: '链接中的自查回答无法读取（链接可能不完整或被修改）。' };
  }
  const saved = loadState(browserStorage());
  return Object.keys(saved.answers).length > 0 ? { state: saved, source: 'storage' } : null;
}

function byId<T extends HTMLElement = HTMLElement>(id: string): T | null {
  return document.getElementById(id) as T | null;
}

/** One criterion's outcome, its label linked to the clause in the original. */
function reasonItem(r: Reason, policy: string, links: QuoteLinks): HTMLLIElement {
  return h(
    'li',
    { class: `sa-reason sa-reason--${r.status}` },
    h('span', { class: `sa-status sa-status--${r.status}` }, STATUS_LABEL[r.status]),
    ' ',
    h('a', { href: links.href(policy, r.quote) }, r.label),
    r.scope === 'policy' ? h('span', { class: 'muted' }, '（本政策共同条件）') : null,
  );
}

function fillDirection(li: HTMLElement, r: DirectionResult, links: QuoteLinks, labels: ReadonlyMap<string, string>): void {
  const verdict = li.querySelector<HTMLElement>('[data-verdict]');
  if (verdict) {
    verdict.className = `sa-verdict sa-verdict--${r.verdict}`;
    verdict.dataset.verdict = r.verdict;
    verdict.replaceChildren(h('span', { 'aria-hidden': 'true' }, VERDICT_MARK[r.verdict] + ' '), VERDICT_LABEL[r.verdict]);
  }
  const detail = li.querySelector<HTMLElement>('[data-detail]');
  if (!detail) return;
  // Unmet criteria explain a 不符合 at once; for 需补充信息 the questions that would decide it do. The
  // full list, in the engine's order (unmet, unknown, to confirm, met), is one click away.
  const unmet = r.reasons.filter((x) => x.status === 'unmet');
  const ask = r.decidingFields.map((id) => labels.get(id) ?? id);
  detail.replaceChildren(
    fragment(
      h('p', { class: 'sa-count' }, r.verdict === 'guidance' ? '指导性文件，不据此申报。' : `满足 ${r.met} / ${r.of} 项可判断的条件${r.confirm.length > 0 ? `，另有 ${r.confirm.length} 项须人工确认` : ''}。`),
      r.maxSupportWan !== null ? h('p', { class: 'sa-support' }, `按您的回答，最高约 ${formatWan(r.maxSupportWan)}。`) : null,
      unmet.length > 0 ? h('ul', { class: 'sa-reasons' }, unmet.map((x) => reasonItem(x, r.policy, links))) : null,
      ask.length > 0 ? h('p', { class: 'sa-ask' }, `还需回答：${ask.slice(0, 5).join('、')}${ask.length > 5 ? ` 等 ${ask.length} 项` : ''}。`) : null,
      r.reasons.length > 0 ? h('details', { class: 'sa-all' }, h('summary', {}, `逐条条件（${r.reasons.length} 项）`), h('ul', { class: 'sa-reasons' }, r.reasons.map((x) => reasonItem(x, r.policy, links)))) : null,
    ),
  );
}

/** Counts per verdict in a column, as one line. */
function summary(results: readonly DirectionResult[]): string {
  const order: Verdict[] = ['eligible', 'unknown', 'ineligible', 'guidance'];
  return order
    .map((v) => [v, results.filter((r) => r.verdict === v).length] as const)
    .filter(([, n]) => n > 0)
    .map(([v, n]) => `${VERDICT_LABEL[v]} ${n} 个`)
    .join('，');
}

export function initSameAnswers(): void {
  const dataEl = byId('sa-data');
  const empty = byId('sa-empty');
  const status = byId('sa-status');
  const results = byId('sa-results');
  if (!dataEl || !empty || !status || !results) return;
  const read = readState();
  if (read === null) return; // No answers: the static explanation stays.
  if ('error' in read) {
    status.replaceChildren(h('p', { class: 'sa-error' }, read.error, ' 请回到 ', h('a', { href: selfCheckUrl() }, '自查'), ' 重新生成链接。'));
    return;
  }
  const data = JSON.parse(dataEl.textContent ?? '{}') as IslandData;
  const parsed = parseAnswers(read.state.answers, data.fields);
  const today = todayInShanghai();
  const evaluation = evaluateProfile(compileCorpus(data), parsed.profile, { today, ...(read.state.asOf ? { asOf: read.state.asOf } : {}) });
  const byRef = new Map(evaluation.results.map((r) => [`${r.policy}/${r.direction}`, r]));
  const links = new QuoteLinks(data);
  const labels = new Map(data.fields.map((f) => [f.id, f.label.replace(/[？?]$/, '')]));

  for (const li of results.querySelectorAll<HTMLElement>('[data-ref]')) {
    const r = byRef.get(li.dataset.ref ?? '');
    if (r) fillDirection(li, r, links, labels);
  }
  for (const cell of results.querySelectorAll<HTMLElement>('[data-column]')) {
    const refs = [...cell.querySelectorAll<HTMLElement>('[data-ref]')].map((x) => byRef.get(x.dataset.ref ?? '')).filter((x): x is DirectionResult => x !== undefined);
    const line = cell.querySelector<HTMLElement>('[data-summary]');
    if (line && refs.length > 0) line.textContent = summary(refs);
  }

  const answered = Object.keys(read.state.answers).length;
  const from = read.source === 'link' ? '分享链接中的' : '本浏览器保存的';
  const asOf = read.state.asOf ? `按您选择的日期 ${read.state.asOf} 判断日期类条件。` : '日期类条件按各政策的申报截止日判断（无截止日的按原文载明的基准日）。';
  status.replaceChildren(
    fragment(
      h('p', {}, `已使用${from}自查回答（${answered} 项）。${asOf}`),
      parsed.errors.size > 0 ? h('p', { class: 'sa-error' }, `有 ${parsed.errors.size} 项回答无法识别，按“不确定”处理。`) : null,
      h('p', {}, h('a', { href: `${selfCheckUrl()}?${SHARE_PARAM}=${encodeShare(read.state)}#results` }, '在自查页查看或修改这些回答')),
    ),
  );
  empty.hidden = true;
  results.hidden = false;
  results.dataset.ready = 'true';
}
