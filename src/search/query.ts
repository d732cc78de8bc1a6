/**
 * A typed query, taken apart the same way for every page kind: filler dropped, domain terms kept whole,
 * the rest as bigrams, numbers with their units, quoted phrases kept exact, and the words that say what
 * kind of page is wanted (电话 → 联系人) set aside for ranking. Pure.
 */
import { bigrams, normalize, pieces, segment, type Lexicon } from './text.ts';

export interface ParsedQuery {
  /** All required: a page must match one alternative of every group. */
  groups: string[][];
  /** Generic words (申报, 奖励): they raise a page's rank but are not required. */
  soft: string[];
  /** Page kinds the query asks for (contact, direction, date, compare, source). */
  intents: string[];
  /** Words dropped as filler, shown to the user. */
  dropped: string[];
  /** Han runs of 3+ characters that are not dictionary terms: candidates for spelling correction. */
  loose: string[];
  /** The meaningful text without spaces or filler, for the title bonus. */
  core: string;
  /** Digit groups typed alone (phone fragments): matched as prefixes. */
  digitPrefixes: string[];
}

const QUOTED = /["“”「」『』]([^"“”「」『』]+)["“”「」『』]/g;

function emptyQuery(): ParsedQuery {
  return { groups: [], soft: [], intents: [], dropped: [], loose: [], core: '', digitPrefixes: [] };
}

/** The query's groups of alternatives for a number: with a unit, only the amounts with a unit. */
function numberGroup(text: string, tokens: string[]): string[] {
  if (/^\d{3,4}-\d{7,8}$/.test(text)) return [tokens[2]!];
  const withUnit = tokens.filter((t) => /[^\d.]/.test(t));
  return withUnit.length > 0 ? withUnit : tokens;
}

function addPart(q: ParsedQuery, part: string, lexicon: Lexicon, exact: boolean): void {
  for (const p of pieces(normalize(part))) {
    if (p.kind === 'number') {
      const g = numberGroup(p.text, p.tokens);
      if (g.length) q.groups.push(g);
      if (!exact && /^\d{4,}$/.test(p.text)) q.digitPrefixes.push(p.text);
      q.core += p.text;
      continue;
    }
    if (p.kind === 'latin') {
      q.groups.push(lexicon.synonyms.get(p.text) ?? [p.text]);
      q.core += p.text;
      continue;
    }
    if (exact) {
      // A quoted phrase: its bigrams, all required, no synonyms and nothing dropped.
      const grams = p.text.length === 1 ? [] : bigrams(p.text);
      if (lexicon.roles.has(p.text)) q.groups.push([p.text]);
      else for (const g of grams) q.groups.push([g]);
      q.core += p.text;
      continue;
    }
    for (const seg of segment(p.text, lexicon)) {
      const role = seg.known ? lexicon.roles.get(seg.text) : undefined;
      if (role === 'stop') {
        q.dropped.push(seg.text);
        continue;
      }
      if (role === 'soft') {
        q.soft.push(seg.text);
        q.core += seg.text;
        continue;
      }
      if (role?.startsWith('intent:')) {
        q.intents.push(role.slice('intent:'.length));
        q.soft.push(seg.text);
        continue;
      }
      if (seg.known) {
        q.groups.push(lexicon.synonyms.get(seg.text) ?? [seg.text]);
        q.core += seg.text;
        continue;
      }
      // Not in the dictionary: its bigrams, all required. A lone character says too little to search.
      if (seg.text.length === 1) {
        q.dropped.push(seg.text);
        continue;
      }
      for (const word of looseWords(seg.text)) for (const g of bigrams(word)) q.groups.push([g]);
      if (seg.text.length >= 3) q.loose.push(seg.text);
      q.core += seg.text;
    }
  }
}

let wordSegmenter: Intl.Segmenter | undefined;

/**
 * Words of a run the dictionary does not know (山西历年变化 → 山西 / 历年 / 变化), so its bigrams do not
 * straddle word boundaries the user never meant (西历, 年变). Consecutive one-character words are kept
 * together (煤钎石 stays one run), as a single character says too little to search for.
 */
function looseWords(run: string): string[] {
  wordSegmenter ??= new Intl.Segmenter('zh-CN', { granularity: 'word' });
  const out: string[] = [];
  let singles = '';
  for (const { segment: w } of wordSegmenter.segment(run)) {
    if (w.length === 1) {
      singles += w;
      continue;
    }
    if (singles) out.push(singles);
    singles = '';
    out.push(w);
  }
  if (singles) out.push(singles);
  return out;
}

export function parseQuery(raw: string, lexicon: Lexicon): ParsedQuery {
  const q = emptyQuery();
  const rest = raw.replace(QUOTED, (_, phrase: string) => {
    addPart(q, phrase, lexicon, true);
    return ' ';
  });
  for (const part of rest.split(/\s+/).filter(Boolean)) addPart(q, part, lexicon, false);
  // Only generic words typed (“奖励 多少”): then they are what is searched for.
  if (q.groups.length === 0 && q.soft.length > 0) {
    for (const s of q.soft) q.groups.push([s]);
    q.soft = [];
    // A lone intent word (“联系人”) is then a word to find, not only a ranking hint.
  }
  q.groups = dedupeGroups(q.groups);
  return q;
}

function dedupeGroups(groups: string[][]): string[][] {
  const seen = new Set<string>();
  const out: string[][] = [];
  for (const g of groups) {
    const key = [...g].sort().join('|');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(g);
  }
  return out;
}

/** One character replaced: the usual typing slip of a pinyin input method (煤干石 → 煤矸石). */
function oneCharApart(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && ++diff > 1) return false;
  return true;
}

/**
 * Dictionary terms one character away from a run the dictionary does not know: for each window of the
 * run (3 to 8 characters), the terms of that length that differ in one place. Returns the run with the
 * best replacement, or nothing.
 */
export function spellingCandidates(run: string, lexicon: Lexicon): string[] {
  const terms = [...lexicon.roles.entries()].filter(([, r]) => r === 'term').map(([t]) => t);
  const out = new Set<string>();
  for (let len = Math.min(8, run.length); len >= 3; len--) {
    for (let i = 0; i + len <= run.length; i++) {
      const window = run.slice(i, i + len);
      for (const t of terms) if (t.length === len && oneCharApart(window, t)) out.add(run.slice(0, i) + t + run.slice(i + len));
    }
    if (out.size > 0) break;
  }
  return [...out];
}
