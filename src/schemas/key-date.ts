import { z } from 'zod';
import { DATE_KINDS, RECURRENCE_FREQS, WEEKDAYS, type DateShape } from '../model/enums.ts';
import { CitationFields, Id, IsoDate } from './citation.ts';

/**
 * A date the text prints and what it is. Kinds:
 * issued 发文/印发, deadline 截止, window 时间窗口（完工、投入、统计…）, complete-by 须在…前完成,
 * statistics-period 统计期, reporting 周期性报送.
 */
export const DateKind = z.enum(DATE_KINDS);
export type DateKind = z.output<typeof DateKind>;
export const DATE_KIND_LABEL: Record<DateKind, string> = {
  issued: '发文/印发',
  deadline: '截止',
  window: '时间窗口',
  'complete-by': '完成期限',
  'statistics-period': '统计期',
  reporting: '定期报送',
};

const KeyDateBase = z.object({
  id: Id.describe('日期 id，在同一政策内唯一'),
  kind: DateKind.describe('日期类型：issued 发文/印发，deadline 截止，window 时间窗口，complete-by 完成期限，statistics-period 统计期，reporting 定期报送'),
  /** What the date is, e.g. “申报截止” or “完工时间窗口”. */
  label: z.string().trim().min(2).describe('该日期是什么，如 “申报截止”'),
  /** Directions this date belongs to; empty means the whole policy. */
  directions: z.array(Id).default([]).describe('所属方向 id；为空表示整个政策'),
  ...CitationFields,
  /**
   * Set when the printed date omits the year (“2月14日前”) and the year is read from the document's
   * own issue date. The page says so.
   */
  yearFromIssueDate: z.boolean().default(false).describe('原文日期未写年份（如 “2月14日前”），年份取自发文日期时为 true'),
});

/** A single day. */
export const DayDate = KeyDateBase.extend({
  shape: z.literal('day').describe('日期形态：day 单日，window 时间段，recurring 周期事项，years 整年度'),
  date: IsoDate.describe('当天（ISO 日期，Asia/Shanghai）'),
}).strict();

/** A span, inclusive at each end where the text says （含）. */
export const WindowDate = KeyDateBase.extend({
  shape: z.literal('window').describe('日期形态：day 单日，window 时间段，recurring 周期事项，years 整年度'),
  start: IsoDate.describe('起始日（ISO 日期）'),
  startInclusive: z.boolean().default(true).describe('起始日是否包含在内'),
  end: IsoDate.describe('结束日（ISO 日期）'),
  endInclusive: z.boolean().default(true).describe('结束日是否包含在内（原文“（含）”）'),
}).strict();

/** A recurring duty (每周五15:00前). Bounded only where the text bounds it. */
export const RecurringDate = KeyDateBase.extend({
  shape: z.literal('recurring').describe('日期形态：day 单日，window 时间段，recurring 周期事项，years 整年度'),
  /** iCalendar-style frequency and weekday. */
  freq: z.enum(RECURRENCE_FREQS).describe('周期：weekly 每周，monthly 每月'),
  byDay: z.enum(WEEKDAYS).optional().describe('星期几（iCalendar 写法，FR 为周五）'),
  /** Local time of day in Asia/Shanghai, HH:MM. */
  time: z.string().regex(/^\d{2}:\d{2}$/).optional().describe('当天时刻 HH:MM（Asia/Shanghai）'),
  /** First occurrence: the issue date unless the text says otherwise. */
  /** First occurrence, only where the text gives one (the 2020 notice's weekly and monthly duties give none). */
  from: IsoDate.optional().describe('首次发生日，仅当原文载明时（2020 年通知的周报、按月调度未载明起始日）'),
  /** Last day, only if the text gives one. */
  until: IsoDate.optional().describe('最后一天，仅当原文给出'),
}).strict();

/**
 * Whole calendar years (“2024年度”, “2022年度、2023年度、2024年度”) — statistics periods whose text prints
 * years only. Never narrowed to days the text does not give.
 */
export const YearsDate = KeyDateBase.extend({
  shape: z.literal('years').describe('日期形态：day 单日，window 时间段，recurring 周期事项，years 整年度'),
  startYear: z.number().int().min(1990).max(2100).meta({ description: '起始年度', unit: '年' }),
  endYear: z.number().int().min(1990).max(2100).meta({ description: '结束年度（含）', unit: '年' }),
}).strict();

export const KeyDate = z.discriminatedUnion('shape', [DayDate, WindowDate, RecurringDate, YearsDate]);
export type KeyDate = z.output<typeof KeyDate>;

// The union's shapes are exactly the model's tuple (type-checked both ways).
type SameShapes<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const dateShapesMatch: SameShapes<KeyDate['shape'], DateShape> = true;
void dateShapesMatch;
