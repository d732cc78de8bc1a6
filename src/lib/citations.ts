import { citationPairs } from '../data/citation-walk.ts';
import { quoteSpans, stripSpace } from '../data/text.ts';
import { allCriteria } from '../data/checks.ts';
import type { Policy } from './corpus.ts';
import { locatorAt, sectionTree, type SectionTree } from './sections.ts';
import { lineOfOffset, parseSource, type ParsedSource } from './source-blocks.ts';

const parsed = new Map<string, ParsedSource>();

/** The original text of a policy, parsed once per build. */
export function parsedSource(policy: Policy): ParsedSource {
  let p = parsed.get(policy.id);
  if (!p) {
    p = parseSource(policy.sourceText);
    parsed.set(policy.id, p);
  }
  return p;
}

// The site's routes are defined once, in the model.
export { directionUrl, policyUrl, sourceUrl } from '../model/routes.ts';
import { contactsUrl } from '../model/routes.ts';
import { directionUrl, policyUrl, sourceUrl } from '../model/routes.ts';

const trees = new Map<string, SectionTree>();
const places = new Map<string, Map<string, string | null>>();

/**
 * The place (`at`) a policy's data gives for each quote it cites, by the quote without whitespace; null
 * for a quote cited at two different places (the caller must then say which).
 */
function citedPlaces(policy: Policy): Map<string, string | null> {
  let map = places.get(policy.id);
  if (map) return map;
  map = new Map<string, string | null>();
  for (const { quote, at } of citationPairs(policy)) {
    const key = stripSpace(quote);
    const before = map.get(key);
    map.set(key, before === undefined || before === at ? at : null);
  }
  places.set(policy.id, map);
  return map;
}

const segments = (at: string): string[] => at.split('/').map(stripSpace).filter(Boolean);

/**
 * Of the places a quote is printed, the one its citation means: the occurrence whose locator (its
 * section path in the text) equals `at`, else the one sharing the longest leading path with it; the
 * first on a tie. Exported for the unit tests.
 */
export function occurrenceAt(offsets: readonly number[], at: string, locatorOf: (offset: number) => string): number {
  const want = segments(at);
  let best = offsets[0]!;
  let bestScore = -1;
  for (const offset of offsets) {
    const have = segments(locatorOf(offset));
    if (have.length === want.length && have.every((x, i) => x === want[i])) return offset;
    let shared = 0;
    while (shared < have.length && shared < want.length && have[shared] === want[shared]) shared++;
    if (shared > bestScore) [best, bestScore] = [offset, shared];
  }
  return best;
}

/**
 * Anchor (`L<line>`) of the element of the original text where a quote starts. A quote printed more than
 * once (a form's note repeated in two attachments, a phone number in several rows) is anchored where its
 * citation's `at` says, given here or, when the data cites the quote at one place only, found in the data.
 */
export function anchorOfQuote(policy: Policy, quote: string, at?: string): string {
  const offsets = quoteSpans(quote, policy.sourceText).map(([start]) => start);
  // The data check guarantees every quote is found; a miss here would be a bug, so fail the build.
  if (offsets.length === 0) throw new Error(`引文不在 ${policy.id} 原文中：${quote}`);
  const place = offsets.length > 1 ? (at ?? citedPlaces(policy).get(stripSpace(quote))) : undefined;
  let offset = offsets[0]!;
  if (place) {
    let tree = trees.get(policy.id);
    if (!tree) trees.set(policy.id, (tree = sectionTree(policy.sourceText)));
    offset = occurrenceAt(offsets, place, (o) => locatorAt(tree, policy.sourceText, o));
  }
  const line = lineOfOffset(policy.sourceText, offset);
  return parsedSource(policy).anchorOfLine[line] ?? `L${line}`;
}

/** Link to the exact place of a quote in the original text page (see {@link anchorOfQuote} for `at`). */
export function quoteHref(policy: Policy, quote: string, at?: string): string {
  return `${sourceUrl(policy.id)}#${anchorOfQuote(policy, quote, at)}`;
}

/** Something in the data that cites the text: what it is, and the page that shows it. */
export interface CitingItem {
  quote: string;
  label: string;
  href: string;
}

/**
 * Every citation of a policy with a link back to where the site shows it, so the original-text page
 * can mark each cited clause and link to the direction and criterion that cite it.
 */
export function citingItems(policy: Policy): CitingItem[] {
  const items: CitingItem[] = [];
  const pUrl = policyUrl(policy.id);
  const add = (quote: string | undefined, label: string, href: string) => {
    if (quote) items.push({ quote, label, href });
  };
  add('text' in policy.title ? policy.title.quote : undefined, '文件标题', pUrl);
  add('text' in policy.issuer ? policy.issuer.quote : undefined, '发文单位', pUrl);
  add('text' in policy.docNumber ? policy.docNumber.quote : undefined, '发文字号', pUrl);
  add('text' in policy.addressees ? policy.addressees.quote : undefined, '主送', pUrl);
  for (const g of policy.programmes) add(g.quote, `专项：${g.name}`, `${pUrl}#programme-${g.id}`);
  for (const d of policy.dates) add(d.quote, `日期：${d.label}`, `${pUrl}#dates`);
  for (const c of allCriteria(policy.eligibility)) add(c.quote, `共同条件：${c.label}`, `${pUrl}#eligibility`);
  for (const m of policy.materials) add(m.quote, `共同材料：${m.text}`, `${pUrl}#materials`);
  for (const x of policy.provisions) add(x.quote, x.title, `${pUrl}#provision-${x.id}`);
  for (const x of policy.inconsistencies) for (const f of x.forms) add(f.quote, `前后不一致：${x.about}`, `${pUrl}#inconsistencies`);
  for (const b of policy.basis) add(b.quote, `依据：${b.text}`, pUrl);
  for (const r of policy.rules) add(r.quote, `组合规则：${r.text}`, `${pUrl}#rules`);
  for (const c of policy.contacts) add(c.quote, `联系人：${c.name.replace(/\s+/g, '')}`, contactsUrl(`contact-${policy.id}-${c.id}`));
  for (const d of policy.directions) {
    const url = directionUrl(policy.id, d.id);
    add(d.quote, `方向：${d.name}`, url);
    for (const a of d.aliases) add(a.quote, `方向别名：${a.name}`, url);
    if ('text' in d.applicants) add(d.applicants.quote, `${d.name} › 申报主体`, `${url}#applicants`);
    for (const c of allCriteria(d.criteria)) add(c.quote, `${d.name} › 条件：${c.label}`, `${url}#criterion-${c.id}`);
    if (d.support) {
      const s = d.support;
      add(s.methodQuote, `${d.name} › 支持方式`, `${url}#support`);
      const f = s.formula;
      if (f.kind === 'rate') add(f.part.quote, `${d.name} › 支持比例`, `${url}#support`);
      if (f.kind === 'parts') for (const part of f.parts) add(part.quote, `${d.name} › 支持比例`, `${url}#support`);
      if (f.kind === 'fixed' || f.kind === 'notStated' || f.kind === 'upTo') add(f.quote, `${d.name} › 支持金额`, `${url}#support`);
      if (f.kind === 'tiers') for (const t of f.tiers) add(t.quote, `${d.name} › ${t.label}`, `${url}#support`);
      if ('capQuote' in f) add(f.capQuote, `${d.name} › 支持上限`, `${url}#support`);
      for (const p of s.payments) add(p.quote, `${d.name} › ${p.label}`, `${url}#support`);
      for (const n of s.notes) add(n.quote, `${d.name} › ${n.text}`, `${url}#support`);
    }
    if ('quote' in d.quota) add(d.quota.quote, `${d.name} › 支持数量`, `${url}#quota`);
    for (const m of d.materials) add(m.quote, `${d.name} › 材料：${m.text}`, `${url}#materials`);
    for (const k of d.dates) add(k.quote, `${d.name} › 日期：${k.label}`, `${url}#dates`);
    if (d.applyFree) add(d.applyFree.quote, `${d.name} › 免申即享`, url);
    if (d.schemeSeparately) add(d.schemeSeparately.quote, `${d.name} › 具体方案另行通知`, url);
  }
  return items;
}

/** Citing items grouped by the anchor of the element they start in. */
export function citationsByAnchor(policy: Policy): Map<string, CitingItem[]> {
  const map = new Map<string, CitingItem[]>();
  for (const item of citingItems(policy)) {
    const anchor = anchorOfQuote(policy, item.quote);
    const list = map.get(anchor) ?? [];
    if (!list.some((x) => x.href === item.href && x.label === item.label)) list.push(item);
    map.set(anchor, list);
  }
  return map;
}
