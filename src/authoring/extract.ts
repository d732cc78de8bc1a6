/**
 * The authoring assistant's reading of a new notice: the section tree and every candidate fact, each
 * with a verbatim quote (a slice of source.txt) and its locator, matched to profile fields where the
 * clause names one. Deterministic pattern code: no model, no network. The author checks every
 * proposal against the text; nothing here is data until it passes `npm run check:data`.
 * Pure: no I/O. Build-time only.
 */
import { parseSource } from '../lib/source-blocks.ts';
import { boundItems, printedItems, readNumber, type PrintedKind } from './patterns.ts';
import { cleanLine, locatorAt, locatorOfSpan, markerOf, sectionTree, type Section, type SectionTree } from '../lib/sections.ts';

/** A profile field as the registries declare it (policies/fields*.yaml). */
export interface FieldInfo {
  id: string;
  type: string;
  label: string;
  unit?: string;
}

export interface CandidateFact {
  kind: PrintedKind | 'quota' | 'threshold';
  /** The figure as printed. */
  text: string;
  /** The clause that states it, verbatim (a slice of source.txt). */
  quote: string;
  at: string;
  line: number;
  /** Read values: an amount in 万元, a percentage, a number with its unit, a date in ISO form. */
  value?: number;
  unit?: string;
  /** For dates: the ISO day (or YYYY-MM), whether the year is printed, and 前 / 后 / （含） as printed. */
  date?: { iso: string; yearPrinted: boolean; inclusive: boolean; side?: string };
  /** For bounds: gte / gt / lte / lt, as the bound word reads. */
  op?: 'gte' | 'gt' | 'lte' | 'lt';
  /** A profile field the clause names, if one matches. */
  field?: string;
}

export interface CandidateContact {
  name: string;
  department?: string;
  /** Set when the text prints no name and the office stands in for it. */
  note?: string;
  phones: string[];
  email?: string;
  quote: string;
  at: string;
  line: number;
}

export interface CandidateDirection {
  /** A heading that reads like a fundable item: “（二）标杆示范项目”. */
  name: string;
  quote: string;
  at: string;
  line: number;
  /** The 一、 heading above it, proposed as its programme. */
  programme?: { name: string; at: string };
  /** Facts printed inside its section. */
  facts: CandidateFact[];
}

/** A table rebuilt from the conversion's tab rows or one-cell-per-line layout, each row with its locator. */
export interface DraftTable {
  line: number;
  at: string;
  rows: Array<{ line: number; lastLine: number; at: string; cells: string[] }>;
}

export interface Draft {
  tree: SectionTree;
  tables: DraftTable[];
  sections: Section[];
  facts: CandidateFact[];
  contacts: CandidateContact[];
  directions: CandidateDirection[];
  /** What the front matter gives: title, issuer, document number, addressees, issue date. */
  front: { title?: Cited; issuer?: Cited; docNumber?: Cited; addressees?: Cited; issued?: CandidateFact; deadline?: CandidateFact };
}

export interface Cited {
  text: string;
  quote: string;
  at: string;
}

const BOUNDARY = /[。；;！？!?\n\t]/;

/**
 * The clause around [start, end): from the previous sentence end (。；, a line break or a table's tab)
 * to the next one, the full stop included. Always a verbatim slice of the source.
 */
export function clauseAround(source: string, start: number, end: number): { quote: string; start: number } {
  let a = start;
  while (a > 0 && !BOUNDARY.test(source[a - 1]!)) a--;
  let b = end;
  while (b < source.length && !BOUNDARY.test(source[b]!)) b++;
  if (b < source.length && /[。；;！？!?]/.test(source[b]!)) b++;
  const raw = source.slice(a, b);
  const lead = raw.length - raw.trimStart().length;
  return { quote: raw.trim(), start: a + lead };
}

/** A whole table row or line: the quote for a contact. */
function lineAround(source: string, offset: number): { quote: string; start: number; line: number } {
  const a = source.lastIndexOf('\n', offset - 1) + 1;
  const e = source.indexOf('\n', offset);
  const raw = source.slice(a, e === -1 ? source.length : e);
  const lead = raw.length - raw.trimStart().length;
  return { quote: raw.trim(), start: a + lead, line: source.slice(0, a).split('\n').length };
}

const half = (s: string) => s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/** An amount as printed, in 万元 (1亿元 → 10000, 500元 → 0.05); the upper end of a range. */
export function amountWan(text: string): number | undefined {
  const t = half(text).replace(/[\s\u3000]/g, '');
  const m = /(\d+(?:[.,]\d+)*)(亿元|万元|元|亿|万)$/.exec(t);
  if (!m) return undefined;
  const n = readNumber(m[1]!);
  const unit = m[2]!;
  if (unit.startsWith('亿')) return n * 10000;
  if (unit === '元') return Math.round((n / 10000) * 1e6) / 1e6;
  return n;
}

/** A date as printed → ISO (YYYY-MM-DD, or YYYY-MM for a month), with its qualifiers. */
export function readDate(text: string, fallbackYear?: number): CandidateFact['date'] | undefined {
  const t = half(text).replace(/[\s\u3000]/g, '');
  const inclusive = /[（(]含[）)]/.test(t);
  const side = /(以前|以后|之前|之后|前|后|起|止)$/.exec(t)?.[1];
  const pad = (n: string) => n.padStart(2, '0');
  let m = /^(\d{4})(?:年|[.．/-])(\d{1,2})(?:月|[.．/-])(\d{1,2})/.exec(t);
  if (m) return { iso: `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`, yearPrinted: true, inclusive, side };
  m = /^(\d{4})年(\d{1,2})月/.exec(t);
  if (m) return { iso: `${m[1]}-${pad(m[2]!)}`, yearPrinted: true, inclusive, side };
  m = /^(\d{4})年(?:底|末)/.exec(t);
  if (m) return { iso: `${m[1]}-12-31`, yearPrinted: true, inclusive, side };
  m = /^(\d{1,2})月(\d{1,2})/.exec(t);
  if (m && fallbackYear) return { iso: `${fallbackYear}-${pad(m[1]!)}-${pad(m[2]!)}`, yearPrinted: false, inclusive, side };
  return undefined;
}

const OP: Record<string, CandidateFact['op']> = {
  不低于: 'gte', 不少于: 'gte', 不小于: 'gte', 达到: 'gte', 至少: 'gte', 以上: 'gte', 及以上: 'gte',
  不超过: 'lte', 不高于: 'lte', 不大于: 'lte', 最高: 'lte', 最多: 'lte', 以下: 'lte', 以内: 'lte',
  超过: 'gt', 高于: 'gt', 大于: 'gt', 低于: 'lt',
};

/**
 * The profile field a clause names: the number field whose label (parentheses dropped) shares the
 * longest run of at least four characters with the words just before the figure. Ties go to the
 * registry's order, so the result is deterministic.
 */
export function matchField(context: string, fields: readonly FieldInfo[], types: readonly string[]): string | undefined {
  let best: { id: string; score: number } | undefined;
  for (const f of fields) {
    if (!types.includes(f.type)) continue;
    const label = f.label.replace(/[（(][^）)]*[）)]/g, '').replace(/[？?，,。\s]/g, '');
    const score = longestCommonRun(label, context);
    if (score >= 4 && (!best || score > best.score)) best = { id: f.id, score };
  }
  return best?.id;
}

function longestCommonRun(a: string, b: string): number {
  let best = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      let k = 0;
      while (a[i + k] !== undefined && a[i + k] === b[j + k]) k++;
      if (k > best) best = k;
    }
  }
  return best;
}

/**
 * The words a figure qualifies: from the last comma (or the clause start) to the figure, at most 24
 * characters. “单个项目最高不超过300万元” is then about 单个项目, not the 项目总投资 earlier in the clause.
 */
function fragmentBefore(source: string, clauseStart: number, at: number): string {
  const text = source.slice(Math.max(clauseStart, at - 24), at);
  return text.slice(text.search(/[^，,；;：:、]*$/));
}

/** The name of a direction a heading proposes: its text after the marker, up to the first full stop. */
function headingName(title: string): string {
  const t = cleanLine(title).replace(/^(?:[（(]?[一二三四五六七八九十\d]{1,3}[）)]?[、．.]?|[\u2460-\u2473])\s*/, '');
  return t.split(/[。：:]/)[0]!.trim();
}

const DIRECTION_WORDS = /(项目|奖励|补助|工程|示范|平台|培育|改造|中心|专项|方向|贴息|攻关)$/;

/** Reads a notice into a draft. `fields` are the profile fields the policies already declare. */
export function extractDraft(source: string, fields: readonly FieldInfo[] = []): Draft {
  const tree = sectionTree(source);
  const lineOf = (offset: number) => source.slice(0, offset).split('\n').length;
  const at = (start: number, end: number) => locatorOfSpan(tree, source, start, end);
  const items = printedItems(source);
  // A day printed without its year (“2月14日前”) takes the year of the document's own date (落款), as
  // the schema's yearFromIssueDate records; failing that, of the first full date the text prints.
  const issuedYear = (() => {
    const full = items.filter((x) => x.kind === 'date').map((x) => ({ x, d: readDate(x.text) })).filter((e) => e.d?.yearPrinted);
    const pick = full.find((e) => locatorAt(tree, source, e.x.start) === '落款') ?? full[0];
    return pick ? Number(pick.d!.iso.slice(0, 4)) : undefined;
  })();

  const facts: CandidateFact[] = [];
  for (const item of items) {
    const clause = clauseAround(source, item.start, item.end);
    const fact: CandidateFact = { kind: item.kind, text: item.text.trim(), quote: clause.quote, at: at(clause.start, clause.start + clause.quote.length), line: lineOf(item.start) };
    const before = fragmentBefore(source, clause.start, item.start);
    if (item.kind === 'phone') fact.text = half(item.text).replace(/[\s\u3000]/g, '').replace(/[－—–]/, '-');
    if (item.kind === 'amount') {
      fact.value = amountWan(item.text);
      fact.unit = '万元';
      fact.field = matchField(before, fields, ['number', 'derived']);
    }
    if (item.kind === 'percentage') {
      const m = /(\d+(?:\.\d+)?)\s*[%％]\s*$/.exec(half(item.text).replace(/．/g, '.'));
      if (m) fact.value = Number(m[1]);
      fact.unit = '%';
    }
    if (item.kind === 'date') {
      fact.date = readDate(item.text, issuedYear);
      fact.field = matchField(before, fields, ['date']);
    }
    facts.push(fact);
  }
  for (const b of boundItems(source)) {
    const clause = clauseAround(source, b.start, b.end);
    const before = fragmentBefore(source, clause.start, b.start);
    const unit = b.unit === '亿元' || b.unit === '元' ? '万元' : b.unit;
    const value = b.unit === '亿元' ? b.value * 10000 : b.unit === '元' ? b.value / 10000 : b.value;
    facts.push({
      kind: b.kind,
      text: b.text,
      quote: clause.quote,
      at: at(clause.start, clause.start + clause.quote.length),
      line: lineOf(b.start),
      value,
      unit,
      op: OP[b.bound],
      field: b.kind === 'threshold' ? matchField(before, fields, ['number', 'derived']) : undefined,
    });
  }
  facts.sort((x, y) => x.line - y.line);

  const tables: DraftTable[] = parseSource(source).blocks.flatMap((b) =>
    b.kind === 'table'
      ? [{ line: b.line, at: tree.atOfLine[b.line] ?? '', rows: b.rows.map((r) => ({ line: r.line, lastLine: Math.max(r.line, ...r.cells.map((c) => c.line + c.text.split('\n').length - 1)), at: tree.atOfLine[r.line] ?? '', cells: r.cells.map((c) => c.text) })) }]
      : [],
  );
  return {
    tree,
    tables,
    sections: tree.sections,
    facts,
    contacts: extractContacts(source, items, tables, at),
    directions: extractDirections(tree, facts),
    front: frontMatterFacts(source, tree, facts),
  };
}

const NAME = /^[\u4e00-\u9fff](?:[ \u3000]*[\u4e00-\u9fff]){1,3}$/;
const DEPARTMENT = /(处|局|室|科|中心|厅|办|委|司|部)$/;

/**
 * People from contact tables and from lines such as “联系人：周晋芳 电 话：0351-3046242”.
 * In a table row, each phone cell is one contact: the name is the nearest name cell before it and the
 * office the nearest office cell before that, both after the previous phone cell (so Jiangsu's 市工信局
 * column never takes the 省工信厅 office). A row that prints an office but no name (Jiangsu 附件6) gives
 * the office as the name, and says so in `note`. The quote is the row's cells up to the phone.
 */
function extractContacts(source: string, items: ReturnType<typeof printedItems>, tables: DraftTable[], at: (s: number, e: number) => string): CandidateContact[] {
  const out: CandidateContact[] = [];
  const phonesIn = (text: string) => printedItems(text).filter((x) => x.kind === 'phone').map((x) => half(x.text).replace(/[－—–]/, '-'));
  const tableLines = new Set<number>();
  for (const table of tables) {
    for (const row of table.rows) {
      const cells = row.cells.map((c) => c.trim());
      let after = 0;
      cells.forEach((cell, k) => {
        const phones = phonesIn(cell);
        if (phones.length === 0) return;
        const before = cells.slice(after, k);
        const nameAt = before.findLastIndex((c) => NAME.test(c) && !DEPARTMENT.test(c));
        const deptAt = before.slice(0, nameAt === -1 ? undefined : nameAt).findLastIndex((c) => DEPARTMENT.test(c));
        after = k + 1;
        if (nameAt === -1 && deptAt === -1) return;
        const name = nameAt === -1 ? before[deptAt]! : before[nameAt]!;
        const quote = cells.slice(0, k + 1).filter((c) => c !== '').join(' ');
        out.push({
          name,
          ...(deptAt !== -1 ? { department: before[deptAt]! } : {}),
          phones,
          ...(nameAt === -1 ? { note: '原文未载明联系人姓名，以处室名称代替' } : {}),
          quote,
          at: row.at,
          line: row.line,
        });
      });
      for (let n = row.line; n <= row.lastLine; n++) tableLines.add(n);
    }
  }
  const lineOfOffset = (offset: number) => source.slice(0, offset).split('\n').length;
  const seenLines = new Set<number>();
  for (const phone of items.filter((x) => x.kind === 'phone')) {
    if (tableLines.has(lineOfOffset(phone.start))) continue;
    const row = lineAround(source, phone.start);
    if (seenLines.has(row.line)) continue;
    seenLines.add(row.line);
    // “联系人：周晋芳” on this line or one of the three above.
    const from = Math.max(0, nthLineStartBefore(source, row.start, 3));
    const m = /联系人[：:][ \u3000]*([\u4e00-\u9fff](?:[ \u3000]?[\u4e00-\u9fff]){1,3})/.exec(source.slice(from, row.start + row.quote.length));
    if (!m) continue;
    const qStart = source.indexOf(m[0], from);
    const quote = source.slice(qStart, row.start + row.quote.length).trim();
    out.push({ name: m[1]!, phones: phonesIn(row.quote), quote, at: at(qStart, row.start + row.quote.length), line: lineOfOffset(qStart) });
  }
  // An email printed within a few lines under a contact belongs to it; the quote then runs to it.
  for (const email of items.filter((x) => x.kind === 'email')) {
    const line = lineOfOffset(email.start);
    const c = out.find((x) => line >= x.line && line - (x.line + x.quote.split('\n').length - 1) <= 6);
    if (!c || c.email) continue;
    c.email = email.text;
    const from = source.indexOf(c.quote);
    if (from !== -1 && from < email.start) c.quote = source.slice(from, email.end).trim();
  }
  return out.sort((a, b) => a.line - b.line);
}

function nthLineStartBefore(source: string, offset: number, n: number): number {
  let at = offset;
  for (let i = 0; i < n && at > 0; i++) at = source.lastIndexOf('\n', at - 2) + 1;
  return at;
}

/** Headings (（一） / 1.) whose name ends like a fundable item, each with the facts printed under it. */
function extractDirections(tree: SectionTree, facts: CandidateFact[]): CandidateDirection[] {
  const out: CandidateDirection[] = [];
  const visit = (s: Section, programme?: { name: string; at: string }) => {
    const m = markerOf(s.title);
    const name = headingName(s.title);
    if (m && m.level === 1) programme = { name, at: s.at };
    // A group of directions (（二）标杆示范项目 over 1. 智能制造示范工厂项目, 2. …) proposes its items.
    const items = s.children.filter((c) => markerOf(c.title)?.level === 3 && DIRECTION_WORDS.test(headingName(c.title)));
    if (m && (m.level === 2 || m.level === 3) && DIRECTION_WORDS.test(name) && name.length >= 4 && name.length <= 40 && items.length < 2) {
      out.push({ name, quote: name, at: s.at, line: s.line, programme, facts: facts.filter((f) => f.at === s.at || f.at.startsWith(s.at + ' / ')) });
      return;
    }
    for (const c of s.children) visit(c, programme);
  };
  for (const s of tree.sections) visit(s);
  return out;
}

/** Title, issuer, document number, addressees and the issue date, from the lines before the body. */
function frontMatterFacts(source: string, tree: SectionTree, facts: CandidateFact[]): Draft['front'] {
  const lines = source.split('\n');
  const front: Draft['front'] = {};
  for (let n = 1; n <= lines.length; n++) {
    const label = tree.atOfLine[n];
    const t = cleanLine(lines[n - 1]!);
    if (!t) continue;
    if (label === '版头' && /文件$/.test(t) && !front.issuer) front.issuer = { text: t.replace(/文件$/, '').trim(), quote: t, at: '版头' };
    if (label === '标题' && !front.title) front.title = { text: t.replace(/[ \u3000]+/g, ''), quote: t, at: '标题' };
    if (label === '主送' && !front.addressees) front.addressees = { text: t.replace(/[：:]$/, ''), quote: t, at: '主送' };
  }
  const doc = facts.find((f) => f.kind === 'docNumber' && f.at === '版头');
  if (doc) front.docNumber = { text: doc.text.replace(/[ \u3000]+/g, ''), quote: doc.text, at: '版头' };
  front.issued = facts.find((f) => f.kind === 'date' && f.at === '落款' && f.date?.yearPrinted);
  front.deadline = facts.find((f) => f.kind === 'date' && /截止|截至/.test(f.quote) && /申报|报送|提交/.test(f.quote));
  return front;
}
