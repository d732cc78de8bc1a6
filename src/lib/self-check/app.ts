/**
 * The self-check page in the browser: scope → question pages → check your answers → results, with
 * the URL hash as the router (so the back button, reloads and 修改 links all work), answers kept in
 * localStorage, share links, and the engine evaluating exactly as the CLI does.
 *
 * Routes (location.hash): #scope, #step-<step>-<part>, #check, #results, and #q-<field> for one
 * question (its page is shown and the question focused).
 */
import { compileCorpus, evaluateProfile } from '../../engine/index.ts';
import { isIsoDate } from '../../engine/iso-date.ts';
import { parseFieldValue } from '../../engine/parse-input.ts';
import { combinationWarnings } from '../../engine/rules.ts';
import type { DirectionResult, RuleWarning } from '../../engine/types.ts';
import type { Field } from '../../schemas/index.ts';
import { todayInShanghai } from '../dates.ts';
import { errorText, parseAnswers } from './answers.ts';
import { fragment, h } from './dom.ts';
import { QuoteLinks } from './links.ts';
import { describeScope, directionsInScope, paginate, parseScope, questionsFor, registryOf, type QuestionPage, type Scope } from './questions.ts';
import { checkPageView, parsedNote, qid, questionPageView, setQuestionError } from './render-form.ts';
import { countsSentence, resultsView } from './render-results.ts';
import { decodeShare, SHARE_PARAM, shareUrl } from './share.ts';
import { browserStorage, clearState, dropBackup, loadBackup, loadState, sameAnswers, saveBackup, saveState } from './storage.ts';
import { STEP_LABEL, UNKNOWN_ANSWER, type IslandData, type SavedState } from './types.ts';

interface Plan {
  scope: Scope | null;
  scopeText: string;
  pages: QuestionPage[];
  /** Route ids in order: scope, question pages, check (results follow check). */
  order: string[];
  directionKeys: Set<string>;
}

const byId = <T extends HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`自查页面缺少元素 #${id}`);
  return el as T;
};

export async function initSelfCheck(): Promise<void> {
  const root = document.getElementById('sc-app');
  const src = root?.dataset.src;
  if (!root || !src) return;
  let data: IslandData;
  try {
    const response = await fetch(src);
    if (!response.ok) throw new Error(String(response.status));
    data = (await response.json()) as IslandData;
  } catch {
    root.replaceChildren(h('p', { class: 'sc-warning-text' }, '自查数据无法读取，请刷新页面重试。'));
    root.hidden = false;
    return;
  }

  const el = {
    back: byId<HTMLAnchorElement>('sc-back'),
    progress: byId('sc-progress'),
    notices: byId('sc-notices'),
    errors: byId('sc-errors'),
    errorList: byId('sc-errors-list'),
    form: byId<HTMLFormElement>('sc-form'),
    scopePage: byId('sc-page-scope'),
    page: byId('sc-page'),
    pageTitle: byId('sc-page-title'),
    pageBody: byId('sc-page-body'),
    submit: byId<HTMLButtonElement>('sc-submit'),
    skip: byId<HTMLAnchorElement>('sc-skip'),
    results: byId('sc-results'),
    resultsTitle: byId('sc-results-title'),
    resultsMeta: byId('sc-results-meta'),
    resultsBody: byId('sc-results-body'),
    asOfForm: byId<HTMLFormElement>('sc-asof-form'),
    asOf: byId<HTMLInputElement>('sc-asof'),
    asOfError: byId('sc-asof-error'),
    asOfReset: byId<HTMLButtonElement>('sc-asof-reset'),
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

  const registry = registryOf(data.fields);
  const compiled = compileCorpus(data);
  const links = new QuoteLinks(data);
  const policies = new Map(data.policies.map((p) => [p.id, p]));
  const store = browserStorage();
  const baseTitle = document.title;
  let state: SavedState = loadState(store);
  let current = '';
  /** Set while a question is changed from the check page or the results: its page returns there. */
  let returnTo: 'check' | 'results' | null = null;

  // ---- state -----------------------------------------------------------------------------------
  let saveFailed = false;
  const save = () => {
    const ok = saveState(store, state);
    // Said once, not on every keystroke.
    if (!ok && store && !saveFailed) notice('本浏览器未能保存回答（存储空间已满或被禁用）；关闭页面前请用“复制分享链接”保留。');
    saveFailed = !ok;
  };

  let planCache: { key: string | null; plan: Plan } | undefined;
  const plan = (): Plan => {
    if (planCache && planCache.key === state.scope) return planCache.plan;
    const scope = parseScope(state.scope, data);
    const refs = scope ? directionsInScope(data, scope) : [];
    const pages = scope ? paginate(questionsFor(refs, registry)) : [];
    const p: Plan = {
      scope,
      scopeText: scope ? describeScope(scope, data) : '',
      pages,
      order: ['scope', ...pages.map((x) => `step-${x.id}`), ...(scope ? ['check'] : [])],
      directionKeys: new Set(refs.map((r) => `${r.policy.id}/${r.direction.id}`)),
    };
    planCache = { key: state.scope, plan: p };
    return p;
  };

  const setAnswer = (field: string, raw: string) => {
    const answers = { ...state.answers };
    if (raw.trim() === '') delete answers[field];
    else answers[field] = raw;
    state = { ...state, answers };
    save();
  };

  // ---- messages --------------------------------------------------------------------------------
  const announce = (text: string) => {
    // Emptied first so that the same sentence twice is still announced.
    el.live.textContent = '';
    window.setTimeout(() => (el.live.textContent = text), 50);
  };

  function notice(text: string, ...extra: Array<Node | string>): void {
    el.notices.append(h('div', { class: 'sc-notice', role: 'status' }, h('p', {}, text, ...extra)));
  }

  const clearErrors = () => {
    el.errors.hidden = true;
    el.errorList.replaceChildren();
  };

  /** GOV.UK error summary: listed with links to the fields, and focused so it is read out. */
  const showErrors = (items: Array<{ href: string; text: string }>) => {
    el.errorList.replaceChildren(...items.map((i) => h('li', {}, h('a', { href: i.href }, i.text))));
    el.errors.hidden = false;
    el.errors.focus();
  };

  // ---- pages -----------------------------------------------------------------------------------
  const focusHeading = (heading: HTMLElement) => {
    heading.setAttribute('tabindex', '-1');
    heading.focus();
  };

  interface ShowOptions {
    focus?: 'heading' | 'none' | string;
  }

  function show(route: string, options: ShowOptions = {}): void {
    const p = plan();
    if (!p.scope && route !== 'scope') route = 'scope';
    if (!p.order.includes(route) && route !== 'results') route = p.order[0] ?? 'scope';
    current = route;
    clearErrors();
    el.scopePage.hidden = route !== 'scope';
    el.page.hidden = route === 'scope' || route === 'results';
    el.form.hidden = route === 'results';
    el.results.hidden = route !== 'results';
    el.results.classList.remove('sc-print-only');
    const index = p.order.indexOf(route);
    const total = p.order.length;
    const progress = route === 'results' ? '' : `第 ${index + 1} 步，共 ${total} 步`;
    el.progress.textContent = progress;
    el.progress.hidden = progress === '';
    const previous = route === 'results' ? 'check' : p.order[index - 1];
    el.back.href = previous ? `#${previous}` : '/';
    el.back.textContent = previous ? '返回上一步' : '返回首页';
    el.skip.hidden = !route.startsWith('step-');
    let heading: HTMLElement;
    let title: string;
    if (route === 'scope') {
      heading = byId('sc-scope-legend');
      title = '选择自查范围';
      restoreScopeForm();
      el.submit.textContent = '继续';
    } else if (route === 'check') {
      title = '核对您的回答';
      el.pageTitle.textContent = title;
      el.pageBody.replaceChildren(fragment(checkPageView(p.scopeText, p.pages, state.answers)));
      el.submit.textContent = '查看结果';
      heading = el.pageTitle;
      returnTo = null;
    } else if (route === 'results') {
      title = '自查结果';
      heading = el.resultsTitle;
      renderResults(true);
      returnTo = null;
    } else {
      const page = p.pages.find((x) => `step-${x.id}` === route)!;
      title = STEP_LABEL[page.step];
      el.pageTitle.textContent = title;
      el.pageBody.replaceChildren(fragment(questionPageView(page, state.answers)));
      el.submit.textContent = returnTo === 'check' ? '保存并返回核对' : returnTo === 'results' ? '保存并查看结果' : '继续';
      heading = el.pageTitle;
    }
    document.title = progress ? `${title}（${progress}）· ${baseTitle}` : `${title} · ${baseTitle}`;
    const focus = options.focus ?? 'heading';
    if (focus === 'heading') focusHeading(heading);
    else if (focus !== 'none') {
      const target = document.getElementById(focus);
      if (target) {
        target.focus();
        target.scrollIntoView({ block: 'center' });
      }
    }
  }

  /** Whether a fragment names a route (rather than an anchor on the page). */
  const isRoute = (id: string) => id === 'scope' || id === 'check' || id === 'results' || id.startsWith('step-') || id.startsWith('q-');

  /** The page holding a question in the current scope, or undefined. */
  const pageOfField = (field: string) => plan().pages.find((x) => x.fields.some((f) => f.id === field));

  /** Shows what a hash names; `push` adds a history entry (links and buttons) or not (back button, load). */
  function go(hash: string, push: boolean, focus?: ShowOptions['focus']): void {
    const target = hash.replace(/^#/, '');
    if (push && location.hash !== `#${target}`) history.pushState(null, '', `#${target}`);
    if (target.startsWith('q-')) {
      const field = target.slice(2);
      const page = pageOfField(field);
      if (!page) return show(plan().scope ? 'check' : 'scope', { focus });
      const route = `step-${page.id}`;
      if (current === route && document.getElementById(target)) {
        const input = document.getElementById(target)!;
        input.focus();
        input.scrollIntoView({ block: 'center' });
        return;
      }
      return show(route, { focus: focus ?? target });
    }
    show(target || 'scope', { focus });
  }

  // ---- scope page -------------------------------------------------------------------------------
  const scopeRadios = () => [...el.scopePage.querySelectorAll<HTMLInputElement>('input[name="scope-kind"]')];
  const scopeSelect = (kind: string) => document.getElementById(`sc-scope-${kind}-value`) as HTMLSelectElement | null;

  /** GOV.UK conditional reveal: only the checked option's select is shown. */
  const revealScope = () => {
    for (const r of scopeRadios()) {
      const box = document.getElementById(`sc-scope-${r.value}-reveal`);
      if (box) box.hidden = !r.checked;
    }
  };

  function restoreScopeForm(): void {
    const scope = plan().scope;
    for (const r of scopeRadios()) r.checked = scope?.kind === r.value;
    if (scope?.kind === 'province') scopeSelect('province')!.value = scope.province;
    if (scope?.kind === 'policy') scopeSelect('policy')!.value = scope.policy;
    if (scope?.kind === 'programme') scopeSelect('programme')!.value = `${scope.policy}/${scope.programme}`;
    revealScope();
  }

  function submitScope(): void {
    const checked = scopeRadios().find((r) => r.checked);
    const slot = byId('sc-scope-error');
    const key = !checked ? '' : checked.value === 'all' ? 'all' : `${checked.value}:${scopeSelect(checked.value)?.value ?? ''}`;
    if (!checked || !parseScope(key, data)) {
      slot.hidden = false;
      slot.replaceChildren(h('span', { class: 'visually-hidden' }, '错误：'), '请选择自查范围');
      byId('sc-scope-group').classList.add('sc-q--error');
      showErrors([{ href: `#${scopeRadios()[0]?.id ?? 'sc-scope-group'}`, text: '请选择自查范围' }]);
      return;
    }
    slot.hidden = true;
    byId('sc-scope-group').classList.remove('sc-q--error');
    const unchanged = key === state.scope;
    state = { ...state, scope: key };
    save();
    // Scope unchanged after 修改: straight back; a new scope may bring new questions, so walk them.
    if (unchanged && returnTo) return go(returnTo, true);
    returnTo = null;
    const next = plan().order[1];
    if (next) go(next, true);
  }

  // ---- question pages ------------------------------------------------------------------------------
  function submitQuestions(): void {
    const page = plan().pages.find((x) => `step-${x.id}` === current);
    if (!page) return;
    const problems: Array<{ href: string; text: string }> = [];
    for (const f of page.fields) {
      const { errors } = parseAnswers(state.answers, [f]);
      const e = errors.get(f.id);
      setQuestionError(el.pageBody, f.id, e ? errorText(e) : null);
      if (e) problems.push({ href: `#${qid(f.id)}`, text: errorText(e) });
    }
    if (problems.length > 0) return showErrors(problems);
    if (returnTo) return go(returnTo, true);
    const order = plan().order;
    go(order[order.indexOf(current) + 1] ?? 'check', true);
  }

  /** Keeps the answer in step with the controls: typing clears 不确定, 不确定 clears what was typed. */
  function onControl(target: HTMLInputElement): void {
    const field = target.dataset.field;
    const f = field ? registry.get(field) : undefined;
    if (!field || !f) return;
    const wrap = target.closest<HTMLElement>('[data-question]');
    const role = target.dataset.role;
    const unknownBox = document.getElementById(`${qid(field)}-unknown`) as HTMLInputElement | null;
    if (role === 'text') {
      if (unknownBox && target.value.trim() !== '') unknownBox.checked = false;
      setAnswer(field, target.value);
      // Updated while typing, never on blur: a note appearing on blur moves the control being clicked.
      const note = document.getElementById(`${qid(field)}-parsed`);
      if (note) note.textContent = parsedNote(f, target.value);
      // A message stays until the answer is fixed, then goes at once.
      if (wrap?.classList.contains('sc-q--error') && parseFieldValue(f, target.value).ok) setQuestionError(el.pageBody, field, null);
      return;
    }
    if (role === 'unknown' && target.type === 'checkbox') {
      if (target.checked) {
        wrap?.querySelectorAll<HTMLInputElement>('input').forEach((i) => {
          if (i === target) return;
          if (i.type === 'text') i.value = '';
          else i.checked = false;
        });
        const note = document.getElementById(`${qid(field)}-parsed`);
        if (note) note.textContent = '';
        setAnswer(field, UNKNOWN_ANSWER);
        setQuestionError(el.pageBody, field, null);
      } else setAnswer(field, '');
      return;
    }
    if (target.type === 'radio') {
      setAnswer(field, target.value);
      setQuestionError(el.pageBody, field, null);
      return;
    }
    // Several choices: the ticked options joined with 、 (parse-input splits them again).
    if (unknownBox && target.checked) unknownBox.checked = false;
    const ticked = [...(wrap?.querySelectorAll<HTMLInputElement>('input[data-role="option"]:checked') ?? [])].map((i) => i.value);
    setAnswer(field, ticked.join('、'));
    setQuestionError(el.pageBody, field, null);
  }

  // ---- results ---------------------------------------------------------------------------------------
  function evaluate(): { results: DirectionResult[]; warnings: RuleWarning[]; errors: ReturnType<typeof parseAnswers>['errors'] } {
    const p = plan();
    const inScope = new Set<string>(p.pages.flatMap((x) => x.fields.map((f: Field) => f.id)));
    // Every kept answer is read (as the CLI reads the whole profile); only in-scope errors are reported.
    const parsed = parseAnswers(state.answers, data.fields);
    const out = evaluateProfile(compiled, parsed.profile, { today: todayInShanghai(), ...(state.asOf ? { asOf: state.asOf } : {}) });
    const results = out.results.filter((r) => p.directionKeys.has(`${r.policy}/${r.direction}`));
    // Warnings only among the directions in scope: a rule binding directions one did not ask about says nothing.
    const warnings = data.policies.flatMap((pol) => combinationWarnings(pol.id, pol.rules ?? [], results.filter((r) => r.policy === pol.id)));
    const errors = new Map([...parsed.errors].filter(([id]) => inScope.has(id)));
    return { results, warnings, errors };
  }

  function asOfText(results: readonly DirectionResult[]): string {
    if (state.asOf) return `按您选择的日期 ${state.asOf} 判断日期类条件（如“距申报时间不超过5年”）。`;
    const perPolicy = new Map<string, string | null>();
    for (const r of results) perPolicy.set(r.policy, r.asOf);
    const parts = [...perPolicy].map(([id, d]) => {
      const pol = policies.get(id);
      const deadline = pol && compiled.policies.find((c) => c.policy.id === id)?.deadline;
      return `${pol?.shortTitle ?? id}：${d ?? '无'}${deadline ? '（申报截止日）' : d ? '（原文无申报截止日，按原文载明的基准日）' : ''}`;
    });
    return `日期类条件按各政策的申报截止日判断——${parts.join('；')}。`;
  }

  function renderResults(announceIt: boolean): void {
    const p = plan();
    const { results, warnings, errors } = evaluate();
    el.resultsMeta.replaceChildren(h('p', {}, `自查范围：${p.scopeText}（${results.length} 个方向）。`), h('p', {}, asOfText(results)));
    el.asOf.value = state.asOf ?? '';
    el.asOfReset.hidden = state.asOf === null;
    el.resultsBody.replaceChildren(fragment(resultsView({ results, warnings, policies, registry, links, errors })));
    el.shareBox.hidden = true;
    if (announceIt) announce(`结果已更新：${countsSentence(results)}。`);
  }

  function submitAsOf(): void {
    const value = el.asOf.value.trim();
    if (value !== '' && !isIsoDate(value)) {
      el.asOfError.hidden = false;
      el.asOfError.replaceChildren(h('span', { class: 'visually-hidden' }, '错误：'), `判断日期：应为日历上存在的日期，如 2023-11-10；您填写的是 “${value}”`);
      el.asOf.setAttribute('aria-invalid', 'true');
      el.asOf.focus();
      return;
    }
    el.asOfError.hidden = true;
    el.asOf.removeAttribute('aria-invalid');
    state = { ...state, asOf: value === '' ? null : value };
    save();
    renderResults(true);
  }

  // ---- clearing ------------------------------------------------------------------------------------
  function clearAll(): void {
    clearState(store);
    state = { scope: null, answers: {}, asOf: null };
    el.notices.replaceChildren();
    go('scope', true);
    announce('已清空所有回答。');
  }

  // ---- events ----------------------------------------------------------------------------------------
  el.form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (current === 'scope') submitScope();
    else if (current === 'check') go('results', true);
    else submitQuestions();
  });
  el.form.addEventListener('input', (e) => {
    const t = e.target;
    if (t instanceof HTMLInputElement && t.dataset.role === 'text') onControl(t);
  });
  el.form.addEventListener('change', (e) => {
    const t = e.target;
    if (t instanceof HTMLInputElement && t.name === 'scope-kind') revealScope();
    // Text answers are taken on input (above); radios and checkboxes on change.
    else if (t instanceof HTMLInputElement && t.dataset.field && t.dataset.role !== 'text') onControl(t);
  });

  // In-page links: routes go through the router; anchors on the visible page are just focused.
  root.addEventListener('click', (e) => {
    const a = e.target instanceof Element ? e.target.closest<HTMLAnchorElement>('a[href^="#"]') : null;
    if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const hash = a.getAttribute('href') ?? '';
    const id = hash.slice(1);
    e.preventDefault();
    // 修改 returns to the check page, a question linked from the results to the results; error summary
    // links keep what was set; any other route (back link, skip link) ends the detour.
    if (a.dataset.change !== undefined) returnTo = 'check';
    else if (id.startsWith('q-') && el.results.contains(a)) returnTo = 'results';
    else if (!id.startsWith('q-')) returnTo = null;
    const local = document.getElementById(id);
    if (!isRoute(id) || (local && local.offsetParent !== null && !id.startsWith('q-'))) {
      local?.focus();
      local?.scrollIntoView();
      return;
    }
    go(hash, true);
  });
  // Back/forward between routes. Other fragments (the skip link's #main, #v-… in the results) are
  // ordinary in-page anchors and must not move the questionnaire.
  window.addEventListener('popstate', () => {
    if (location.hash === '' || isRoute(location.hash.slice(1))) go(location.hash, false);
  });

  el.asOfForm.addEventListener('submit', (e) => {
    e.preventDefault();
    submitAsOf();
  });
  el.asOfReset.addEventListener('click', () => {
    el.asOf.value = '';
    submitAsOf();
    el.asOf.focus();
  });
  el.print.addEventListener('click', () => window.print());
  el.share.addEventListener('click', () => {
    const url = shareUrl(state, location);
    el.shareUrl.value = url;
    el.shareBox.hidden = false;
    el.shareUrl.focus();
    el.shareUrl.select();
    const done = () => announce('分享链接已复制。打开链接即可看到同样的回答和结果。');
    const manual = () => announce('请复制上面的分享链接（已选中）。');
    // The clipboard API exists only in secure contexts (an intranet over http is not one).
    if (navigator.clipboard?.writeText) navigator.clipboard.writeText(url).then(done, manual);
    else manual();
  });
  el.clear.addEventListener('click', () => {
    if (typeof el.dialog.showModal === 'function') el.dialog.showModal();
    else if (window.confirm('清空所有回答？此操作无法撤销。')) clearAll();
  });
  el.clearCancel.addEventListener('click', () => el.dialog.close());
  el.clearConfirm.addEventListener('click', () => {
    el.dialog.close();
    clearAll();
  });
  // Printing from any page gives the results handout (the print stylesheet hides the form).
  window.addEventListener('beforeprint', () => {
    if (current === 'results' || !plan().scope) return;
    renderResults(false);
    el.results.classList.add('sc-print-only');
  });
  window.addEventListener('afterprint', () => el.results.classList.remove('sc-print-only'));

  // ---- start -------------------------------------------------------------------------------------------
  // Route links carry a real anchor in the HTML (links are checked against the built page); the route here.
  root.querySelectorAll<HTMLAnchorElement>('a[data-route]').forEach((a) => (a.href = `#${a.dataset.route}`));
  const params = new URLSearchParams(location.search);
  const shared = params.get(SHARE_PARAM);
  let start = location.hash;
  if (shared !== null) {
    const incoming = decodeShare(shared);
    // The link has done its job once loaded; keeping it would reload the shared answers over later edits.
    history.replaceState(null, '', `${location.pathname}${location.hash || '#results'}`);
    if (!incoming) {
      notice('分享链接无法读取（可能不完整）。以下是本浏览器中保存的回答。');
    } else {
      const before = state;
      const differs = Object.keys(before.answers).length > 0 && (!sameAnswers(before.answers, incoming.answers) || before.scope !== incoming.scope);
      state = incoming;
      if (!parseScope(state.scope, data)) state = { ...state, scope: null };
      save();
      if (differs) {
        saveBackup(store, before);
        const restore = h('button', { type: 'button', class: 'sc-link-button' }, '恢复我之前保存的回答');
        restore.addEventListener('click', () => {
          const backup = loadBackup(store);
          if (!backup) return;
          state = backup;
          save();
          dropBackup(store);
          el.notices.replaceChildren();
          planCache = undefined;
          go(current || 'scope', false);
          announce('已恢复之前保存的回答。');
        });
        notice('已载入分享链接中的回答，替换了本浏览器中此前保存的另一组回答。', ' ', restore);
      } else notice('已载入分享链接中的回答。');
      start = location.hash || '#results';
    }
  } else if (Object.keys(state.answers).length > 0 && !location.hash) {
    notice(`已恢复本浏览器中保存的 ${Object.keys(state.answers).length} 项回答。`);
  }
  if (!store) notice('本浏览器不允许保存数据：刷新页面后回答会丢失。可用“复制分享链接”保留回答。');
  root.hidden = false;
  byId('sc-noscript-hint').hidden = true;
  go(start || '#scope', false, 'none');
}

