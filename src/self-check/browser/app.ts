/**
 * The self-check in the browser: a thin layer that loads the data, renders the step the planner names
 * (src/self-check/logic/planner.ts `next`) and dispatches what the person does as events (`reduce`).
 * It holds no questionnaire logic of its own.
 *
 * Data: /self-check/index.json first (shared questions, provinces), then what the scope needs
 * (logic/load.ts): one criteria file per policy in scope, found from the scope key itself, or for a
 * province or the whole corpus its provinces' lists first. Routes (location.hash) are those of
 * logic/route.ts; back, forward and a reload show the step of the route with the answers given there.
 */
import { UNKNOWN_ANSWER, type IslandData, type SavedState, type SelfCheckIndex } from '../logic/types.ts';
import { errorText, parseAnswers } from '../logic/answers.ts';
import { QuoteLinks } from '../logic/links.ts';
import { assess, checklistAnswers, EMPTY, next, plan, purposeText, reduce, type Plan, type QuestionnaireEvent, type QuestionnaireState, type Step } from '../logic/planner.ts';
import { ScopeLoader } from '../logic/load.ts';
import { entryOf, qid, routeOf, stepAt } from '../logic/route.ts';
import { describeScope, readScopeKey, scopeKey } from '../logic/scope.ts';
import { compactShareUrl, COMPACT_PARAM, decodeCompact, decodeShare, resolveCompact, SHARE_PARAM } from '../logic/share.ts';
import { notices, roundLines, summaryRows } from '../logic/summary.ts';
import { todayInShanghai } from '../../lib/dates.ts';
import { fragment, h } from './dom.ts';
import { CHECKLIST, checklistView, DECLARATIONS, screeningView, setQuestionError, singleQuestionView } from './render-form.ts';
import { summaryView } from './render-results.ts';
import { browserStorage, clearState, loadState, saveState } from './storage.ts';

const byId = <T extends HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`自查页面缺少元素 #${id}`);
  return el as T;
};

/** A JSON file of the site; null when it does not exist (404), an error for anything else. */
async function getJson<T>(url: string): Promise<T | null> {
  const r = await fetch(url);
  if (r.status === 404) return null;
  if (!r.ok) throw new Error(`${url}: ${r.status}`);
  return (await r.json()) as T;
}

export async function initSelfCheck(): Promise<void> {
  const root = document.getElementById('sc-app');
  const src = root?.dataset.index;
  if (!root || !src) return;
  const el = {
    head: byId('sc-step-head'),
    back: byId<HTMLAnchorElement>('sc-back'),
    progress: byId('sc-progress'),
    notices: byId('sc-notices'),
    errors: byId('sc-errors'),
    errorList: byId('sc-errors-list'),
    form: byId<HTMLFormElement>('sc-form'),
    scopePage: byId('sc-page-scope'),
    page: byId('sc-page'),
    submit: byId<HTMLButtonElement>('sc-submit'),
    results: byId('sc-results'),
    resultsMeta: byId('sc-results-meta'),
    resultsBody: byId('sc-results-body'),
    share: byId<HTMLButtonElement>('sc-share'),
    shareBox: byId('sc-share-box'),
    shareUrl: byId<HTMLInputElement>('sc-share-url'),
    print: byId<HTMLButtonElement>('sc-print'),
    clear: byId<HTMLButtonElement>('sc-clear'),
    dialog: byId<HTMLDialogElement>('sc-clear-dialog'),
    clearConfirm: byId<HTMLButtonElement>('sc-clear-confirm'),
    clearCancel: byId<HTMLButtonElement>('sc-clear-cancel'),
    live: byId('sc-live'),
  };
  const found = await getJson<SelfCheckIndex>(src).catch(() => null);
  if (!found) {
    root.replaceChildren(h('p', { class: 'sc-warning-text' }, '自查数据无法读取，请刷新页面重试。'));
    root.hidden = false;
    return;
  }
  const index: SelfCheckIndex = found;
  const loader = new ScopeLoader(index, getJson);
  const store = browserStorage();
  const baseTitle = document.title;
  let state: QuestionnaireState = reduce(EMPTY, { type: 'load', state: loadState(store) });
  let current: Plan | null = null;
  /** The question being changed from the results (shown even if the planner would not ask it now). */
  let editing: string | null = null;

  const notice = (text: string) => el.notices.append(h('div', { class: 'sc-notice', role: 'status' }, h('p', {}, text)));
  const announce = (text: string) => {
    el.live.textContent = '';
    window.setTimeout(() => (el.live.textContent = text), 50);
  };
  const dispatch = (event: QuestionnaireEvent) => {
    state = reduce(state, event);
    if (!saveState(store, state) && store) notice('本浏览器未能保存回答；关闭页面前请用“复制分享链接”保留。');
  };

  /** The plan of the current scope, loading its files first; null when the scope names nothing. */
  async function planFor(): Promise<Plan | null> {
    const loaded = await loader.load(state.scope);
    if (!loaded) return null;
    const data: IslandData = { fields: index.fields, policies: loaded.policies };
    if (!current || current.data.policies.length !== data.policies.length || current.data.policies.some((p, i) => p !== data.policies[i]) || scopeKey(current.scope) !== scopeKey(loaded.scope)) current = plan(loaded.scope, data);
    return current;
  }

  const clearErrors = () => {
    el.errors.hidden = true;
    el.errorList.replaceChildren();
  };
  const showErrors = (items: Array<{ href: string; text: string }>) => {
    el.errorList.replaceChildren(...items.map((i) => h('li', {}, h('a', { href: i.href }, i.text))));
    el.errors.hidden = false;
    el.errors.focus();
  };

  let step: Step = { kind: 'scope' };

  /**
   * Shows a step. `push`: the planner's next step, recorded in the history so that the back button
   * returns to the previous one; otherwise the step of the current route (back, forward, a reload).
   */
  async function show(push: boolean, focus = true): Promise<void> {
    const p = await planFor();
    step = p && !push ? stepAt(p, state, location.hash, history.state) : next(p, state);
    if (editing && p && p.registry.has(editing)) step = { kind: 'question', question: { field: p.registry.get(editing)!, forDirections: [] }, asked: 0 };
    const route = routeOf(step);
    if (push && location.hash !== `#${route}`) history.pushState(entryOf(step), '', `#${route}`);
    else if (!push) history.replaceState(entryOf(step), '', `#${route}`);
    clearErrors();
    el.scopePage.hidden = step.kind !== 'scope';
    el.page.hidden = step.kind === 'scope' || step.kind === 'results';
    el.form.hidden = step.kind === 'results';
    el.results.hidden = step.kind !== 'results';
    el.head.hidden = step.kind === 'scope';
    document.body.classList.toggle('sc-first-step', step.kind === 'scope');
    el.back.href = step.kind === 'scope' ? '/' : '#back';
    let title = '选择自查范围';
    if (step.kind === 'scope') {
      restoreScopeForm();
      el.submit.textContent = '继续';
    } else if (step.kind === 'screening') {
      title = '先了解贵企业的基本情况';
      el.progress.textContent = describeScope(p!.scope, p!.data);
      el.page.replaceChildren(h('h2', { class: 'sc-page-heading', id: 'sc-heading', tabindex: '-1' }, title), fragment(screeningView({ fields: step.fields, topics: step.topics, declarations: step.declarations, answers: state.answers, ticked: state.topics })));
      el.submit.textContent = '继续';
    } else if (step.kind === 'question') {
      const f = step.question.field;
      title = f.label;
      el.progress.textContent = editing ? '修改回答' : describeScope(p!.scope, p!.data);
      el.page.replaceChildren(singleQuestionView(f, state.answers, editing ? '' : purposeText(p!, step.question)));
      el.submit.textContent = editing ? '保存并查看结果' : '继续';
    } else if (step.kind === 'checklist') {
      title = '以下问题中，回答为“是”的请勾选';
      el.progress.textContent = describeScope(p!.scope, p!.data);
      el.page.replaceChildren(checklistView(step.checklist.fields, state.answers, purposeText(p!, step.checklist)));
      el.submit.textContent = '继续';
    } else if (step.kind === 'results') {
      title = '自查结果';
      renderResults(p!);
    }
    document.title = `${title} · ${baseTitle}`;
    if (focus) {
      const target = step.kind === 'scope' ? byId('sc-scope-legend') : step.kind === 'results' ? byId('sc-results-title') : step.kind === 'question' || step.kind === 'checklist' ? el.page.querySelector<HTMLElement>('input') : byId('sc-heading');
      target?.focus();
    }
  }

  function renderResults(p: Plan): void {
    const a = assess(p, state);
    const today = todayInShanghai();
    const rows = summaryRows(p, a, today);
    el.resultsMeta.replaceChildren(h('p', {}, `自查范围：${describeScope(p.scope, p.data)}（${rows.length} 个方向）。`));
    el.resultsBody.replaceChildren(
      fragment(
        summaryView({
          rows,
          answers: state.answers,
          rounds: roundLines(p, a, today, state.asOf),
          notices: notices(p, a),
          results: a.results,
          warnings: [],
          policies: new Map(p.data.policies.map((x) => [x.id, x])),
          registry: p.registry,
          links: new QuoteLinks(p.data),
          errors: a.parsed.errors,
        }),
      ),
    );
    el.shareBox.hidden = true;
    announce(byId('sc-counts').textContent ?? '');
  }

  // ---- scope ---------------------------------------------------------------------------------------
  const scopeRadios = () => [...el.scopePage.querySelectorAll<HTMLInputElement>('input[name="scope-kind"]')];
  const scopeSelect = (kind: string) => document.getElementById(`sc-scope-${kind}-value`) as HTMLSelectElement | null;
  const revealScope = () => {
    for (const r of scopeRadios()) {
      const box = document.getElementById(`sc-scope-${r.value}-reveal`);
      if (box) box.hidden = !r.checked;
    }
  };
  function restoreScopeForm(): void {
    const scope = readScopeKey(state.scope);
    for (const r of scopeRadios()) r.checked = scope?.kind === r.value;
    if (scope?.kind === 'province') scopeSelect('province')!.value = scope.province;
    if (scope?.kind === 'policy') scopeSelect('policy')!.value = scope.policy;
    if (scope?.kind === 'programme') scopeSelect('programme')!.value = `${scope.policy}/${scope.programme}`;
    revealScope();
  }
  function submitScope(): boolean {
    const checked = scopeRadios().find((r) => r.checked);
    const key = !checked ? '' : checked.value === 'all' ? 'all' : `${checked.value}:${scopeSelect(checked.value)?.value ?? ''}`;
    const slot = byId('sc-scope-error');
    // The choices are the page's own (rendered from the corpus): a key that reads is one that exists.
    if (!checked || !readScopeKey(key)) {
      slot.hidden = false;
      slot.replaceChildren(h('span', { class: 'visually-hidden' }, '错误：'), '请选择自查范围');
      showErrors([{ href: `#${scopeRadios()[0]?.id ?? 'sc-scope-group'}`, text: '请选择自查范围' }]);
      return false;
    }
    slot.hidden = true;
    dispatch({ type: 'scope', scope: key });
    return true;
  }

  // ---- screening and questions ---------------------------------------------------------------------
  function submitScreening(): boolean {
    if (step.kind !== 'screening') return false;
    const answers: Record<string, string> = {};
    const problems: Array<{ href: string; text: string }> = [];
    for (const f of step.fields) {
      const raw = readControls(f.id);
      answers[f.id] = raw === '' ? UNKNOWN_ANSWER : raw;
      const e = parseAnswers({ [f.id]: answers[f.id]! }, [f]).errors.get(f.id);
      setQuestionError(el.page, f.id, e ? errorText(e) : null);
      if (e) problems.push({ href: `#${qid(f.id)}`, text: errorText(e) });
    }
    if (problems.length > 0) return showErrors(problems), false;
    const declared = readTickList(DECLARATIONS);
    if (!declared) return false;
    Object.assign(answers, checklistAnswers({ fields: step.declarations, forDirections: [] }, declared.ticked, declared.unsure));
    const ticked = [...checked('sc-topics')];
    dispatch({ type: 'screening', answers, topics: step.topics.length > 0 ? ticked : step.topics.map((t) => t.label) });
    return true;
  }

  /** The raw answer the controls of a question hold: typed text, the chosen option(s), or 不确定. */
  function readControls(field: string): string {
    const wrap = el.page.querySelector<HTMLElement>(`[data-question="${CSS.escape(field)}"]`);
    if (!wrap) return '';
    if ((wrap.querySelector<HTMLInputElement>('[data-role="unknown"]')?.checked ?? false)) return UNKNOWN_ANSWER;
    const text = wrap.querySelector<HTMLInputElement>('[data-role="text"]');
    if (text) return text.value;
    const select = wrap.querySelector<HTMLSelectElement>('[data-role="select"]');
    if (select) return select.value;
    return [...wrap.querySelectorAll<HTMLInputElement>('[data-role="option"]:checked')].map((i) => i.value).join('、');
  }

  function submitQuestion(): boolean {
    if (step.kind !== 'question') return false;
    const f = step.question.field;
    const raw = readControls(f.id);
    if (raw.trim() === '') {
      const text = `请回答“${f.label.replace(/[？?]$/, '')}”，或选“不确定”`;
      setQuestionError(el.page, f.id, text);
      return showErrors([{ href: `#${qid(f.id)}`, text }]), false;
    }
    const e = parseAnswers({ [f.id]: raw }, [f]).errors.get(f.id);
    setQuestionError(el.page, f.id, e ? errorText(e) : null);
    if (e) return showErrors([{ href: `#${qid(f.id)}`, text: errorText(e) }]), false;
    dispatch({ type: 'answer', field: f.id, raw });
    editing = null;
    return true;
  }

  const checked = (name: string) => new Set([...el.page.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`)].map((i) => i.value));

  /**
   * A tick list with its second list of uncertain items (render-form.ts listWithDoubts): what is ticked on
   * each, or null (and the error shown) when “其中有我拿不准的” is ticked without saying which.
   */
  function readTickList(name: string): { ticked: Set<string>; unsure: Set<string> } | null {
    const doubts = (document.getElementById(`${name}-unsure`) as HTMLInputElement | null)?.checked ?? false;
    const unsure = doubts ? checked(`${name}-unknown`) : new Set<string>();
    if (doubts && unsure.size === 0) {
      const text = '请勾选拿不准的问题，或取消“其中有我拿不准的”';
      return showErrors([{ href: `#${name}-unknown-1`, text }]), null;
    }
    return { ticked: checked(name), unsure };
  }

  function submitChecklist(): boolean {
    if (step.kind !== 'checklist') return false;
    const read = readTickList(CHECKLIST);
    if (!read) return false;
    dispatch({ type: 'answers', answers: checklistAnswers(step.checklist, read.ticked, read.unsure) });
    return true;
  }

  // ---- events ----------------------------------------------------------------------------------------
  el.form.addEventListener('submit', (e) => {
    e.preventDefault();
    const ok = step.kind === 'scope' ? submitScope() : step.kind === 'screening' ? submitScreening() : step.kind === 'checklist' ? submitChecklist() : submitQuestion();
    if (ok) void show(true);
  });
  el.form.addEventListener('change', (e) => {
    const t = e.target;
    if (!(t instanceof HTMLInputElement)) return;
    if (t.name === 'scope-kind') revealScope();
    if (t.name === `${CHECKLIST}-unsure` || t.name === `${DECLARATIONS}-unsure`) {
      const box = document.getElementById(t.getAttribute('aria-controls') ?? '');
      if (box) box.hidden = !t.checked;
    }
    // 不确定 and an answer exclude each other.
    const wrap = t.closest<HTMLElement>('[data-question]');
    if (t.dataset.role === 'unknown' && t.checked) wrap?.querySelectorAll<HTMLInputElement>('[data-role="option"], [data-role="text"]').forEach((i) => (i.type === 'text' ? (i.value = '') : (i.checked = false)));
    if (t.dataset.role === 'option' && t.checked) {
      const u = wrap?.querySelector<HTMLInputElement>('[data-role="unknown"]');
      if (u) u.checked = false;
    }
  });
  el.form.addEventListener('input', (e) => {
    const t = e.target;
    if (t instanceof HTMLInputElement && t.dataset.role === 'text' && t.value !== '') {
      const u = t.closest('[data-question]')?.querySelector<HTMLInputElement>('[data-role="unknown"]');
      if (u) u.checked = false;
    }
  });
  root.addEventListener('click', (e) => {
    const a = e.target instanceof Element ? e.target.closest<HTMLAnchorElement>('a[href^="#"]') : null;
    if (!a || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
    const id = (a.getAttribute('href') ?? '').slice(1);
    if (id === 'back') {
      e.preventDefault();
      history.back();
    } else if (id.startsWith('q-') && el.results.contains(a)) {
      e.preventDefault();
      editing = id.slice(2);
      void show(true);
    } else if (id === 'scope' || id === 'sc-page-scope') {
      e.preventDefault();
      history.pushState(null, '', '#scope');
      showScope();
    }
  });
  const showScope = () => {
    step = { kind: 'scope' };
    el.scopePage.hidden = false;
    el.page.hidden = true;
    el.form.hidden = false;
    el.results.hidden = true;
    el.head.hidden = true;
    restoreScopeForm();
  };
  window.addEventListener('popstate', () => {
    editing = null;
    if (location.hash === '#scope' || location.hash === '') return showScope();
    void show(false);
  });
  el.print.addEventListener('click', () => window.print());
  el.share.addEventListener('click', async () => {
    const url = await compactShareUrl(state, location);
    el.shareUrl.value = url;
    el.shareBox.hidden = false;
    el.shareUrl.focus();
    el.shareUrl.select();
    if (navigator.clipboard?.writeText) navigator.clipboard.writeText(url).then(() => announce('分享链接已复制。'), () => announce('请复制上面的分享链接（已选中）。'));
    else announce('请复制上面的分享链接（已选中）。');
  });
  el.clear.addEventListener('click', () => (typeof el.dialog.showModal === 'function' ? el.dialog.showModal() : window.confirm('清空所有回答？') && clearAll()));
  el.clearCancel.addEventListener('click', () => el.dialog.close());
  el.clearConfirm.addEventListener('click', () => {
    el.dialog.close();
    clearAll();
  });
  function clearAll(): void {
    clearState(store);
    state = EMPTY;
    el.notices.replaceChildren();
    history.pushState(null, '', '#scope');
    showScope();
    announce('已清空所有回答。');
  }

  // ---- start ---------------------------------------------------------------------------------------
  const params = new URLSearchParams(location.search);
  const compact = params.get(COMPACT_PARAM);
  const legacy = params.get(SHARE_PARAM);
  const scopeParam = params.get('scope');
  let incoming: SavedState | null | undefined;
  if (compact !== null) {
    const link = await decodeCompact(compact);
    incoming = link;
    if (link) {
      // The keys resolve against the questions of the link's scope, whose criteria files load first.
      state = reduce(state, { type: 'load', state: { scope: link.scope, answers: {}, topics: null, asOf: null } });
      const p = await planFor();
      incoming = resolveCompact(link, p ? p.registry.keys() : index.fields.map((f) => f.id), p ? p.topics.map((t) => t.label) : []);
    }
  } else if (legacy !== null) incoming = decodeShare(legacy);
  if (incoming === null) notice('分享链接无法读取（可能不完整，或来自旧版本）。以下是本浏览器中保存的回答。');
  else if (incoming) {
    dispatch({ type: 'load', state: incoming });
    // A link made before the screening existed: nothing is screened out, the results follow at once.
    if (incoming.topics === undefined || incoming.topics === null) dispatch({ type: 'load', state: { ...state, topics: [] } });
    const p = await planFor();
    if (!p) dispatch({ type: 'load', state: { ...state, scope: null } });
    else if (incoming.topics === undefined || incoming.topics === null) dispatch({ type: 'load', state: { ...state, topics: p.topics.map((t) => t.label) } });
    notice('已载入分享链接中的回答。');
  } else if (scopeParam !== null && (await loader.load(scopeParam))) {
    dispatch({ type: 'scope', scope: scopeParam });
  }
  if (incoming !== undefined || scopeParam !== null) history.replaceState(null, '', `${location.pathname}${incoming ? '#results' : location.hash}`);
  if (!store) notice('本浏览器不允许保存数据：刷新页面后回答会丢失。');
  root.hidden = false;
  byId('sc-noscript-hint').hidden = true;
  if (location.hash === '#scope' || (!state.scope && location.hash !== '#results')) {
    showScope();
    history.replaceState(null, '', '#scope');
  } else await show(false, false);
}
