/**
 * The contact directory, derived from the validated corpus. Pure: no I/O, so unit tests, pages and the
 * export endpoints build exactly the same entries.
 *
 * A Contact is one person (or one office) in one role in one document. Nothing here merges two
 * contacts: the same name in two documents stays two entries, each with the number its own document
 * prints, and names that differ by one character are only flagged as “可能为同一人”.
 */
import { displayName, stripSpace } from '../data/text.ts';
import { directionUrl, exportUrl } from '../model/routes.ts';
import type { Contact } from '../schemas/index.ts';
import type { Corpus, Policy } from './corpus.ts';

export const LEVEL_LABEL: Record<Contact['level'], string> = { province: '省级', city: '市级' };

/** A number as printed and the dialable `tel:` target behind it. */
export interface PhoneView {
  /** As printed: 0351-3046026, or a bare 86660568 that shares the area code printed before it. */
  text: string;
  /** `tel:` href, digits only: tel:03513046026. */
  href: string;
  /** Digits only, for search (“03513046026”). */
  digits: string;
}

export interface DirectionLink {
  id: string;
  name: string;
  href: string;
}

export interface ContactEntry {
  /** `contact-<policy>-<contact>`: the row's anchor. Other pages link here (citingItems). */
  anchor: string;
  policy: Policy;
  contact: Contact;
  /** Padding removed (“郭  毅” → “郭毅”); the department for office-only rows. */
  displayName: string;
  /** The name exactly as printed. */
  verbatimName: string;
  /** Rows that name an office but no person (Jiangsu's table lists 处室 and numbers only). */
  officeOnly: boolean;
  phones: PhoneView[];
  directions: DirectionLink[];
  levelLabel: string;
  /** Scope items that are industry chains (…产业链) versus industries (钢铁、化工…). */
  chains: string[];
  industries: string[];
  /** Person page slug; undefined for office-only rows. */
  personSlug: string | undefined;
}


const digitsOf = (s: string) => s.replace(/\D/g, '');

/**
 * Phones as `tel:` links. A cell such as “0515-88190572 86660568” prints the area code once; the bare
 * second number is dialled with the same code, so its href inherits the code printed before it in the
 * same contact. The text stays as printed.
 */
export function phoneViews(phones: readonly string[]): PhoneView[] {
  let areaCode = '';
  return phones.map((text) => {
    const m = /^(0\d{2,3})-(\d{7,8})$/.exec(text);
    if (m) areaCode = m[1]!;
    const isBareLocal = /^\d{7,8}$/.test(text);
    const digits = isBareLocal && areaCode ? areaCode + text : digitsOf(text);
    return { text, href: `tel:${digits}`, digits };
  });
}

/**
 * Office-only rows: where the text prints an office and a number but no person (Jiangsu's 附件6), the
 * data puts the office's name in `name`. Such rows are listed but get no person page.
 */
export function isOfficeOnly(c: Contact): boolean {
  const n = stripSpace(c.name);
  return n === stripSpace(c.department) || n === stripSpace(c.organisation);
}

/** Industry chains are printed as “…产业链”; everything else in scope is an industry or field. */
export function splitScope(scope: readonly string[]): { chains: string[]; industries: string[] } {
  const chains = scope.filter((s) => stripSpace(s).endsWith('产业链'));
  return { chains, industries: scope.filter((s) => !chains.includes(s)) };
}

/**
 * Short ASCII slug for a person page: FNV-1a of the display name. Deterministic, no pinyin guesswork,
 * and stable as long as the printed name is the same.
 */
export function personSlugOf(name: string): string {
  let h = 0x811c9dc5;
  for (const ch of name) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `person-${h.toString(16).padStart(8, '0')}`;
}

const entriesByCorpus = new WeakMap<Corpus, ContactEntry[]>();

/**
 * Every contact row of every policy, in corpus order then the text's order. Built once per corpus:
 * the directory, the person pages and every per-policy export read it.
 */
export function directoryEntries(corpus: Corpus): ContactEntry[] {
  const cached = entriesByCorpus.get(corpus);
  if (cached) return cached;
  const built = buildEntries(corpus);
  entriesByCorpus.set(corpus, built);
  return built;
}

function buildEntries(corpus: Corpus): ContactEntry[] {
  return corpus.policies.flatMap((policy) =>
    policy.contacts.map((contact): ContactEntry => {
      const officeOnly = isOfficeOnly(contact);
      const name = displayName(contact.name);
      const { chains, industries } = splitScope(contact.scope);
      return {
        anchor: `contact-${policy.id}-${contact.id}`,
        policy,
        contact,
        displayName: name,
        verbatimName: contact.name,
        officeOnly,
        phones: phoneViews(contact.phones),
        directions: contact.directions.map((id) => ({
          id,
          name: policy.directions.find((d) => d.id === id)?.name ?? id,
          href: directionUrl(policy.id, id),
        })),
        levelLabel: LEVEL_LABEL[contact.level],
        chains,
        industries,
        personSlug: officeOnly ? undefined : personSlugOf(name),
      };
    }),
  );
}

/** One person across documents and years: the grouping key is the display name, nothing more. */
export interface Person {
  slug: string;
  name: string;
  entries: ContactEntry[];
  /** Each distinct number with the documents (and years) that print it for this person. */
  numbers: Array<{ phone: PhoneView; sources: Array<{ policy: Policy; year: number }> }>;
  departments: string[];
}

const peopleByEntries = new WeakMap<readonly ContactEntry[], Person[]>();

/** People grouped by display name; built once per entry list (several pages ask for the same one). */
export function people(entries: readonly ContactEntry[]): Person[] {
  const cached = peopleByEntries.get(entries);
  if (cached) return cached;
  const built = groupPeople(entries);
  peopleByEntries.set(entries, built);
  return built;
}

function groupPeople(entries: readonly ContactEntry[]): Person[] {
  const byName = new Map<string, ContactEntry[]>();
  for (const e of entries) {
    if (e.officeOnly) continue;
    const list = byName.get(e.displayName);
    if (list) list.push(e);
    else byName.set(e.displayName, [e]);
  }
  const out: Person[] = [];
  const slugs = new Set<string>();
  for (const [name, list] of byName) {
    const slug = personSlugOf(name);
    // A 32-bit hash collision between two names would silently merge two pages; fail the build instead.
    if (slugs.has(slug)) throw new Error(`联系人页面地址冲突：${name} → ${slug}`);
    slugs.add(slug);
    const numbers: Person['numbers'] = [];
    for (const e of list) {
      for (const phone of e.phones) {
        let n = numbers.find((x) => x.phone.digits === phone.digits);
        if (!n) numbers.push((n = { phone, sources: [] }));
        if (!n.sources.some((s) => s.policy.id === e.policy.id)) n.sources.push({ policy: e.policy, year: e.policy.year });
      }
    }
    numbers.sort((a, b) => (a.sources[0]?.year ?? 0) - (b.sources[0]?.year ?? 0));
    out.push({ slug, name, entries: list, numbers, departments: [...new Set(list.map((e) => e.contact.department))] });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

/** Why two people might be one: what they share besides a near-identical name. */
export interface PossibleDuplicate {
  other: Person;
  sharedDepartments: string[];
  sharedPhones: string[];
}

/** Names of the same length that differ in exactly one character (胡崚 / 胡峻). */
export function differByOneChar(a: string, b: string): boolean {
  const x = [...a];
  const y = [...b];
  if (x.length !== y.length || a === b) return false;
  return x.filter((ch, i) => ch !== y[i]).length === 1;
}

/**
 * People who may be the same person printed two ways: one character apart and sharing a department or
 * a number. Shown as “可能为同一人”, never merged: only the issuing office could say.
 */
export function possibleDuplicates(person: Person, all: readonly Person[]): PossibleDuplicate[] {
  return duplicateIndex(all).get(person.slug) ?? [];
}

const duplicateIndexes = new WeakMap<readonly Person[], Map<string, PossibleDuplicate[]>>();

/**
 * Possible duplicates of everyone at once, in time linear in the number of people: names that differ
 * in exactly one character share a key with that character masked, so only those pairs are compared.
 * (Comparing every pair grew with the square of the directory.)
 */
function duplicateIndex(all: readonly Person[]): Map<string, PossibleDuplicate[]> {
  const cached = duplicateIndexes.get(all);
  if (cached) return cached;
  const byMask = new Map<string, Person[]>();
  for (const p of all) {
    const chars = [...p.name];
    chars.forEach((_, i) => {
      const key = `${chars.length}:${chars.slice(0, i).join('')}\u0000${chars.slice(i + 1).join('')}`;
      const list = byMask.get(key);
      if (list) list.push(p);
      else byMask.set(key, [p]);
    });
  }
  const index = new Map<string, PossibleDuplicate[]>();
  for (const group of byMask.values()) {
    for (const person of group) {
      const phones = new Set(person.numbers.map((n) => n.phone.digits));
      for (const other of group) {
        if (other.slug === person.slug || !differByOneChar(person.name, other.name)) continue;
        const sharedDepartments = person.departments.filter((d) => other.departments.includes(d));
        const sharedPhones = other.numbers.filter((n) => phones.has(n.phone.digits)).map((n) => n.phone.text);
        if (sharedDepartments.length === 0 && sharedPhones.length === 0) continue;
        const list = index.get(person.slug) ?? [];
        if (!list.some((d) => d.other.slug === other.slug)) list.push({ other, sharedDepartments, sharedPhones });
        index.set(person.slug, list);
      }
    }
  }
  duplicateIndexes.set(all, index);
  return index;
}

/**
 * Who answers each number: several people share one line (0351-3046280 is 节能处's). Keyed by digits;
 * each holder is listed once, by display name.
 */
export function phoneHolders(entries: readonly ContactEntry[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const e of entries) {
    for (const p of e.phones) {
      const list = map.get(p.digits) ?? [];
      if (!list.includes(e.displayName)) list.push(e.displayName);
      map.set(p.digits, list);
    }
  }
  return map;
}

/** Others who use the same number, for the “共用电话” note of one entry. */
export function sharedWith(entry: ContactEntry, holders: Map<string, string[]>): Array<{ phone: PhoneView; others: string[] }> {
  return entry.phones
    .map((phone) => ({ phone, others: (holders.get(phone.digits) ?? []).filter((n) => n !== entry.displayName) }))
    .filter((x) => x.others.length > 0);
}

/**
 * Lower-case, whitespace-free text the client filter searches for names and numbers: the display name,
 * the printed name, every number as printed and as digits.
 */
export function searchKey(e: ContactEntry): string {
  return [e.displayName, stripSpace(e.verbatimName), ...e.phones.flatMap((p) => [p.text, p.digits]), e.contact.email ?? '']
    .join('|')
    .toLowerCase();
}

/**
 * Text the industry filter searches: scope, department and directions handled. The remark column is
 * searched only for rows without a scope: in Shanxi 2026 one remark (“原材料处负责钢铁…，化工处负责焦化、
 * 化工…”) is repeated on every row of its group, so searching it would make 化工 find 原材料处 too.
 */
export function industryKey(e: ContactEntry): string {
  const c = e.contact;
  const remark = c.scope.length === 0 ? [c.note ?? ''] : [];
  return stripSpace([...c.scope, ...remark, c.department, ...e.directions.map((d) => d.name)].join('|'));
}

/** Distinct values in first-seen order. */
export function distinct(values: Iterable<string>): string[] {
  return [...new Set(values)];
}

/** Paths of the directory's downloads: all policies, or one. */
export function contactExportPaths(policyId?: string): { csv: string; vcf: string } {
  return { csv: exportUrl.contactsCsv(policyId), vcf: exportUrl.contactsVcf(policyId) };
}
