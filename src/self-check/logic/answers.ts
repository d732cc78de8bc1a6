/**
 * From what people typed to what the engine reads, with the engine's own parser (full-width digits,
 * 3,000, 3000万元, 1.2亿元, 15%, 2023年9月5日, blanks), and back to words for the check page.
 * Pure: no DOM.
 */
import { parseFieldValue, type InputError } from '../../engine/parse-input.ts';
import { UNKNOWN, type ProfileValue } from '../../engine/types.ts';
import type { Field } from '../../schemas/index.ts';
import type { Answers } from './types.ts';

/** The raw answer for a field, own properties only (a stored `constructor` key must not leak in). */
export function rawAnswer(answers: Answers, id: string): string {
  return Object.hasOwn(answers, id) ? (answers[id] ?? '') : '';
}

export interface ParsedAnswers {
  /** Valid answers, in the engine's types; unknown answers are left out (absent means unknown). */
  profile: Record<string, ProfileValue>;
  /** Answers that could not be read, by field id. */
  errors: Map<string, InputError>;
}

/**
 * Parses the answers for `fields` (every registry field by default). An answer that cannot be read is
 * reported and left out of the profile, so the engine treats it as unknown: a typo can make a verdict
 * 需补充信息, never 符合.
 */
export function parseAnswers(answers: Answers, fields: Iterable<Field>): ParsedAnswers {
  const profile: Record<string, ProfileValue> = {};
  const errors = new Map<string, InputError>();
  for (const field of fields) {
    if (field.type === 'derived') continue;
    const raw = rawAnswer(answers, field.id);
    if (raw === '') continue;
    const parsed = parseFieldValue(field, raw);
    if (!parsed.ok) errors.set(field.id, parsed.error);
    else if (parsed.value !== UNKNOWN) profile[field.id] = parsed.value;
  }
  return { profile, errors };
}

/** The message shown next to a field and in the error summary: the question, what is expected, what was typed. */
export function errorText(error: InputError): string {
  // Plain words (请填写不小于 0 的数字), not the CLI's “应为 … 实际为 …”.
  const what = error.expected.replace('是 或 否（true / false）', '“是”或“否”').replace(/^(\d)/, ' $1').replace(/的数（/, '的数字（').replace(/的数$/, '的数字').replace(/^(\S*)数（/, '$1数字（');
  const verb = /^(以下选项|“是”)/.test(what) ? '请选择' : '请填写';
  return `${error.label.replace(/[？?]$/, '')}：${verb}${what}（您填写的是 ${error.found}）`;
}

/** A number as people write it: 3,000.5 (grouped, no float noise). */
export function formatNumber(n: number): string {
  return n.toLocaleString('zh-CN', { maximumFractionDigits: 4 });
}

/** A known value in words, with its unit: “3,000 万元”, “是”, “钢铁、化工”, “2023-09-05”. */
export function describeValue(field: Field | undefined, value: ProfileValue): string {
  if (value === UNKNOWN) return '不确定';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') {
    const unit = field && 'unit' in field ? field.unit : '';
    return unit === '%' ? `${formatNumber(value)}%` : `${formatNumber(value)}${unit ? ' ' + unit : ''}`;
  }
  if (Array.isArray(value)) return value.join('、');
  return value;
}

/** How one answer reads on the check page. */
export type AnswerSummary =
  | { state: 'blank'; text: string }
  | { state: 'unknown'; text: string }
  | { state: 'ok'; text: string; typed?: string }
  | { state: 'error'; text: string };

/** The answer to one question as the check page lists it; `typed` is shown when it was reformatted. */
export function summariseAnswer(field: Field, answers: Answers): AnswerSummary {
  const raw = rawAnswer(answers, field.id);
  if (raw.trim() === '') return { state: 'blank', text: '未回答（按“不确定”处理）' };
  const parsed = parseFieldValue(field, raw);
  if (!parsed.ok) return { state: 'error', text: errorText(parsed.error) };
  if (parsed.value === UNKNOWN) return { state: 'unknown', text: '不确定' };
  const text = describeValue(field, parsed.value);
  // Show what was typed only when it was read differently from how it looks (３０００, 1.2亿元, 2023年9月5日).
  const plain = typeof parsed.value === 'number' ? String(parsed.value) : text;
  return raw.replace(/[\s,]/g, '') === plain ? { state: 'ok', text } : { state: 'ok', text, typed: raw };
}

/** The hint under a question: its help, then how to type the answer. */
export function hintFor(field: Field): string {
  const parts: string[] = [];
  if (field.help) parts.push(field.help);
  if (field.type === 'number') {
    // Several help texts already say 单位万元; the examples are still worth giving.
    if (field.unit === '万元') parts.push(`${field.help?.includes('单位') ? '' : '单位：万元。'}可填 3000、3,000、3000万元 或 1.2亿元。`);
    else if (field.unit === '%') parts.push(`填百分数，如 15 或 15%${field.max !== undefined ? `，不超过 ${field.max}` : ''}。`);
    else parts.push(`单位：${field.unit}，如 4 或 4${field.unit}。`);
  }
  if (field.type === 'date') parts.push('如 2023-09-05 或 2023年9月5日。');
  if (field.type === 'choice' && field.multiple) parts.push('可多选。');
  return parts.join(' ');
}
