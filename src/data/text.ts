/**
 * Text helpers shared by the citation check, the pages and the search index.
 * Pure functions: no I/O.
 */

/** Removes every kind of whitespace (ASCII, ideographic U+3000, no-break). Nothing else is touched. */
export function stripSpace(s: string): string {
  return s.replace(/[\s\u3000\u00a0\u200b\ufeff]+/g, '');
}

/** True when `quote` occurs in `source`, ignoring whitespace and line breaks only. */
export function quoteFound(quote: string, source: string): boolean {
  return locateQuote(quote, source) !== -1;
}

/**
 * Offset in `source` where `quote` starts, ignoring whitespace, or -1. Maps the position in the
 * whitespace-free text back to the original so pages can link to the paragraph.
 */
export function locateQuote(quote: string, source: string): number {
  const needle = stripSpace(quote);
  if (needle.length === 0) return -1;
  const { text, offsets } = compactIndex(source);
  const at = text.indexOf(needle);
  return at === -1 ? -1 : (offsets[at] ?? -1);
}

/**
 * Spans [start, end) in the original text of every occurrence of `quote`, ignoring whitespace, in order
 * (a clause may be printed more than once: a contact in two rows, a form's note in two attachments).
 */
export function quoteSpans(quote: string, source: string): Array<[number, number]> {
  const needle = stripSpace(quote);
  const out: Array<[number, number]> = [];
  if (!needle) return out;
  const { text, offsets } = compactIndex(source);
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) out.push([offsets[at]!, offsets[at + needle.length - 1]! + 1]);
  return out;
}

const compactCache = new Map<string, { text: string; offsets: Uint32Array }>();

/**
 * The whitespace-free text and, for each of its characters, the offset in the original. Built once per
 * source text (every quote of a policy is looked up in it). The offsets are a typed array, 4 bytes a
 * character, where a plain number array took 8 and, with the text grown one character at a time, made
 * this cache the largest structure the build kept per policy.
 */
export function compactIndex(source: string): { text: string; offsets: Uint32Array } {
  const hit = compactCache.get(source);
  if (hit) return hit;
  const offsets = new Uint32Array(source.length);
  const runs: string[] = [];
  let n = 0;
  for (const m of source.matchAll(/[^\s\u3000\u00a0\u200b\ufeff]+/g)) {
    runs.push(m[0]);
    for (let k = 0; k < m[0].length; k++) offsets[n++] = m.index + k;
  }
  const built = { text: runs.join(''), offsets: offsets.slice(0, n) };
  compactCache.set(source, built);
  return built;
}

/** Display form of a printed name: padding removed (“郭  毅” → “郭毅”). The verbatim form stays in data. */
export function displayName(name: string): string {
  return stripSpace(name);
}

/** Full-width digits and punctuation that people (and conversions) use in numbers. */
export function toHalfWidthDigits(s: string): string {
  return s.replace(/[０-９．，％]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * Every number a quote states, in the units the data uses. Amounts followed by 亿 are also given in
 * 万 (×10000); amounts in plain 元 also in 万元 (÷10000). Thousands separators are read.
 */
export function numbersInQuote(quote: string): Set<number> {
  const text = toHalfWidthDigits(stripSpace(quote)).replace(/(\d),(?=\d{3})/g, '$1');
  const found = new Set<number>();
  for (const m of text.matchAll(/(\d+(?:\.\d+)?)(亿|万)?(元)?/g)) {
    const n = Number(m[1]);
    found.add(n);
    if (m[2] === '亿') found.add(round(n * 10000));
    if (m[2] === undefined && m[3] === '元') found.add(round(n / 10000));
  }
  // Spelled-out numbers count only before a counter (“三年”, “一次”, “百亿”), so a stray 一 in prose
  // cannot vouch for a figure.
  for (const m of text.matchAll(/([一二两三四五六七八九十])(年|个|项|家|次|档|期|倍|亿|万)/g)) {
    const n = CHINESE_DIGITS[m[1]!]!;
    found.add(n);
    if (m[2] === '亿') found.add(n * 10000);
  }
  if (text.includes('百亿')) found.add(1000000);
  return found;
}

const CHINESE_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/**
 * The units printed right after `value` in a quote (“不少于5场” → 场, “1200 人次” → 人次), each the longest
 * of `units` that follows an occurrence of the number; occurrences followed by no known unit are skipped.
 * The check uses it to catch a threshold stored as 人 where the text counts 人次.
 */
export function unitsAfterNumber(quote: string, value: number, units: readonly string[]): string[] {
  const text = toHalfWidthDigits(stripSpace(quote)).replace(/(\d),(?=\d{3})/g, '$1');
  const byLength = [...units].sort((a, b) => b.length - a.length);
  const out: string[] = [];
  for (const m of text.matchAll(/\d+(?:\.\d+)?/g)) {
    if (Number(m[0]) !== value) continue;
    const rest = text.slice(m.index + m[0].length);
    const unit = byLength.find((u) => rest.startsWith(u));
    if (unit !== undefined) out.push(unit);
  }
  return out;
}
