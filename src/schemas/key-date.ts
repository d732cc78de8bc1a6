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
  id: Id,
  kind: DateKind,
  /** What the date is, e.g. “申报截止” or “完工时间窗口”. */
  label: z.string().trim().min(2),
  /** Directions this date belongs to; empty means the whole policy. */
  directions: z.array(Id).default([]),
  ...CitationFields,
  /**
   * Set when the printed date omits the year (“2月14日前”) and the year is read from the document's
   * own issue date. The page says so.
   */
  yearFromIssueDate: z.boolean().default(false),
});

/** A single day. */
export const DayDate = KeyDateBase.extend({
  shape: z.literal('day'),
  date: IsoDate,
}).strict();

/** A span, inclusive at each end where the text says （含）. */
export const WindowDate = KeyDateBase.extend({
  shape: z.literal('window'),
  start: IsoDate,
  startInclusive: z.boolean().default(true),
  end: IsoDate,
  endInclusive: z.boolean().default(true),
}).strict();

/** A recurring duty (每周五15:00前). Bounded only where the text bounds it. */
export const RecurringDate = KeyDateBase.extend({
  shape: z.literal('recurring'),
  /** iCalendar-style frequency and weekday. */
  freq: z.enum(RECURRENCE_FREQS),
  byDay: z.enum(WEEKDAYS).optional(),
  /** Local time of day in Asia/Shanghai, HH:MM. */
  time: z.string().regex(/^\d{2}:\d{2}$/).optional(),
  /** First occurrence, only where the text gives one (the 2020 notice's weekly and monthly duties give none). */
  from: IsoDate.optional(),
  /** Last day, only if the text gives one. */
  until: IsoDate.optional(),
}).strict();

/**
 * Whole calendar years (“2024年度”, “2022年度、2023年度、2024年度”) — statistics periods whose text prints
 * years only. Never narrowed to days the text does not give.
 */
export const YearsDate = KeyDateBase.extend({
  shape: z.literal('years'),
  startYear: z.number().int().min(1990).max(2100),
  endYear: z.number().int().min(1990).max(2100),
}).strict();

export const KeyDate = z.discriminatedUnion('shape', [DayDate, WindowDate, RecurringDate, YearsDate]);
export type KeyDate = z.output<typeof KeyDate>;

// The union's shapes are exactly the model's tuple (type-checked both ways).
type SameShapes<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const dateShapesMatch: SameShapes<KeyDate['shape'], DateShape> = true;
void dateShapesMatch;
