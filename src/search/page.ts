/**
 * The search page's DOM layer: loads /search/index.json once, searches as the user types (after an
 * input method has finished composing), renders result cards, the 未找到 state and the filter toggle,
 * and keeps the query in the URL. Everything it decides comes from engine.ts, cards.ts and state.ts.
 */
import { cardView, todayShanghai, type CardView } from './cards.ts';
import { createSearcher, type Hit, type Outcome, type Searcher } from './engine.ts';
import { activeFilterCount, searchOfState, stateFromSearch, type SearchState } from './state.ts';
import type { SearchPayload } from './types.ts';
import { contactsUrl, directionsUrl, searchIndexUrl, searchUrl } from '../model/routes.ts';

const SHOWN = 30;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Array<Node | string | undefined>): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) if (c !== undefined) node.append(c);
  return node;
}

function renderCard(v: CardView, compact = false): HTMLLIElement {
  const li = el('li', { class: `hit hit--${v.kind}`, 'data-kind': v.kind });
  li.append(
    el('p', { class: 'hit__meta' }, el('span', { class: 'hit__kind' }, v.kindLabel), el('span', { class: 'hit__where' }, `${v.provinceLine} · ${v.policyLine}`)),
    el(compact ? 'h3' : 'h2', { class: 'hit__title' }, el('a', { href: v.url }, v.title)),
  );
  if (compact) return li;
  // The answer first (status, maximum support, phones), then what the page is.
  const facts = el('p', { class: 'hit__facts' });
  if (v.status) facts.append(el('span', { class: `hit__status hit__status--${v.status.state}` }, v.status.text));
  if (v.maxSupport) facts.append(el('span', { class: 'hit__max' }, `最高支持：${v.maxSupport}`));
  if (v.phones?.length) {
    const phones = el('span', { class: 'hit__phones' }, '电话：');
    v.phones.forEach((p, i) => {
      if (i > 0) phones.append('、');
      phones.append(el('a', { href: p.href }, p.text));
    });
    facts.append(phones);
  }
  if (facts.childNodes.length) li.append(facts);
  if (v.sub) li.append(el('p', { class: 'hit__sub' }, v.kind === 'person' ? `处室：${v.sub}` : v.sub));
  if (v.summary) li.append(el('p', { class: 'hit__summary' }, v.summary));
  if (v.related?.length && v.kind !== 'programme') li.append(el('p', { class: 'hit__related' }, `负责方向：${v.related.join('、')}`));
  if (v.related?.length && v.kind === 'programme') li.append(el('p', { class: 'hit__related' }, `含：${v.related.join('、')}…`));
  return li;
}

export async function startSearchPage(): Promise<void> {
  const form = document.querySelector<HTMLFormElement>('[data-search-form]');
  const input = document.querySelector<HTMLInputElement>('[data-search-input]');
  const status = document.querySelector<HTMLElement>('[data-search-status]');
  const list = document.querySelector<HTMLOListElement>('[data-search-results]');
  const none = document.querySelector<HTMLElement>('[data-search-none]');
  const filters = document.querySelector<HTMLDetailsElement>('[data-search-filters]');
  const filterCount = document.querySelector<HTMLElement>('[data-filter-count]');
  if (!form || !input || !status || !list || !none || !filters || !filterCount) return;

  let state: SearchState = stateFromSearch(location.search);
  input.value = state.q;
  // The boxes are outside the form (the query travels alone in ?q=), so they carry data-filter, not name.
  for (const box of filters.querySelectorAll<HTMLInputElement>('input[data-filter]')) {
    const values = box.dataset.filter === 'kind' ? state.filters.kinds : box.dataset.filter === 'province' ? state.filters.provinces : state.filters.policies;
    box.checked = (values as readonly string[]).includes(box.value);
  }
  // Wide screens show the filters beside the results; phones keep them behind the 筛选 toggle.
  if (matchMedia('(min-width: 48rem)').matches || activeFilterCount(state.filters) > 0) filters.open = true;

  let searcher: Searcher | undefined;
  status.textContent = '正在载入搜索索引…';
  try {
    const payload = (await (await fetch(searchIndexUrl())).json()) as SearchPayload;
    searcher = createSearcher(payload);
    // For the benchmark and the tests: when the index is ready, and when each query's results are shown.
    performance.mark('search:index-ready');
    document.body.dataset.searchReady = '1';
  } catch {
    status.textContent = '搜索索引载入失败。可从方向目录和联系人目录浏览。';
    return;
  }
  const ready = searcher;
  const today = todayShanghai();
  const total = ready.docs.length;
  const policyCount = new Set(ready.docs.flatMap((d) => d.policies)).size;
  const view = (h: Hit) => cardView(h.doc, ready.policy, policyCount, today);

  const readFilters = (): SearchState['filters'] => {
    const checked = (name: string) => [...filters.querySelectorAll<HTMLInputElement>(`input[data-filter=${name}]:checked`)].map((b) => b.value);
    return { kinds: checked('kind') as SearchState['filters']['kinds'], provinces: checked('province'), policies: checked('policy') };
  };

  const render = (outcome: Outcome) => {
    list.replaceChildren();
    none.replaceChildren();
    none.hidden = true;
    const n = activeFilterCount(state.filters);
    filterCount.textContent = n ? `（已选 ${n} 项）` : '';
    switch (outcome.state) {
      case 'idle':
        status.textContent = `输入关键词即开始搜索，共 ${total} 个页面。`;
        return;
      case 'too-short':
        status.textContent = outcome.query.dropped.length ? `“${state.q}”只含虚词或单个字，请再输入至少两个字的关键词。` : '请至少输入两个字。';
        return;
      case 'results': {
        const shown = outcome.hits.slice(0, SHOWN);
        const fixed = outcome.corrected ? `未找到“${outcome.corrected.from}”，已按“${outcome.corrected.to}”搜索。` : '';
        const dropped = outcome.query.dropped.length ? `（已忽略：${outcome.query.dropped.join('、')}）` : '';
        status.textContent = `${fixed}找到 ${outcome.hits.length} 个页面${outcome.hits.length > SHOWN ? `，显示前 ${SHOWN} 个` : ''}${dropped}。`;
        for (const h of shown) list.append(renderCard(view(h)));
        return;
      }
      case 'none': {
        status.textContent = `未找到与“${state.q}”匹配的页面。`;
        none.hidden = false;
        none.append(el('h2', {}, '未找到'));
        if (n > 0) none.append(el('p', {}, `已选 ${n} 项筛选，可取消筛选后再试。`));
        if (outcome.suggestions.length) {
          const p = el('p', {}, '您是不是要找：');
          outcome.suggestions.forEach((s, i) => {
            if (i > 0) p.append('、');
            p.append(el('a', { href: searchUrl(s) }, s));
          });
          none.append(p);
        }
        if (outcome.near.length) {
          none.append(el('p', {}, '只含部分关键词的页面：'));
          const ul = el('ul', { class: 'search-near' });
          for (const h of outcome.near) ul.append(renderCard(view(h), true));
          none.append(ul);
        }
        none.append(
          el('p', {}, '也可以换个方式找：'),
          el(
            'ul',
            {},
            el('li', {}, el('a', { href: directionsUrl() }, '找方向'), '：按政策和专项浏览全部申报方向'),
            el('li', {}, el('a', { href: contactsUrl() }, '联系人目录'), '：按处室、文件查找联系人和电话'),
          ),
        );
        return;
      }
    }
  };

  const run = () => {
    state = { q: input.value.trim(), filters: readFilters() };
    const next = `${location.pathname}${searchOfState(state)}`;
    if (next !== `${location.pathname}${location.search}`) history.replaceState(null, '', next);
    const started = performance.now();
    const outcome = ready.search(state.q, state.filters);
    render(outcome);
    performance.mark('search:results');
    document.body.dataset.searchMs = String(Math.round((performance.now() - started) * 10) / 10);
    document.body.dataset.searchState = outcome.state;
    document.body.dataset.searchQuery = state.q;
  };

  // Search as you type, on every keystroke (a search takes a few milliseconds, so there is no pause to
  // wait out); an input method's intermediate pinyin is not a query.
  let composing = false;
  input.addEventListener('compositionstart', () => (composing = true));
  input.addEventListener('compositionend', () => {
    composing = false;
    run();
  });
  input.addEventListener('input', () => {
    if (!composing) run();
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    run();
  });
  filters.addEventListener('change', run);
  run();
}
