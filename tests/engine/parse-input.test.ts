import { describe, expect, it } from 'vitest';
import { parseFieldValue, UNKNOWN } from '../../src/engine/index.ts';
import type { Field } from '../../src/schemas/index.ts';
import { fields } from './fixtures.ts';

const field = (id: string): Field => {
  const f = fields.find((x) => x.id === id);
  if (!f) throw new Error(id);
  return f;
};
const amount = field('totalInvestmentWan');
const pct = field('sharePct');
const count = field('linksCount');

function value(f: Field, input: unknown) {
  const r = parseFieldValue(f, input);
  if (!r.ok) throw new Error(`expected ok, got: ${r.error.message}`);
  return r.value;
}
function error(f: Field, input: unknown) {
  const r = parseFieldValue(f, input);
  if (r.ok) throw new Error(`expected an error, got ${JSON.stringify(r.value)}`);
  return r.error;
}

describe('numbers', () => {
  it.each([
    [3000, 3000],
    ['3000', 3000],
    ['３０００', 3000],
    ['3,000', 3000],
    ['３，０００', 3000],
    ['1,234,567.5', 1234567.5],
    ['3000万元', 3000],
    ['3000万', 3000],
    [' 3 000 万元 ', 3000],
    ['\u30003000\u3000', 3000],
    ['1.2亿元', 12000],
    ['1.2亿', 12000],
    ['０．０７亿元', 700],
    ['5000元', 0.5],
    ['3千万元', 3000],
    ['+12', 12],
    ['.5', 0.5],
    [0, 0],
    ['-0', 0],
  ])('reads %j as %j 万元', (input, expected) => {
    expect(value(amount, input)).toBe(expected);
  });

  it('reads percentages with or without the sign, full width too', () => {
    expect(value(pct, '15%')).toBe(15);
    expect(value(pct, '15 ％')).toBe(15);
    expect(value(pct, '15')).toBe(15);
    expect(value(pct, '100')).toBe(100);
  });

  it('accepts the field unit as a suffix for counts', () => {
    expect(value(count, '4个')).toBe(4);
  });

  it.each(['abc', '3000美元', '15%', '1e5', '3,00', '3.', 'NaN', 'Infinity', '1,2,3', '三千万', '--3', '3000万元万元', '9'.repeat(400)])(
    'refuses %j for an amount with a message naming the field, expectation and input',
    (input) => {
      const e = error(amount, input);
      expect(e.field).toBe('totalInvestmentWan');
      expect(e.message).toContain('项目总投资');
      expect(e.message).toContain('totalInvestmentWan');
      expect(e.message).toMatch(/应为 .*金额（万元）/);
      expect(e.found).toContain(input.slice(0, 10));
      expect(e.message).not.toContain('NaN）');
    },
  );

  it('refuses negative amounts, as text and as numbers', () => {
    expect(error(amount, '-3000').message).toContain('不小于 0');
    expect(error(amount, '-3000').found).toBe('“-3000”');
    expect(error(amount, -1).found).toBe('-1');
    expect(error(amount, '－５').found).toBe('“－５”');
  });

  it('refuses values out of the field range', () => {
    const e = error(pct, 150);
    expect(e.expected).toContain('0 到 100');
    expect(e.found).toBe('150');
    expect(value(pct, 0)).toBe(0);
  });

  it('refuses non-finite numbers and the wrong types', () => {
    expect(error(amount, Number.NaN).found).toBe('NaN');
    expect(error(amount, Number.POSITIVE_INFINITY).found).toBe('Infinity');
    expect(error(amount, true).found).toContain('true');
    expect(error(amount, { a: 1 }).found).toBe('对象');
    expect(error(amount, [3000]).found).toContain('列表');
  });

  it('refuses a unit that does not fit the field', () => {
    expect(error(pct, '15万元').message).toContain('百分数');
    expect(error(count, '4万元').message).toContain('个');
  });
});

describe('unknown and blank', () => {
  it.each([null, undefined, '', '   ', '\u3000', 'unknown', 'UNKNOWN', '不确定', ' 不确定 '])('reads %j as unknown for every type', (input) => {
    for (const f of fields) expect(value(f, input)).toBe(UNKNOWN);
  });
});

describe('yes/no', () => {
  const f = field('legalEntity');
  it('reads booleans and the usual words', () => {
    expect(value(f, true)).toBe(true);
    expect(value(f, false)).toBe(false);
    expect(value(f, '是')).toBe(true);
    expect(value(f, '否')).toBe(false);
    expect(value(f, 'Yes')).toBe(true);
    expect(value(f, 'false')).toBe(false);
  });
  it('refuses numbers and other words', () => {
    expect(error(f, 1).message).toContain('是 或 否');
    expect(error(f, '也许').found).toBe('“也许”');
  });
});

describe('choices', () => {
  it('single choice: an option, or a clear refusal listing the options', () => {
    expect(value(field('industry'), '钢铁')).toBe('钢铁');
    expect(value(field('industry'), ' 化工 ')).toBe('化工');
    const e = error(field('industry'), '医药');
    expect(e.expected).toContain('钢铁、化工、其他');
    expect(e.found).toBe('“医药”');
    expect(error(field('industry'), ['钢铁', '化工']).found).toContain('只能选一项');
  });
  it('multiple choice: arrays or a list in one string, deduplicated; empty is unknown', () => {
    expect(value(field('industries'), ['钢铁', '化工', '钢铁'])).toEqual(['钢铁', '化工']);
    expect(value(field('industries'), '钢铁、化工')).toEqual(['钢铁', '化工']);
    expect(value(field('industries'), '钢铁')).toEqual(['钢铁']);
    expect(value(field('industries'), [])).toBe(UNKNOWN);
    expect(error(field('industries'), ['钢铁', 3]).found).toBe('3');
    expect(error(field('industries'), ['钢铁', '医药']).found).toBe('“医药”');
  });
});

describe('dates', () => {
  const f = field('filingDate');
  it.each([
    ['2023-09-05', '2023-09-05'],
    ['2023/9/5', '2023-09-05'],
    ['2023.9.5', '2023-09-05'],
    ['2023年9月5日', '2023-09-05'],
    ['２０２３－０９－０５', '2023-09-05'],
    ['2024-02-29', '2024-02-29'],
    [' 2023-12-31 ', '2023-12-31'],
  ])('reads %j as %s', (input, expected) => {
    expect(value(f, input)).toBe(expected);
  });
  it('refuses impossible dates, naming what is wrong', () => {
    expect(error(f, '2023-02-30').found).toContain('2 月没有 30 日');
    expect(error(f, '2023-02-29').found).toContain('2 月没有 29 日');
    expect(error(f, '2023-13-01').found).toContain('没有 13 月');
    expect(error(f, '2023-04-31').message).toContain('备案日期');
    expect(error(f, '1800-01-01').found).toContain('年份');
  });
  it('refuses other text and numbers', () => {
    expect(error(f, 'yesterday').expected).toContain('YYYY-MM-DD');
    expect(error(f, 20230905).found).toBe('20230905');
    expect(error(f, '2023-9').found).toBe('“2023-9”');
  });
});

describe('derived fields', () => {
  it('are never asked: any answer is refused, unknown is accepted', () => {
    const f = field('revenueGrowthPct');
    expect(error(f, 12).expected).toContain('自动计算');
    expect(value(f, '不确定')).toBe(UNKNOWN);
  });
});

describe('robustness', () => {
  it('never throws and never yields NaN, whatever the input', () => {
    const weird: unknown[] = [Symbol('x'), () => 1, 10n, new Date(0), Number.MIN_VALUE, -0, 1e308, '1'.repeat(10000), '\u0000', '３'.repeat(50) + '亿', [[]], { length: 3 }, Object.create(null)];
    for (const f of fields)
      for (const input of weird) {
        const r = parseFieldValue(f, input);
        if (r.ok) expect(Number.isNaN(r.value)).toBe(false);
        else expect(r.error.message.length).toBeGreaterThan(5);
      }
  });
});
