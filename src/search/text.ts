/**
 * The one tokenizer of the site's search, run at build time on every indexed text and in the browser on
 * every query, so both sides cut text the same way. Pure, zod-free, no I/O.
 *
 * Chinese has no spaces, so a run of Han characters yields:
 * - every dictionary term it contains (at every position, not just one segmentation path): a query for
 *   a term finds every page where the term occurs, whatever the words around it;
 * - every overlapping pair of characters (bigrams): a query word missing from the dictionary is looked
 *   up as its bigrams, all required, so 火箭发射 finds nothing while 贴息 finds every 贴息.
 * Numbers keep their unit (3000万, 3.5亿, 10%), and amounts are also written in the other unit
 * (3.5亿 = 35000万), so 3.5亿 never matches a page with only 2亿. Phones are split as printed and also
 * joined (0351-3046297 → 0351, 3046297, 03513046297).
 */

/** A dictionary term's job in a query. Index-side, every kind is just a term. */
export type TermRole =
  | 'term' // a domain word: matched whole
  | 'stop' // filler (多少, 怎么): dropped from queries
  | 'soft' // generic words (申报, 项目, 奖励): rank, but are not required when the query has other words
  | `intent:${string}`; // a word that says which kind of page is wanted (电话 → 联系人), ranks only

/** A character trie of the dictionary: scanning text for terms costs what the matches cost. */
export interface TrieNode {
  next: Map<string, TrieNode>;
  term?: string;
}

export interface Lexicon {
  /** term → role. Terms are stored normalised (see `normalize`). */
  roles: Map<string, TermRole>;
  trie: TrieNode;
  /** term → the terms it also stands for (技改 → 技术改造). */
  synonyms: Map<string, string[]>;
  /** Longest term length, bounds the dictionary scan. */
  maxLength: number;
}

export interface LexiconData {
  terms: string[];
  stop: string[];
  soft: string[];
  intents: Record<string, string[]>;
  synonyms: Record<string, string[]>;
}

const HAN = /\p{Script=Han}/u;
/** Brackets are dropped inside text so 首台（套） reads as 首台套. */
const DROPPED = /[()（）〔〕【】]/g;

/** Full-width → half-width (NFKC), lower case, brackets dropped, 〇 kept. */
export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(DROPPED, '');
}

export function buildLexicon(data: LexiconData): Lexicon {
  const roles = new Map<string, TermRole>();
  const set = (t: string, role: TermRole) => {
    const n = normalize(t).replace(/\s+/g, '');
    if (n.length < 2 && role === 'term') return;
    if (n.length >= 1) roles.set(n, role);
  };
  for (const t of data.terms) set(t, 'term');
  for (const [from, to] of Object.entries(data.synonyms)) {
    set(from, 'term');
    for (const t of to) set(t, 'term');
  }
  for (const t of data.soft) set(t, 'soft');
  for (const [kind, words] of Object.entries(data.intents)) for (const t of words) set(t, `intent:${kind}`);
  for (const t of data.stop) set(t, 'stop');
  const synonyms = new Map<string, string[]>();
  for (const [from, to] of Object.entries(data.synonyms)) synonyms.set(normalize(from), to.map(normalize));
  let maxLength = 1;
  const trie: TrieNode = { next: new Map() };
  for (const t of roles.keys()) {
    maxLength = Math.max(maxLength, t.length);
    let node = trie;
    for (const ch of t) {
      let child = node.next.get(ch);
      if (!child) node.next.set(ch, (child = { next: new Map() }));
      node = child;
    }
    node.term = t;
  }
  return { roles, synonyms, maxLength, trie };
}

/** A piece of text: a run of Han characters, a number with its unit, or a Latin word. */
export type Piece = { kind: 'han'; text: string } | { kind: 'number'; text: string; tokens: string[] } | { kind: 'latin'; text: string };

const UNIT = '(?:万元|亿元|万|亿|元|%|‰)';
const PIECE = new RegExp(`(\\d{3,4}-\\d{7,8})|(\\d+(?:\\.\\d+)?)\\s*(${UNIT})?|([a-z][a-z0-9]*)|(\\p{Script=Han}+)`, 'gu');

function trimNumber(n: number): string {
  return String(Math.round(n * 10000) / 10000);
}

/** The tokens of a number: itself with its unit, the same amount in the other unit, and the bare figure. */
export function numberTokens(digits: string, unit: string | undefined): string[] {
  const out = new Set<string>();
  const value = Number(digits);
  const bare = digits.replace(/^0+(?=\d)/, '');
  if (bare.length >= 2 || digits.includes('.')) out.add(bare);
  if (!unit) return [...out];
  if (unit === '%' || unit === '‰') {
    out.add(bare + unit);
    return [...out];
  }
  const wan = unit.startsWith('亿') ? value * 10000 : unit.startsWith('万') ? value : value / 10000;
  out.add(`${trimNumber(wan)}万`);
  if (wan >= 1000) out.add(`${trimNumber(wan / 10000)}亿`);
  if (unit === '元') out.add(`${bare}元`);
  return [...out];
}

/** Splits normalised text into pieces; anything else (punctuation, spaces) separates them. */
export function pieces(normalized: string): Piece[] {
  const out: Piece[] = [];
  for (const m of normalized.matchAll(PIECE)) {
    if (m[1]) {
      const [area = '', local = ''] = m[1].split('-');
      out.push({ kind: 'number', text: m[1], tokens: [area, local, area + local] });
    } else if (m[2] !== undefined) out.push({ kind: 'number', text: m[0], tokens: numberTokens(m[2], m[3]) });
    else if (m[4]) out.push({ kind: 'latin', text: m[4] });
    else if (m[5]) out.push({ kind: 'han', text: m[5] });
  }
  return out;
}

/** Overlapping character pairs of a Han run (a single character yields nothing: too unspecific). */
export function bigrams(run: string): string[] {
  const chars = [...run];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/** Every dictionary term found in a Han run, at every position. */
export function termsIn(run: string, lexicon: Lexicon): string[] {
  const out: string[] = [];
  for (let i = 0; i < run.length; i++) {
    let node: TrieNode | undefined = lexicon.trie;
    for (let j = i; j < run.length; j++) {
      node = node.next.get(run[j]!);
      if (!node) break;
      if (node.term && node.term.length >= 2) out.push(node.term);
    }
  }
  return out;
}

/**
 * Index-side tokens of a text: dictionary terms and bigrams of Han runs, numbers with units, words. A term
 * with synonyms is also indexed as them (技改 → 技术改造), so a query asks for the one canonical term and a
 * page that writes both is not counted twice.
 */
export function indexTokens(text: string, lexicon: Lexicon): string[] {
  const out: string[] = [];
  for (const p of pieces(normalize(text))) {
    if (p.kind === 'number') out.push(...p.tokens);
    else if (p.kind === 'latin') out.push(p.text, ...(lexicon.synonyms.get(p.text) ?? []));
    else {
      for (const t of termsIn(p.text, lexicon)) out.push(t, ...(lexicon.synonyms.get(t) ?? []));
      out.push(...bigrams(p.text));
    }
  }
  return out;
}

/** Phone numbers for the phone field: the digits, and every tail of 4+ digits (尾号 3046297 → 6297). */
export function phoneTokens(phones: readonly string[]): string[] {
  const out = new Set<string>();
  for (const phone of phones) {
    const digits = phone.replace(/\D/g, '');
    for (const part of phone.split(/\D+/).filter(Boolean)) out.add(part);
    out.add(digits);
    for (let i = 1; digits.length - i >= 4; i++) out.add(digits.slice(i));
  }
  return [...out];
}

/**
 * Forward maximum matching of a Han run against the dictionary, for queries: the longest term at each
 * position wins; characters no term covers are kept together as a “loose” run.
 */
export function segment(run: string, lexicon: Lexicon): Array<{ text: string; known: boolean }> {
  const out: Array<{ text: string; known: boolean }> = [];
  let loose = '';
  let i = 0;
  while (i < run.length) {
    let match = '';
    for (let len = Math.min(lexicon.maxLength, run.length - i); len >= 1; len--) {
      const t = run.slice(i, i + len);
      if (lexicon.roles.has(t) && (len >= 2 || lexicon.roles.get(t) === 'stop')) {
        match = t;
        break;
      }
    }
    if (match) {
      if (loose) out.push({ text: loose, known: false });
      loose = '';
      out.push({ text: match, known: true });
      i += match.length;
    } else {
      loose += run[i];
      i++;
    }
  }
  if (loose) out.push({ text: loose, known: false });
  return out;
}

export const isHan = (s: string) => HAN.test(s);
