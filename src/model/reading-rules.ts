/**
 * How the engine reads the boundary words of the texts (以上, 不超过, …前, （含）, 原则上…), stated once.
 *
 * This table is data the engine and the data check use, and the README prints the same table (a test
 * keeps the two equal). It lives here, as a typed module rather than a YAML file under policies/, because
 * the engine must read it in the browser without I/O and without zod: a TypeScript table is bundled
 * with the engine and typed for free, and it describes how *every* policy is read, not one policy's facts.
 *
 * Readings:
 * - `inclusive`: the bound itself counts (≥ / ≤, or the day itself);
 * - `exclusive`: the bound itself does not count (> / <);
 * - `open`: the text does not settle whether the bound counts. A value exactly on it is answered
 *   `confirm` (待确认) with the clause, never met or unmet by our choice;
 * - `soft`: the condition is a guideline (原则上): a value beyond it is `confirm`, never unmet.
 *
 * Pure and zod-free.
 */

export type Reading = 'inclusive' | 'exclusive' | 'open' | 'soft';
/** What the phrase bounds: a number from below or above, a date from before or after, or a whole condition. */
export type Side = 'lower' | 'upper' | 'date-upper' | 'date-lower' | 'any' | 'condition';

export interface ReadingRule {
  /** The phrase as the texts print it; `variants` are other spellings read the same way. */
  phrase: string;
  variants?: readonly string[];
  side: Side;
  reading: Reading;
  /** How the engine reads it, in zh-CN (shown in the README table and in reasons). */
  engine: string;
  /** The legal basis, quoted verbatim, where one exists; otherwise the plain meaning of the words. */
  basis: string;
}

/** The one statute on these words, verbatim. Rows cite it by article and word. */
export const CIVIL_CODE_1259 = '《民法典》第一千二百五十九条：“民法所称的‘以上’、‘以下’、‘以内’、‘届满’，包括本数；所称的‘不满’、‘超过’、‘以外’，不包括本数。”';
const ART = '民法典第一千二百五十九条';
const NO_STATUTE = '法律未定义；';

export const READING_RULES: readonly ReadingRule[] = [
  { phrase: '以上', variants: ['及以上'], side: 'lower', reading: 'inclusive', engine: '≥，含本数', basis: `${ART}：“以上”包括本数` },
  { phrase: '以下', side: 'upper', reading: 'inclusive', engine: '≤，含本数', basis: `${ART}：“以下”包括本数` },
  { phrase: '以内', side: 'upper', reading: 'inclusive', engine: '≤，含本数', basis: `${ART}：“以内”包括本数` },
  { phrase: '不低于', variants: ['不低於', '不得低于'], side: 'lower', reading: 'inclusive', engine: '≥，含本数', basis: `${NO_STATUTE}文义：等于本数即“不低于”本数` },
  { phrase: '不少于', variants: ['不少於', '至少'], side: 'lower', reading: 'inclusive', engine: '≥，含本数', basis: `${NO_STATUTE}文义：等于本数即“不少于”本数` },
  { phrase: '达到', variants: ['达', '提升到'], side: 'lower', reading: 'inclusive', engine: '≥，含本数', basis: `${NO_STATUTE}文义：等于本数即已“达到”` },
  { phrase: '不超过', side: 'upper', reading: 'inclusive', engine: '≤，含本数', basis: `${ART}：“超过”不包括本数，故“不超过”包括本数` },
  { phrase: '未满', variants: ['不满'], side: 'upper', reading: 'exclusive', engine: '<，不含本数', basis: `${ART}：“不满”不包括本数（“未满”即“不满”）` },
  { phrase: '超过', side: 'lower', reading: 'exclusive', engine: '>，不含本数', basis: `${ART}：“超过”不包括本数` },
  { phrase: '（含）', variants: ['(含)'], side: 'any', reading: 'inclusive', engine: '含当日或本数（文本明示）', basis: '文本明示“含”' },
  { phrase: '截至', side: 'date-upper', reading: 'inclusive', engine: '计到该日（含该日）', basis: `${NO_STATUTE}文义：“截至”某日即计算到该日为止` },
  { phrase: '前', side: 'date-upper', reading: 'open', engine: '未写（含）时是否含当日不明：恰为当日的答“待确认”', basis: `${NO_STATUTE}第一千二百五十九条未列“前”` },
  { phrase: '以前', side: 'date-upper', reading: 'open', engine: '未写（含）时是否含当日不明：恰为当日的答“待确认”', basis: `${NO_STATUTE}第一千二百五十九条未列“以前”；按“以上”类推含当日只是一种读法` },
  { phrase: '后', side: 'date-lower', reading: 'open', engine: '未写（含）时是否含当日不明：恰为当日的答“待确认”', basis: `${NO_STATUTE}第一千二百五十九条未列“后”` },
  { phrase: '以后', side: 'date-lower', reading: 'open', engine: '未写（含）时是否含当日不明：恰为当日的答“待确认”', basis: `${NO_STATUTE}第一千二百五十九条未列“以后”；按“以上”类推含当日只是一种读法` },
  { phrase: '原则上', side: 'condition', reading: 'soft', engine: '指导性限度：超出时答“待确认”，不判为不符合', basis: `${NO_STATUTE}文义：“原则上”允许例外，由主管部门把握` },
] as const;

/** A bound as the text words it: the phrase found, and how it is read. */
export interface BoundReading {
  phrase: string;
  reading: Reading;
  rule: ReadingRule;
}

const byPhrase = new Map<string, ReadingRule>();
for (const r of READING_RULES) for (const p of [r.phrase, ...(r.variants ?? [])]) byPhrase.set(p, r);
const phrasesOf = (sides: readonly Side[]) =>
  [...byPhrase.entries()]
    .filter(([, r]) => sides.includes(r.side))
    .map(([p]) => p)
    .sort((a, b) => b.length - a.length);
const reading = (phrase: string): BoundReading => {
  const rule = byPhrase.get(phrase)!;
  return { phrase, reading: rule.reading, rule };
};
const escape = (s: string) => s.replace(/[()（）]/g, (c) => `\\${c}`);

/** Whitespace-free, half-width digits: the texts' conversions split lines and use full-width figures. */
function normalise(text: string): string {
  return text
    .replace(/[\s\u3000\u00a0\u200b\ufeff]+/g, '')
    .replace(/[０-９．，％]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/(\d),(?=\d{3})/g, '$1');
}

/** The values a printed number stands for, in the data's units (亿 → ×10000 万, 元 → ÷10000 万元). */
function valuesOf(n: number, scale: string | undefined, yuan: string | undefined): number[] {
  const out = [n];
  if (scale === '亿') out.push(Math.round(n * 10000 * 1e6) / 1e6);
  if (scale === undefined && yuan === '元') out.push(Math.round((n / 10000) * 1e6) / 1e6);
  return out;
}

const AFTER_NUMBER = new RegExp(`^[^\\d，。；、,;]{0,6}?(${phrasesOf(['lower', 'upper', 'any']).map(escape).join('|')})`);
const BEFORE_NUMBER = new RegExp(`(${phrasesOf(['lower', 'upper']).map(escape).join('|')})[^\\d，。；、,;]{0,8}$`);
/** A printed range “1-2家”: both ends are stated, so each counts. */
const RANGE_AFTER = /^[-—－~～至]\d/;

/**
 * How the text bounds the number `value` in `quote`: （含） or a phrase after the number (以上, 以内) wins,
 * then a printed range (1-2家: both ends stated), then the nearest phrase before it (不低于…, 未满…).
 * Undefined when the quote words it no way we know.
 */
export function numberBound(quote: string, value: number): BoundReading | undefined {
  const text = normalise(quote);
  for (const m of text.matchAll(/(\d+(?:\.\d+)?)(亿|万)?(元)?/g)) {
    if (!valuesOf(Number(m[1]), m[2], m[3]).includes(value)) continue;
    const after = text.slice(m.index + m[0].length);
    const before = text.slice(Math.max(0, m.index - 12), m.index);
    const a = AFTER_NUMBER.exec(after);
    if (a) return reading(a[1]!);
    if (RANGE_AFTER.test(after) || /[-—－~～至]$/.test(before)) return { phrase: '区间', reading: 'inclusive', rule: byPhrase.get('（含）')! };
    const b = BEFORE_NUMBER.exec(before);
    if (b) return reading(b[1]!);
  }
  return undefined;
}

/**
 * How the text bounds the day `iso` in `quote` (“2022年6月30日(含)前”, “2021年1月1日后”). `side` says which
 * end of a window it is. Undefined when the date is not printed with a phrase we know.
 */
export function dateBound(quote: string, iso: string, side: 'from' | 'to'): BoundReading | undefined {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const text = normalise(quote);
  const printed = new RegExp(`${y}年0?${m}月0?${d}日`, 'g');
  const sides: Side[] = side === 'to' ? ['date-upper', 'any'] : ['date-lower', 'any'];
  const phrases = phrasesOf(sides);
  for (const hit of text.matchAll(printed)) {
    const after = text.slice(hit.index + hit[0].length);
    const before = text.slice(Math.max(0, hit.index - 4), hit.index);
    // （含） right after the day settles it whatever follows (…(含)前, …（含）至, …（含）起).
    if (/^(（含）|\(含\))/.test(after)) return reading(after.startsWith('(') ? '(含)' : '（含）');
    if (side === 'to' && /截至$/.test(before)) return reading('截至');
    const p = phrases.find((x) => after.startsWith(x));
    if (p) return reading(p);
    // A window's upper end printed as “…至 X日” with no （含）: the same question as “前”.
    if (side === 'to' && /至$/.test(before)) return reading('前');
  }
  return undefined;
}

/** True when the condition is stated as a guideline (原则上): exceeding it is to confirm, never unmet. */
export function isSoft(quote: string): boolean {
  return normalise(quote).includes('原则上');
}

/** Which way a bound's phrase points, for checking a threshold's `op` against its words. */
export function sideOf(b: BoundReading): Side {
  return b.phrase === '区间' ? 'any' : b.rule.side;
}
