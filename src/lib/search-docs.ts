/**
 * Build time: every page search can return, with its card (SearchDoc) and its text by field, taken from
 * the data rather than scraped from HTML, so each card knows its kind, policy, province, phones and
 * support without page markup. Also the dictionary: the hand-written terms (src/search/terms.yaml) plus
 * every direction, programme, policy, person, department and comparison theme name in the data.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { SUPPORT_METHOD_LABEL, type Direction, type Support } from '../schemas/index.ts';
import type { LexiconData } from '../search/text.ts';
import { buildIndex, KIND_WEIGHT, type IndexedText } from '../search/engine.ts';
import { buildLexicon } from '../search/text.ts';
import type { PageKind, SearchDoc, SearchPayload, SearchPolicy } from '../search/types.ts';
import { programmeUrl, compareUrl, contactsUrl, directionsUrl, directionUrl, personUrl, policyUrl, sameAnswersUrl, selfCheckUrl, shanxiOverTimeUrl, sourceUrl, timelineUrl, dataUrl } from '../model/routes.ts';
import { directoryEntries, people } from './contacts.ts';
import type { Corpus, Policy } from './corpus.ts';
import { getCrosswalk } from './crosswalk.ts';
import { todayInShanghai } from './dates.ts';
import { formatWan } from './format.ts';
import { policyDeadline } from './policy-summary.ts';
import { NO_AMOUNT } from '../engine/support.ts';
import { supportMethods } from '../model/support.ts';

/** Read from the project root, like policies/: the build bundles this module elsewhere. */
const TERMS_FILE = 'src/search/terms.yaml';

/** The highest amount a direction's formula prints: its cap, fixed amount or top tier; null when none. */
export function headlineMaxWan(support: Support | undefined): number | null {
  const f = support?.formula;
  if (!f) return null;
  switch (f.kind) {
    case 'fixed':
      return f.amountWan;
    case 'rate':
    case 'parts':
    case 'upTo':
      return f.capWan ?? null;
    case 'tiers': {
      const amounts = f.tiers.map((t) => t.amountWan).filter((a): a is number => a !== undefined);
      return f.capWan ?? (amounts.length ? Math.max(...amounts) : null);
    }
    default:
      return null;
  }
}

/** Keys whose values are identifiers or places in the text, not words a reader would search for. */
const SKIP_KEYS = new Set(['id', 'field', 'kind', 'base', 'programme', 'order', 'at', 'unit', 'exceptDirections', 'fields', 'sha256', 'seedFile', 'directions']);

/** Every string in a record (quotes, labels, notes), once each, for the body field. */
export function stringsOf(value: unknown, out: Set<string> = new Set()): Set<string> {
  if (typeof value === 'string') out.add(value);
  else if (Array.isArray(value)) for (const v of value) stringsOf(v, out);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) if (!SKIP_KEYS.has(k)) stringsOf(v, out);
  return out;
}

const join = (xs: Iterable<string | undefined>) => [...xs].filter(Boolean).join(' ');

function policyTitle(p: Policy): string {
  return 'text' in p.title ? p.title.text : p.shortTitle;
}

function programmeName(p: Policy, d: Direction): string {
  return p.programmes.find((g) => g.id === d.programme)?.name ?? '';
}

/** What every page of a policy carries in its keys field: short title, province, year. */
function policyKeys(p: Policy): string {
  return join([p.shortTitle, p.province, `${p.year}年`, p.province + '省']);
}

export interface SearchBuild {
  docs: SearchDoc[];
  texts: IndexedText[];
  lexicon: LexiconData;
}

export function searchDocuments(corpus: Corpus): SearchBuild {
  const docs: SearchDoc[] = [];
  const texts: IndexedText[] = [];
  const add = (doc: Omit<SearchDoc, 'id'>, text: Omit<IndexedText, 'id' | 'phones'> & { phones?: string }) => {
    const id = docs.length;
    docs.push({ id, ...doc });
    texts.push({ id, phones: '', ...text });
  };
  const entries = directoryEntries(corpus);
  // Contacts by direction, built once: a lookup per direction would grow with directions × contacts.
  const byDirection = new Map<string, typeof entries>();
  for (const e of entries) {
    for (const d of e.directions) {
      const key = `${e.policy.id}/${d.id}`;
      byDirection.set(key, [...(byDirection.get(key) ?? []), e]);
    }
  }
  const contactsOf = (policy: string, direction: string) => byDirection.get(`${policy}/${direction}`) ?? [];

  for (const p of corpus.policies) {
    for (const d of p.directions) {
      const max = headlineMaxWan(d.support);
      const programme = programmeName(p, d);
      const contacts = contactsOf(p.id, d.id);
      add(
        { url: directionUrl(p.id, d.id), kind: 'direction', title: d.name, policies: [p.id], sub: programme, maxSupport: max === null ? NO_AMOUNT : formatWan(max), ...(d.summary ? { summary: d.summary } : {}) },
        {
          title: join([d.name, ...d.aliases.map((a) => a.name)]),
          // Every support method the text offers (贴息或补助 → both), so 贴息 finds the directions that allow it.
          keys: join([programme, policyKeys(p), '方向', ...(d.support ? supportMethods(d.support).map((m) => SUPPORT_METHOD_LABEL[m]) : []), max === null ? undefined : `最高${formatWan(max)}`]),
          body: join([...stringsOf(d), ...contacts.flatMap((c) => [c.displayName, c.contact.department, ...c.contact.phones])]),
        },
      );
    }
    for (const g of p.programmes) {
      const names = p.directions.filter((d) => d.programme === g.id).map((d) => d.name);
      add(
        { url: programmeUrl(p.id, g.id), kind: 'programme', title: g.name, policies: [p.id], sub: `${names.length} 个方向`, related: names.slice(0, 3), ...(g.summary ? { summary: g.summary } : {}) },
        { title: g.name, keys: join([policyKeys(p), '专项']), body: join([g.summary, ...names]) },
      );
    }
    add(
      { url: policyUrl(p.id), kind: 'policy', title: p.shortTitle, policies: [p.id], sub: policyTitle(p) },
      {
        title: join([p.shortTitle, policyTitle(p)]),
        keys: join([policyKeys(p), 'docNumber' in p && p.docNumber && 'text' in p.docNumber ? p.docNumber.text : undefined, 'text' in p.issuer ? p.issuer.text : undefined, ...p.programmes.map((g) => g.name), '政策']),
        body: join([...stringsOf({ programmes: p.programmes, dates: p.dates, eligibility: p.eligibility, materials: p.materials, provisions: p.provisions, inconsistencies: p.inconsistencies, basis: p.basis })]),
      },
    );
    add(
      { url: sourceUrl(p.id), kind: 'source', title: `原文 · ${p.shortTitle}`, policies: [p.id], sub: policyTitle(p) },
      { title: '原文', keys: join([policyKeys(p), '原文 全文']), body: p.sourceText },
    );
    add(
      { url: timelineUrl(p.id), kind: 'timeline', title: `时间线 · ${p.shortTitle}`, policies: [p.id], sub: '印有的全部日期：截止、窗口、完成期限、报送' },
      { title: '时间线', keys: join([policyKeys(p), '时间线 日期 截止 日历']), body: join(stringsOf(p.dates)) },
    );
  }

  // People (one page per name, across documents) and the office-only rows of the directory.
  for (const person of people(entries)) {
    const phones = person.numbers.map((n) => ({ text: n.phone.text, href: n.phone.href }));
    const policyIds = [...new Set(person.entries.map((e) => e.policy.id))];
    const directions = [...new Set(person.entries.flatMap((e) => e.directions.map((d) => d.name)))];
    add(
      { url: personUrl(person.slug), kind: 'person', title: person.name, policies: policyIds, sub: person.departments.join('、'), phones, related: directions.slice(0, 3) },
      {
        title: join([person.name, ...person.entries.map((e) => e.verbatimName.replace(/\s+/g, ''))]),
        keys: join([...person.departments, ...person.entries.flatMap((e) => [e.contact.organisation, policyKeys(e.policy)]), '联系人']),
        phones: join(person.numbers.map((n) => n.phone.text)),
        body: join([...directions, ...person.entries.flatMap((e) => [...e.chains, ...e.industries])]),
      },
    );
  }
  for (const e of entries.filter((x) => x.officeOnly)) {
    add(
      { url: contactsUrl(e.anchor), kind: 'person', title: e.displayName, policies: [e.policy.id], sub: e.contact.department, phones: e.phones.map((ph) => ({ text: ph.text, href: ph.href })), related: e.directions.map((d) => d.name).slice(0, 3) },
      {
        title: e.displayName,
        keys: join([e.contact.department, e.contact.organisation, policyKeys(e.policy), '联系人']),
        phones: join(e.phones.map((ph) => ph.text)),
        body: join([...e.directions.map((d) => d.name), ...e.chains, ...e.industries]),
      },
    );
  }

  // Comparisons: one page per theme, and the two cross-cutting views.
  const crosswalk = getCrosswalk();
  const policyOf = (ref: string) => ref.split('/')[0] ?? '';
  const directionName = (ref: string) => {
    const [pid, did] = ref.split('/');
    return corpus.policies.find((x) => x.id === pid)?.directions.find((x) => x.id === did)?.name;
  };
  for (const theme of crosswalk.themes) {
    const refs = theme.links.flatMap((l) => l.directions);
    const policyIds = [...new Set(refs.map(policyOf))];
    add(
      { url: compareUrl(theme.id), kind: 'compare', title: `${theme.name} · 比较`, policies: policyIds, sub: theme.summary },
      {
        title: theme.name,
        keys: join(['比较 对比 两省', ...new Set(policyIds.map((id) => corpus.policies.find((x) => x.id === id)?.province))]),
        body: join([theme.summary, ...refs.map(directionName), ...stringsOf(theme.links.map((l) => ({ note: l.note, differences: l.differences.map((x) => x.text) })))]),
      },
    );
  }
  const allIds = corpus.policies.map((p) => p.id);
  const shanxi = corpus.policies.filter((p) => p.province === '山西').map((p) => p.id);
  const site: Array<[string, PageKind, string, string[], string, string]> = [
    [directionsUrl(), 'directory', '找方向：全部方向', allIds, '按政策和专项列出的全部申报方向', '找方向 方向目录 全部方向 方向列表 怎么申请 如何申请'],
    [contactsUrl(), 'directory', '联系人目录', allIds, '各文件所列联系人、处室和电话', '联系人 通讯录 电话 处室 目录'],
    [timelineUrl(), 'timeline', '时间线', allIds, '各文件印有的全部日期', '时间线 截止 日期 日历'],
    [selfCheckUrl(), 'directory', '自查', allIds, '回答问题，逐条对照条款，看哪些方向可能符合', '自查 问卷 资格 符合 是否符合 能不能申报 怎么申请 如何申请 申报条件'],
    [compareUrl(), 'compare', '比较', allIds, '按主题比较山西与江苏', '比较 对比 两省 山西 江苏'],
    [sameAnswersUrl(), 'compare', '同一份回答，两省对照', allIds, '用同一份自查回答，逐主题并排查看两省的判断', '比较 同一份回答 两省 对照'],
    [shanxiOverTimeUrl(), 'compare', '山西的变化', shanxi, '山西 2017、2020、2023、2026 年文件的专项变化', '比较 山西 历年 变化 演变 更名'],
    [dataUrl(), 'directory', '开放数据', allIds, 'JSON 数据与 JSON Schema 下载', '开放数据 数据 下载 json schema'],
  ];
  for (const [url, kind, title, policyIds, sub, keys] of site) add({ url, kind, title, policies: policyIds, sub }, { title, keys, body: sub });

  return { docs, texts, lexicon: lexiconData(corpus, crosswalk.themes.map((t) => t.name)) };
}

interface TermsFile {
  terms?: string[];
  synonyms?: Record<string, string[]>;
  stop?: string[];
  soft?: string[];
  intents?: Record<string, string[]>;
}

/** The hand-written dictionary plus every name in the data. */
export function lexiconData(corpus: Corpus, themeNames: readonly string[]): LexiconData {
  const file = parse(readFileSync(resolve(TERMS_FILE), 'utf8')) as TermsFile;
  const entries = directoryEntries(corpus);
  const generated = new Set<string>([
    ...themeNames,
    ...corpus.policies.flatMap((p) => [
      p.shortTitle,
      ...p.programmes.map((g) => g.name),
      ...p.directions.flatMap((d) => [d.name, ...d.aliases.map((a) => a.name)]),
    ]),
    ...entries.flatMap((e) => [e.displayName, e.contact.department, ...e.chains, ...e.industries]),
  ]);
  return {
    terms: [...new Set([...(file.terms ?? []), ...generated])].filter((t) => t.length >= 2),
    synonyms: file.synonyms ?? {},
    stop: file.stop ?? [],
    soft: file.soft ?? [],
    intents: file.intents ?? {},
  };
}

export function searchPayload(corpus: Corpus): SearchPayload {
  const built = searchDocuments(corpus);
  const index = buildIndex(built.texts, buildLexicon(built.lexicon));
  const policies: SearchPolicy[] = corpus.policies.map((p) => ({
    id: p.id,
    shortTitle: p.shortTitle,
    province: p.province,
    year: p.year,
    fundingCall: p.kind === 'funding-call',
    deadline: policyDeadline(p) ?? null,
  }));
  return { built: todayInShanghai(), lexicon: built.lexicon, policies, docs: built.docs, index: index.toJSON(), kindWeight: KIND_WEIGHT };
}
