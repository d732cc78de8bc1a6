/**
 * What people type on the self-check page: read with the engine's parser (full-width digits, 3,000,
 * 3000万元, 1.2亿元, 15%, dates in Chinese), refused with a message naming what is expected and what
 * was typed, and never NaN.
 */
import { describe, expect, it } from 'vitest';
import { describeValue, errorText, hintFor, parseAnswers, rawAnswer, summariseAnswer } from '../../src/self-check/logic/answers.ts';
import type { Field } from '../../src/schemas/index.ts';

const amount: Field = { id: 'totalInvestmentWan', type: 'number', unit: '万元', min: 0, step: 'project', label: '项目总投资' };
const pct: Field = { id: 'sharePct', type: 'number', unit: '%', min: 0, max: 100, step: 'finance', label: '占比' };
const count: Field = { id: 'links', type: 'number', unit: '个', min: 0, step: 'project', label: '环节数量' };
const date: Field = { id: 'filingDate', type: 'date', step: 'project', label: '备案日期' };
const yes: Field = { id: 'legalEntity', type: 'boolean', step: 'basic', label: '是否为独立法人？' };
const choice: Field = { id: 'industry', type: 'choice', options: ['钢铁', '化工', '其他'], multiple: false, step: 'basic', label: '所属行业' };
const multi: Field = { id: 'industries', type: 'choice', options: ['钢铁', '化工', '其他'], multiple: true, step: 'basic', label: '涉及行业' };
const all = [amount, pct, count, date, yes, choice, multi];

const value = (f: Field, raw: string) => parseAnswers({ [f.id]: raw }, [f]);

describe('reading answers', () => {
  it.each([
    ['３０００', 3000],
    ['3,000', 3000],
    [' 3 000 ', 3000],
    ['3000万元', 3000],
    ['3000 万', 3000],
    ['1.2亿元', 12000],
    ['０.５亿', 5000],
    ['3000元', 0.3],
  ])('amount %s → %d 万元', (raw, n) => {
    expect(value(amount, raw)).toEqual({ profile: { totalInvestmentWan: n }, errors: new Map() });
  });
  it('percent with or without %, dates in several forms, yes/no, choices', () => {
    expect(value(pct, '15%').profile).toEqual({ sharePct: 15 });
    expect(value(pct, '１５').profile).toEqual({ sharePct: 15 });
    expect(value(date, '2023年9月5日').profile).toEqual({ filingDate: '2023-09-05' });
    expect(value(date, '2023/9/5').profile).toEqual({ filingDate: '2023-09-05' });
    expect(value(yes, '否').profile).toEqual({ legalEntity: false });
    expect(value(choice, '化工').profile).toEqual({ industry: '化工' });
    expect(value(multi, '钢铁、化工').profile).toEqual({ industries: ['钢铁', '化工'] });
  });
  it('blank and 不确定 are unknown: left out of the profile, no error', () => {
    for (const raw of ['', '   ', 'unknown', '不确定']) expect(value(amount, raw)).toEqual({ profile: {}, errors: new Map() });
  });
  it.each([
    [amount, 'abc', '“abc”'],
    [amount, '-5', '“-5”'],
    [amount, '3,00', '“3,00”'],
    [amount, '3000美元', '“3000美元”'],
    [pct, '150', '“150”'],
    [count, '4万元', '“4万元”'],
    [date, '2023-02-30', '2023 年 2 月没有 30 日'],
    [date, '2023-13-01', '没有 13 月'],
    [date, '昨天', '“昨天”'],
    [yes, '也许', '“也许”'],
    [choice, '钢材', '“钢材”'],
  ] as const)('%s: refuses “%s” with a message', (f, raw, found) => {
    const { profile, errors } = value(f, raw);
    expect(profile).toEqual({});
    const e = errors.get(f.id)!;
    expect(e.found).toContain(found);
    expect(errorText(e)).toMatch(new RegExp(`^${f.label.replace(/[？?]$/, '')}：请(填写|选择).+（您填写的是 `));
  });
  it('never yields NaN or throws, whatever is typed', () => {
    const junk = ['NaN', 'Infinity', '1e999', '--1', '..', '，', '１，２３４．５', '\u3000', '0x10', '1_000', '¥3000', '𝟑𝟎𝟎𝟎', 'a'.repeat(500), '3000万元万元'];
    for (const f of all)
      for (const raw of junk) {
        const { profile } = value(f, raw);
        for (const v of Object.values(profile)) if (typeof v === 'number') expect(Number.isFinite(v), `${f.id} ${raw}`).toBe(true);
      }
  });
  it('ignores inherited keys of a stored answers object', () => {
    const answers = JSON.parse('{"__proto__": {"totalInvestmentWan": "9999"}}') as Record<string, string>;
    expect(rawAnswer(answers, 'totalInvestmentWan')).toBe('');
    expect(rawAnswer({}, 'constructor')).toBe('');
  });
});

describe('showing answers', () => {
  it('summarises each state for the check page, with what was typed when it was read differently', () => {
    expect(summariseAnswer(amount, {})).toMatchObject({ state: 'blank' });
    expect(summariseAnswer(amount, { totalInvestmentWan: 'unknown' })).toEqual({ state: 'unknown', text: '不确定' });
    expect(summariseAnswer(amount, { totalInvestmentWan: '３０００' })).toEqual({ state: 'ok', text: '3,000 万元', typed: '３０００' });
    expect(summariseAnswer(amount, { totalInvestmentWan: '3000' })).toEqual({ state: 'ok', text: '3,000 万元' });
    expect(summariseAnswer(amount, { totalInvestmentWan: '3,000' })).toEqual({ state: 'ok', text: '3,000 万元' });
    expect(summariseAnswer(pct, { sharePct: '15' })).toEqual({ state: 'ok', text: '15%' });
    expect(summariseAnswer(yes, { legalEntity: '是' })).toEqual({ state: 'ok', text: '是' });
    expect(summariseAnswer(date, { filingDate: '2023年9月5日' })).toEqual({ state: 'ok', text: '2023-09-05', typed: '2023年9月5日' });
    expect(summariseAnswer(amount, { totalInvestmentWan: 'x' }).state).toBe('error');
  });
  it('describes values with units', () => {
    expect(describeValue(amount, 12000.5)).toBe('12,000.5 万元');
    expect(describeValue(count, 4)).toBe('4 个');
    expect(describeValue(multi, ['钢铁', '化工'])).toBe('钢铁、化工');
    expect(describeValue(undefined, true)).toBe('是');
  });
  it('hints say how to type amounts, percentages and dates', () => {
    expect(hintFor(amount)).toContain('1.2亿元');
    expect(hintFor(pct)).toContain('15%');
    expect(hintFor(date)).toContain('2023-09-05');
  });
});
