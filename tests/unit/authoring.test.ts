import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { amountWan, clauseAround, extractDraft, matchField, readDate, type FieldInfo } from '../../src/authoring/extract.ts';
import { boundItems, printedItems } from '../../src/authoring/patterns.ts';
import { locatorAt, locatorOfSpan, sectionTree } from '../../src/lib/sections.ts';
import { stripSpace } from '../../src/data/text.ts';

/**
 * The authoring assistant's patterns, each on an excerpt of one of the five original texts (copied
 * verbatim, or read from source.txt, which the data check keeps unchanged by its sha256).
 */
const source = (id: string) => readFileSync(`policies/${id}/source.txt`, 'utf8');
const lines = (id: string, from: number, to: number) => source(id).split('\n').slice(from - 1, to).join('\n');
const kinds = (text: string, kind: string) => printedItems(text).filter((x) => x.kind === kind).map((x) => x.text);

describe('placement', () => {
  it('the authoring modules are build-time only: no page, component or browser module imports them', () => {
    const files = execSync('git ls-files src/pages src/components src/layouts src/lib src/model src/engine', { encoding: 'utf8' }).split('\n').filter(Boolean);
    const importers = files.filter((f) => /from ['"][^'"]*authoring\//.test(readFileSync(f, 'utf8')));
    expect(files.length).toBeGreaterThan(20);
    expect(importers).toEqual([]);
  });
});

describe('printed figures', () => {
  it('phones: area code and number, and a second number printed after it (Jiangsu 附件6)', () => {
    const row = '\t(二) 专精特新中小企业能力提升\t\t中小企业局\t025-69652749\t中小企业处\t0515-88190570 88190566';
    expect(kinds(row, 'phone')).toEqual(['025-69652749', '0515-88190570', '88190566']);
  });

  it('phones: a mobile number, never a longer digit run', () => {
    // None of the five texts prints a mobile number; the pattern is checked on a made-up line.
    expect(kinds('联系人：张三 13912345678；编号 139123456789', 'phone')).toEqual(['13912345678']);
  });

  it('emails (Shanxi 2020)', () => {
    expect(kinds('邮 箱：tzyghc@mail.gxt.shanxi.gov.cn', 'email')).toEqual(['tzyghc@mail.gxt.shanxi.gov.cn']);
  });

  it('dates keep （含）, 前 and 后, with spaces inside (Jiangsu, Shanxi 2023)', () => {
    expect(kinds('③项目实施周期不超过3年，须在2021年1月1日（含）至2022年6月30日（含）期间完工', 'date')).toEqual(['2021年1月1日（含）', '2022年6月30日（含）']);
    expect(kinds('须在 2024 年 6 月 30 日前创建', 'date')).toEqual(['2024 年 6 月 30 日前']);
    expect(kinds('项目应为2021年1月1日后完工项目', 'date')).toEqual(['2021年1月1日后']);
    expect(readDate('2021年1月1日（含）')).toEqual({ iso: '2021-01-01', yearPrinted: true, inclusive: true, side: undefined });
    expect(readDate('2024 年 6 月 30 日前')).toMatchObject({ iso: '2024-06-30', inclusive: false, side: '前' });
  });

  it('dates: a month, a month end, and a day printed without its year', () => {
    expect(kinds(lines('shanxi-2023-tech-retrofit', 240, 240), 'date')).toEqual(['2023年12月底']);
    expect(readDate('2023年12月底')).toMatchObject({ iso: '2023-12' });
    // The five texts always print the year; “2月14日前” is the form the schema's yearFromIssueDate is for.
    expect(kinds('请于2月14日前报送', 'date')).toEqual(['2月14日前']);
    expect(readDate('2月14日前', 2026)).toEqual({ iso: '2026-02-14', yearPrinted: false, inclusive: false, side: '前' });
  });

  it('a phone number is never read as a date, nor a date as an amount', () => {
    const items = printedItems('电话：0351-3046026，2023年9月5日');
    expect(items.map((x) => [x.kind, x.text])).toEqual([
      ['phone', '0351-3046026'],
      ['date', '2023年9月5日'],
    ]);
  });

  it('document numbers (Shanxi 2023, Jiangsu)', () => {
    expect(kinds('根据《山西省人民政府关于促进企业技术改造的实施意见》（晋政发〔2023〕13号）', 'docNumber')).toEqual(['晋政发〔2023〕13号']);
    expect(kinds('《江苏省工业和信息产业转型升级专项资金项目库管理办法(试行)》(苏工信规〔2022〕3号)', 'docNumber')).toEqual(['苏工信规〔2022〕3号']);
  });

  it('amounts with their units, read in 万元 (Jiangsu)', () => {
    const clause = lines('jiangsu-2023-fund-guide', 17, 17);
    expect(kinds(clause, 'amount').slice(0, 2)).toEqual(['1亿元', '5000万元']);
    expect(amountWan('1亿元')).toBe(10000);
    expect(amountWan('3000 万元')).toBe(3000);
    expect(amountWan('500元')).toBe(0.05);
    // A bare 万 where 元 is plainly meant, and both ends of a range.
    expect(kinds(lines('jiangsu-2023-fund-guide', 127, 127), 'amount')).toEqual(['400万元', '100万元', '2000万']);
    expect(kinds('1. 组织300万元（含）-1000万元项目的验收工作。', 'amount')).toEqual(['300万元', '1000万元']);
  });

  it('percentages, half- and full-width (Jiangsu, Shanxi 2017)', () => {
    expect(kinds('按不超过项目总投资的10%予以补助', 'percentage')).toEqual(['10%']);
    expect(kinds('重点产业中60％的优势企业技术装备总体水平达到国内领先水平', 'percentage')).toEqual(['60％']);
  });

  it('quotas: 不超过N个 (Jiangsu)', () => {
    const [q] = boundItems('（4）支持数量。不超过15个。');
    expect(q).toMatchObject({ kind: 'quota', value: 15, unit: '个', bound: '不超过' });
  });

  it('thresholds: 不低于…, …以上, with spaces and units (Jiangsu, Shanxi 2026)', () => {
    expect(boundItems('重大技术改造项目总投入不低于1亿元')[0]).toMatchObject({ kind: 'threshold', value: 1, unit: '亿元', bound: '不低于' });
    expect(boundItems('时长 3.5 天（含）以上')).toEqual([]);
    expect(boundItems('每个班次学员不少于 50 人')[0]).toMatchObject({ value: 50, unit: '人' });
    expect(boundItems('年消纳量 1 万吨及以上')[0]).toMatchObject({ value: 1, unit: '万吨', bound: '及以上' });
  });
});

describe('clauses', () => {
  it('a fact is quoted by its clause, verbatim, from the last full stop to the next', () => {
    const text = lines('jiangsu-2023-fund-guide', 51, 51);
    const at = text.indexOf('15');
    const { quote } = clauseAround(text, at, at + 3);
    expect(quote).toBe('不超过15个。');
    expect(text).toContain(quote);
  });
});

describe('section locators', () => {
  const js = source('jiangsu-2023-fund-guide');
  const tree = sectionTree(js);
  const at = (needle: string) => locatorAt(tree, js, js.indexOf(needle));

  it('reads 附件N > 一、 > （一） > 1. > （1） > ① (Jiangsu 附件1)', () => {
    expect(at('（一）高端化改造升级项目')).toBe('附件1 / 一 / （一）');
    expect(at('（2）重大技术改造项目总投入不低于1亿元')).toBe('附件1 / 一 / （一） / 1 / （2）');
    expect(at('①项目的申报主体须为省级（含）以上智能制造示范工厂')).toBe('附件1 / 一 / （二） / 1 / （1） / ①');
  });

  it('an item that starts inside a line after a full stop gets its own locator', () => {
    const line = js.split('\n').find((l) => l.includes('（3）申报主体。符合上述条件的规模以上工业企业。（4）支持数量'));
    if (line) expect(at(line.slice(line.indexOf('（4）')))).toMatch(/ \/ （4）$/);
    else expect(at('（4）支持数量。不超过15个。')).toBe('附件1 / 一 / （二） / 1 / （4）');
  });

  it('rebuilds table rows: numbered cells and merged cells (Jiangsu 附件6), 序号 rows (Shanxi 2026 附件5)', () => {
    expect(at('\t(二) 标杆示范\t1. 智能制造示范工厂')).toBe('附件6 / 一 / （二） / 1');
    expect(at('\t\t2. 工业互联网标杆工厂')).toBe('附件6 / 一 / （二） / 2');
    const sx = source('shanxi-2026-item-type');
    const sxTree = sectionTree(sx);
    expect(locatorAt(sxTree, sx, sx.indexOf('17\t企业增量提质专项\t试点示范奖励'))).toBe('附件5 / 17');
    // A continuation row (no 序号) belongs to the row above.
    expect(locatorAt(sxTree, sx, sx.indexOf('\t\t\t创新处\t张莉娜'))).toBe('附件5 / 17');
    expect(locatorAt(sxTree, sx, sx.indexOf('1\t特钢材料产业链'))).toBe('附件5 / 省级重点产业链各专班处室联系人 / 1');
  });

  it('names the front matter and the signature (Shanxi 2020): 版头, 标题, 主送, 落款', () => {
    const s = source('shanxi-2020-double-hundred');
    const t = sectionTree(s);
    const loc = (needle: string) => locatorAt(t, s, s.indexOf(needle));
    expect(loc('晋工信投资字〔2020〕29号')).toBe('版头');
    expect(loc('山西综改示范区管委会、各市工信局：')).toBe('主送');
    expect(loc('一、抓项目促转型')).toBe('一');
    expect(loc('2020年2月6日\n')).toBe('落款');
    // Shanxi 2017 has no banner; its 主送 line ends in a private-use character the conversion left.
    const s17 = source('shanxi-2017-opinion');
    expect(locatorAt(sectionTree(s17), s17, 0)).toBe('主送');
  });

  it('a letter-spaced title inside an attachment is a section of its own (Shanxi 2023 承诺书)', () => {
    const s = source('shanxi-2023-tech-retrofit');
    const t = sectionTree(s);
    expect(locatorAt(t, s, s.indexOf('承    诺    书'))).toBe('附件1 / 承诺书');
  });

  it('a quote opening with the tail of the line above is placed where its body is', () => {
    const quote = '工厂。\n\n②项目备案（核准）';
    const start = js.indexOf(quote);
    expect(locatorOfSpan(tree, js, start, start + quote.length)).toBe('附件1 / 一 / （二） / 1 / （1） / ②');
  });
});

describe('the draft', () => {
  const fields: FieldInfo[] = [
    { id: 'totalInvestmentWan', type: 'number', unit: '万元', label: '项目总投资' },
    { id: 'fixedAssetInvestmentWan', type: 'number', unit: '万元', label: '项目固定资产投资（含税，不含土地费用）' },
    { id: 'completionDate', type: 'date', label: '完工时间（在建项目可不填）' },
  ];

  it('matches a threshold to the profile field its clause names', () => {
    expect(matchField('2.项目总投资', fields, ['number'])).toBe('totalInvestmentWan');
    expect(matchField('申报主体注册资金', fields, ['number'])).toBeUndefined();
  });

  it('reads contacts from a contact table row (Shanxi 2026) and from 联系人：lines (Shanxi 2020)', () => {
    const sx = extractDraft(source('shanxi-2026-item-type'));
    expect(sx.contacts.find((c) => c.name === '孟庆春')).toMatchObject({ department: '投资处', phones: ['0351-3046297'], at: '附件5 / 1' });
    // One-cell-per-line rows (Shanxi 2023 附件3) and office-only rows with two phone columns (Jiangsu 附件6).
    const s23 = extractDraft(source('shanxi-2023-tech-retrofit'));
    expect(s23.contacts.find((c) => c.name === '孟庆春')).toMatchObject({ department: '投资处', phones: ['0351-3046026'], at: '附件3 / 1' });
    const js = extractDraft(source('jiangsu-2023-fund-guide'));
    expect(js.contacts.filter((c) => c.at === '附件6 / 三 / （二）').map((c) => [c.name, c.phones])).toEqual([
      ['中小企业局', ['025-69652749']],
      ['中小企业处', ['0515-88190570', '88190566']],
    ]);
    const s20 = extractDraft(source('shanxi-2020-double-hundred'));
    expect(s20.contacts).toEqual([expect.objectContaining({ name: '周晋芳', phones: ['0351-3046242'], email: 'tzyghc@mail.gxt.shanxi.gov.cn' })]);
  });

  it('proposes headings that read like directions, with the facts of their section (Jiangsu)', () => {
    const d = extractDraft(source('jiangsu-2023-fund-guide'), fields);
    const first = d.directions[0]!;
    expect(first).toMatchObject({ name: '高端化改造升级项目', at: '附件1 / 一 / （一）', programme: { name: '智能化改造数字化转型', at: '附件1 / 一' } });
    expect(first.facts.some((f) => f.kind === 'threshold' && f.value === 10000 && f.unit === '万元')).toBe(true);
    // （二）标杆示范项目 groups four directions: each item is proposed, with its own quota.
    const smart = d.directions.find((x) => x.name === '智能制造示范工厂项目');
    expect(smart).toMatchObject({ at: '附件1 / 一 / （二） / 1' });
    expect(smart!.facts.filter((f) => f.kind === 'quota').map((f) => f.value)).toEqual([15]);
    expect(d.directions.some((x) => x.name === '标杆示范项目')).toBe(false);
  });

  it('reads the front matter: issuer, document number, title, addressees, issue date (Shanxi 2026)', () => {
    const { front } = extractDraft(source('shanxi-2026-item-type'));
    expect(front.docNumber?.text).toBe('晋工信投资字〔2026〕12号');
    expect(front.issuer?.text).toBe('山西省工业和信息化厅');
    expect(front.addressees?.quote).toBe('各市工信局，山西转型综改示范区管委会：');
    expect(front.deadline?.date?.iso).toBe('2026-03-04');
  });

  it('every quote it proposes is verbatim in the source, in all five texts', () => {
    for (const id of ['jiangsu-2023-fund-guide', 'shanxi-2017-opinion', 'shanxi-2020-double-hundred', 'shanxi-2023-tech-retrofit', 'shanxi-2026-item-type']) {
      const s = source(id);
      const compact = stripSpace(s);
      const d = extractDraft(s);
      const quotes = [...d.facts.map((f) => f.quote), ...d.contacts.map((c) => c.quote), ...d.directions.map((x) => x.quote)];
      expect(quotes.filter((q) => !compact.includes(stripSpace(q))), id).toEqual([]);
    }
  });

  it('rebuilds tables row by row, a cell split over lines joined (Shanxi 2023 附件3)', () => {
    const d = extractDraft(source('shanxi-2023-tech-retrofit'));
    const row = d.tables.flatMap((t) => t.rows).find((r) => r.cells.includes('李  武'));
    expect(row).toMatchObject({ at: '附件3 / 13' });
    // The empty cell is the merged 专项 column of the printed table.
    expect(row!.cells).toEqual(['13', '', '智能化升级\n（食品、轻工、纺织、现代医药）', '消费品处', '李  武', '0351-3030023']);
  });

  it('is deterministic: the same text gives the same draft', () => {
    const s = source('shanxi-2023-tech-retrofit');
    expect(JSON.stringify(extractDraft(s).facts)).toBe(JSON.stringify(extractDraft(s).facts));
  });
});
