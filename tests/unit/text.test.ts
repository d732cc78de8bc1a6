import { describe, expect, it } from 'vitest';
import { displayName, locateQuote, numbersInQuote, quoteFound, stripSpace, unitsAfterNumber } from '../../src/data/text.ts';
import { Unit } from '../../src/schemas/units.ts';
import { daysBetween, deadlineStatus, formatChineseDate, todayInShanghai } from '../../src/lib/dates.ts';
import { formatWan } from '../../src/lib/format.ts';

describe('quote matching ignores whitespace and nothing else', () => {
  const source = '序号\n\t申报专项\n\t郭  毅\n\t0351-3030056\n项目总投资3000万元以上（数字化智能化改造专项除外）。';
  it('finds a quote across line breaks, tabs and padding', () => {
    expect(quoteFound('郭毅 0351-3030056', source)).toBe(true);
    expect(quoteFound('申报专项郭  毅', source)).toBe(true);
  });
  it('does not ignore punctuation, brackets or digits', () => {
    expect(quoteFound('项目总投资3000万元以上(数字化', source)).toBe(false);
    expect(quoteFound('项目总投资3000万元以上。', source)).toBe(false);
    expect(quoteFound('0351-3030057', source)).toBe(false);
  });
  it('maps the match back to its offset in the original', () => {
    expect(locateQuote('郭毅', source)).toBe(source.indexOf('郭'));
    expect(locateQuote('不存在', source)).toBe(-1);
    expect(locateQuote('   ', source)).toBe(-1);
  });
  it('strips ideographic and no-break spaces too', () => {
    expect(stripSpace('李\u3000武\u00a0 ')).toBe('李武');
    expect(displayName('胡  崚')).toBe('胡崚');
  });
});

describe('numbers a quote states', () => {
  it('reads amounts in 亿 as 万 and plain 元 as 万元', () => {
    const n = numbersInQuote('重大技术改造项目总投入不低于1亿元，单笔不低于500000元，最高不超过4000万元');
    expect(n.has(1)).toBe(true);
    expect(n.has(10000)).toBe(true);
    expect(n.has(50)).toBe(true);
    expect(n.has(4000)).toBe(true);
    expect(n.has(400)).toBe(false);
  });
  it('reads full-width digits, separators, decimals and percents', () => {
    const n = numbersInQuote('营收增量３亿元以上，增速15%以上，合计1,200万元，1.5倍');
    expect([3, 30000, 15, 1200, 1.5].every((x) => n.has(x))).toBe(true);
  });
  it('reads spelled-out numbers only before a counter', () => {
    expect(numbersInQuote('不超过五年').has(5)).toBe(true);
    expect(numbersInQuote('一是认定奖励').has(1)).toBe(false);
  });
});

describe('the unit printed after a number', () => {
  it('takes the longest known unit, so 人次 is not read as 人 and 场 not as 次', () => {
    expect(unitsAfterNumber('近三年年均培訓不低於 1200 人次（不含線上培訓）。', 1200, Unit.options)).toEqual(['人次']);
    expect(unitsAfterNumber('开展标识应用推广场次不少于5场', 5, Unit.options)).toEqual(['场']);
    expect(unitsAfterNumber('服务企业数量不少于 100 家。', 100, Unit.options)).toEqual(['家']);
  });
  it('skips occurrences followed by no known unit, and other numbers', () => {
    expect(unitsAfterNumber('软件（模块）10款以上', 10, Unit.options)).toEqual([]);
    expect(unitsAfterNumber('不少于 20 个，不少于 10 场', 20, Unit.options)).toEqual(['个']);
  });
});

describe('dates in Asia/Shanghai', () => {
  it('takes today from Shanghai, not from UTC', () => {
    // 16:30 UTC on 3 March is 00:30 on 4 March in Shanghai.
    expect(todayInShanghai(new Date('2026-03-03T16:30:00Z'))).toBe('2026-03-04');
    expect(todayInShanghai(new Date('2026-03-03T15:59:00Z'))).toBe('2026-03-03');
  });
  it('counts days and phrases a deadline’s status', () => {
    expect(daysBetween('2026-03-01', '2026-03-04')).toBe(3);
    expect(deadlineStatus('2026-03-04', '2026-03-01')).toEqual({ state: 'open', text: '距截止还有 3 天' });
    expect(deadlineStatus('2026-03-04', '2026-03-04').state).toBe('today');
    expect(deadlineStatus('2026-03-04', '2026-03-05')).toEqual({ state: 'closed', text: '已截止 2026-03-04' });
    expect(formatChineseDate('2023-11-10')).toBe('2023年11月10日');
  });
  it('displays amounts the way Chinese documents do', () => {
    expect(formatWan(3000)).toBe('3000万元');
    expect(formatWan(10000)).toBe('1亿元');
    expect(formatWan(15000)).toBe('1.5亿元');
    expect(formatWan(12345)).toBe('12345万元');
  });
});

describe('line numbers of offsets', () => {
  it('agrees with counting newlines, at line starts, ends and beyond the text', async () => {
    const { lineOfOffset } = await import('../../src/lib/source-blocks.ts');
    const text = 'ab\ncd\n\nefg\n';
    const naive = (o: number) => text.slice(0, o).split('\n').length;
    for (let o = 0; o <= text.length + 2; o++) expect(lineOfOffset(text, o), `offset ${o}`).toBe(naive(o));
  });
});
