/**
 * Turns what people type into profile values. Lenient about form (full-width digits, thousands
 * separators, units, spaces), strict about meaning: anything else is a zh-CN message naming the field,
 * what was expected and what was found. Never throws, never returns NaN.
 */
import type { Field } from '../schemas/index.ts';
import { toHalfWidthDigits } from '../data/text.ts';
import { daysInMonth, isoOf } from './iso-date.ts';
import { UNKNOWN, UNKNOWN_WORDS, type ProfileValue } from './types.ts';

/** Why an answer was refused, phrased for the person who typed it. */
export interface InputError {
  /** Field id (empty when the profile as a whole is wrong). */
  field: string;
  /** The question's label. */
  label: string;
  expected: string;
  found: string;
  /** One line: “项目总投资”（totalInvestmentWan）：应为 …；实际为 … */
  message: string;
}

export type ParseResult = { ok: true; value: ProfileValue } | { ok: false; error: InputError };

/** Builds an {@link InputError} with its one-line message. */
export function inputError(field: string, label: string, expected: string, found: string): InputError {
  const who = !field ? label : label === field ? `字段 “${field}”` : `“${label}”（${field}）`;
  return { field, label, expected, found, message: `${who}：应为 ${expected}；实际为 ${found}` };
}

/** A short rendering of what was typed, for messages: strings are quoted, long ones cut. */
export function describeInput(value: unknown): string {
  if (value === undefined) return '（缺失）';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    const s = value.length > 40 ? value.slice(0, 37) + '…' : value;
    return `“${s}”`;
  }
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'boolean') return `${value}（是/否）`;
  if (Array.isArray(value)) return `列表（${value.length} 项）`;
  if (typeof value === 'object') return '对象';
  return typeof value;
}

// Full-width signs and spaces that appear in pasted numbers and dates; toHalfWidthDigits covers ０-９．，％.
const WIDE: Record<string, string> = { '－': '-', '﹣': '-', '−': '-', '＋': '+', '／': '/', '：': ':' };
const SPACE = /[\s\u3000\u00a0\u200b\ufeff]+/g;

/** Half-width digits and signs, no spaces at all (people type “3 000” and “3000 万元”). */
function normalize(s: string): string {
  return toHalfWidthDigits(s)
    .replace(/[－﹣−＋／：]/g, (c) => WIDE[c] ?? c)
    .replace(SPACE, '');
}

/** True for null, undefined, blank and the words for “I don't know”. */
export function isUnknownInput(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value !== 'string') return false;
  const s = value.replace(SPACE, '').toLowerCase();
  return s === '' || UNKNOWN_WORDS.has(s);
}

/** Multipliers to 万元 for amounts typed with a unit; a bare number is already in 万元. */
const AMOUNT_UNITS: Record<string, number> = { '': 1, 万: 1, 万元: 1, 千万: 1000, 千万元: 1000, 亿: 10000, 亿元: 10000, 元: 0.0001 };

// Digits with optional valid thousands grouping (3,000 but not 3,00) and decimals, then a unit.
const NUMBER = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d+))?(.*)$/;

/** Removes float noise (0.07 × 10000 = 700.0000000000001) without losing real precision. */
export function tidy(n: number): number {
  return n === 0 ? 0 : Number(n.toPrecision(12));
}

function expectedNumber(field: Extract<Field, { type: 'number' }>): string {
  const min = field.min ?? 0;
  const range = field.max !== undefined ? `${min} 到 ${field.max} 之间的` : `不小于 ${min} 的`;
  if (field.unit === '万元') return `${range}金额（万元），如 3000、3,000、3000万元 或 1.2亿元`;
  if (field.unit === '%') return `${range}百分数，如 15 或 15%`;
  return `${range}数（${field.unit}），如 4 或 4${field.unit}`;
}

function parseNumber(field: Extract<Field, { type: 'number' }>, input: unknown): ParseResult {
  const expected = expectedNumber(field);
  const fail = () => ({ ok: false, error: inputError(field.id, field.label, expected, describeInput(input)) }) as const;
  let n: number;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return fail();
    n = input;
  } else if (typeof input === 'string') {
    const m = NUMBER.exec(normalize(input));
    if (!m || (m[2] === undefined && m[3] === undefined)) return fail();
    const unit = m[4] ?? '';
    let factor: number | undefined;
    if (field.unit === '万元') factor = Object.hasOwn(AMOUNT_UNITS, unit) ? AMOUNT_UNITS[unit] : undefined;
    else if (unit === '' || unit === field.unit) factor = 1;
    if (factor === undefined) return fail();
    const text = `${m[1]}${(m[2] ?? '0').replace(/,/g, '')}${m[3] !== undefined ? '.' + m[3] : ''}`;
    n = tidy(Number(text) * factor);
    if (!Number.isFinite(n)) return fail();
  } else return fail();
  n = n === 0 ? 0 : n; // −0 reads as 0
  const min = field.min ?? 0;
  if (n < min || (field.max !== undefined && n > field.max)) return fail();
  return { ok: true, value: n };
}

const YES = new Set(['是', '有', '对', 'true', 'yes', 'y']);
const NO = new Set(['否', '不是', '无', '没有', '不', 'false', 'no', 'n']);

function parseBoolean(field: Field, input: unknown): ParseResult {
  if (typeof input === 'boolean') return { ok: true, value: input };
  if (typeof input === 'string') {
    const s = normalize(input).toLowerCase();
    if (YES.has(s)) return { ok: true, value: true };
    if (NO.has(s)) return { ok: true, value: false };
  }
  return { ok: false, error: inputError(field.id, field.label, '是 或 否（true / false）', describeInput(input)) };
}

function listOptions(options: readonly string[]): string {
  return options.length > 8 ? `${options.slice(0, 8).join('、')} 等 ${options.length} 项` : options.join('、');
}

function parseChoice(field: Extract<Field, { type: 'choice' }>, input: unknown): ParseResult {
  const multiple = field.multiple === true;
  const expected = multiple ? `以下选项中的一项或多项：${listOptions(field.options)}` : `以下选项之一：${listOptions(field.options)}`;
  const fail = (found: string) => ({ ok: false, error: inputError(field.id, field.label, expected, found) }) as const;
  let items: unknown[];
  if (typeof input === 'string') items = multiple ? input.split(/[、,，;；]/) : [input];
  else if (Array.isArray(input)) items = input;
  else return fail(describeInput(input));
  const chosen: string[] = [];
  for (const item of items) {
    if (typeof item !== 'string') return fail(describeInput(item));
    const s = item.replace(SPACE, '');
    if (s === '') continue;
    if (!field.options.includes(s)) return fail(describeInput(item));
    if (!chosen.includes(s)) chosen.push(s);
  }
  // Nothing chosen is not an answer: an empty list must not read as “none of these applies”.
  if (chosen.length === 0) return { ok: true, value: UNKNOWN };
  if (multiple) return { ok: true, value: chosen };
  if (chosen.length > 1) return fail(`${chosen.length} 项（只能选一项）`);
  return { ok: true, value: chosen[0]! };
}

// 2023-09-05, 2023/9/5, 2023.9.5, 2023年9月5日.
const DATE = /^(\d{4})(?:-|\/|\.|年)(\d{1,2})(?:-|\/|\.|月)(\d{1,2})日?$/;

function parseDate(field: Field, input: unknown): ParseResult {
  const expected = '1900–2100 年间日历上存在的日期 YYYY-MM-DD，如 2023-09-05';
  const fail = (found: string) => ({ ok: false, error: inputError(field.id, field.label, expected, found) }) as const;
  if (typeof input !== 'string') return fail(describeInput(input));
  const m = DATE.exec(normalize(input));
  if (!m) return fail(describeInput(input));
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < 1900 || y > 2100) return fail(`${describeInput(input)}（年份超出范围）`);
  if (mo < 1 || mo > 12) return fail(`${describeInput(input)}（没有 ${mo} 月）`);
  if (d < 1 || d > daysInMonth(y, mo)) return fail(`${describeInput(input)}（${y} 年 ${mo} 月没有 ${d} 日）`);
  return { ok: true, value: isoOf(y, mo, d) };
}

/**
 * Parses one answer for `field`. Blank, null and 不确定/unknown give {@link UNKNOWN}. Derived fields
 * are computed, so any other answer for them is refused.
 */
export function parseFieldValue(field: Field, input: unknown): ParseResult {
  if (isUnknownInput(input)) return { ok: true, value: UNKNOWN };
  switch (field.type) {
    case 'number':
      return parseNumber(field, input);
    case 'boolean':
      return parseBoolean(field, input);
    case 'choice':
      return parseChoice(field, input);
    case 'date':
      return parseDate(field, input);
    case 'derived':
      return { ok: false, error: inputError(field.id, field.label, '不填写（由其他答案自动计算）', describeInput(input)) };
  }
}
