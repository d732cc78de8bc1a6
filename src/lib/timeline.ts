/**
 * Every key date of every policy (the policy's own `dates` and each direction's), as events the
 * timeline page, the chart and the calendar export share. Pure: no I/O, no clock except where passed.
 */
import { DATE_KIND_LABEL, type DateKind, type KeyDate } from '../schemas/index.ts';
import type { Corpus, Policy } from './corpus.ts';
import { directionUrl } from '../model/routes.ts';
import type { DirectionLink } from './contacts.ts';
import { addDays, firstDay } from '../model/dates.ts';
import { formatChineseDate } from './dates.ts';

export const WEEKDAY_LABEL: Record<string, string> = { MO: '一', TU: '二', WE: '三', TH: '四', FR: '五', SA: '六', SU: '日' };
const WEEKDAY_INDEX: Record<string, number> = { SU: 0, MO: 1, TU: 2, WE: 3, TH: 4, FR: 5, SA: 6 };

/** What the page says about a duty the text never ends. */
export const NO_END_TEXT = '原文未载明截止';
/** What the page says about a duty the text gives no start either. */
export const NO_START_TEXT = '原文未载明起止日期';

/** The document's issue date: where a duty without a printed start is placed (and said to be). */
function issueDay(policy: Policy): string {
  const issued = policy.dates.find((d) => d.kind === 'issued');
  return (issued && firstDay(issued)) ?? '';
}

export interface TimelineEvent {
  /** `<policy>--<date id>`: unique in the corpus (date ids are unique within a policy). */
  uid: string;
  policy: Policy;
  date: KeyDate;
  kind: DateKind;
  kindLabel: string;
  label: string;
  /** Directions the date belongs to (empty: the whole policy). */
  directions: DirectionLink[];
  /** First day the event covers, ISO (a window's start moved a day on where it is exclusive). */
  first: string;
  /** Last day it covers; undefined for a duty the text never ends. */
  last: string | undefined;
  openEnded: boolean;
  /** A duty whose text gives no start: `first` is the issue date, where it is drawn, not a printed date. */
  startNotStated: boolean;
  /** How the text's date reads in Chinese, with （含）/（不含） and the recurrence. */
  dateText: string;
  /** The day whose status (N 天 / 已截止) is shown: deadlines and complete-by dates only. */
  statusDate: string | undefined;
  /** Wording of a recurrence (“每周五15:00前”), for recurring duties. */
  recurrence: string | undefined;
}

/** ISO date plus `n` days, in UTC so no timezone can shift it. */
export { addDays };

/** The first day on or after `iso` that falls on `byDay` (weekly duties start on their weekday). */
export function firstOnWeekday(iso: string, byDay: string | undefined): string {
  if (!byDay) return iso;
  const want = WEEKDAY_INDEX[byDay] ?? 0;
  const have = new Date(iso + 'T00:00:00Z').getUTCDay();
  return addDays(iso, (want - have + 7) % 7);
}

/** “每周五15:00前” / “每月”: the recurrence as the text words it. */
export function recurrenceText(d: Extract<KeyDate, { shape: 'recurring' }>): string {
  const when = d.freq === 'weekly' ? `每周${d.byDay ? WEEKDAY_LABEL[d.byDay] : ''}` : '每月';
  return `${when}${d.time ? `${d.time}前` : ''}`;
}

/**
 * The first and last day an event covers, honouring exclusive window ends. A duty whose text gives no
 * start (the 2020 notice's 周报) is placed at `anchor`, the document's issue date, and says so.
 */
export function eventSpan(d: KeyDate, anchor = ''): { first: string; last: string | undefined } {
  if (d.shape === 'day') return { first: d.date, last: d.date };
  if (d.shape === 'window') return { first: d.startInclusive ? d.start : addDays(d.start, 1), last: d.endInclusive ? d.end : addDays(d.end, -1) };
  // Whole years (2024年度): the text prints years only, so the span is the calendar years, no narrower.
  if (d.shape === 'years') return { first: `${d.startYear}-01-01`, last: `${d.endYear}-12-31` };
  if (!d.from) return { first: anchor, last: d.until };
  const first = d.freq === 'weekly' ? firstOnWeekday(d.from, d.byDay) : d.from;
  return { first, last: d.until };
}

export function dateText(d: KeyDate): string {
  if (d.shape === 'day') return formatChineseDate(d.date);
  if (d.shape === 'window') {
    const inc = (b: boolean) => (b ? '（含）' : '（不含）');
    return `${formatChineseDate(d.start)}${inc(d.startInclusive)}至${formatChineseDate(d.end)}${inc(d.endInclusive)}`;
  }
  if (d.shape === 'years') return d.startYear === d.endYear ? `${d.startYear}年度` : `${d.startYear}—${d.endYear}年度`;
  if (!d.from) return `${recurrenceText(d)}（${NO_START_TEXT}）`;
  const first = eventSpan(d).first;
  const end = d.until ? `，至${formatChineseDate(d.until)}` : `；${NO_END_TEXT}`;
  return `${recurrenceText(d)}（自${formatChineseDate(first)}起${end}）`;
}

const HAS_STATUS: ReadonlySet<DateKind> = new Set(['deadline', 'complete-by']);

function toEvent(policy: Policy, date: KeyDate, owner: string | undefined): TimelineEvent {
  const ids = [...new Set([...(owner ? [owner] : []), ...date.directions])];
  const { first, last } = eventSpan(date, issueDay(policy));
  return {
    uid: `${policy.id}--${date.id}`,
    policy,
    date,
    kind: date.kind,
    kindLabel: DATE_KIND_LABEL[date.kind],
    label: date.label,
    directions: ids.map((id) => ({ id, name: policy.directions.find((x) => x.id === id)?.name ?? id, href: directionUrl(policy.id, id) })),
    first,
    last,
    openEnded: date.shape === 'recurring' && !date.until,
    startNotStated: date.shape === 'recurring' && !date.from,
    dateText: dateText(date),
    statusDate: HAS_STATUS.has(date.kind) ? last : undefined,
    recurrence: date.shape === 'recurring' ? recurrenceText(date) : undefined,
  };
}

/** One policy's events, in date order (then the text's order). */
export function policyEvents(policy: Policy): TimelineEvent[] {
  const events = [...policy.dates.map((d) => toEvent(policy, d, undefined)), ...policy.directions.flatMap((dir) => dir.dates.map((d) => toEvent(policy, d, dir.id)))];
  return events.map((e, i) => ({ e, i })).sort((a, b) => a.e.first.localeCompare(b.e.first) || a.i - b.i).map((x) => x.e);
}

/** Every event of the corpus, grouped by policy in corpus order. */
export function corpusEvents(corpus: Corpus): TimelineEvent[] {
  return corpus.policies.flatMap(policyEvents);
}

/** Kinds present in a list, in the schema's order (for filters and legends). */
export function kindsIn(events: readonly TimelineEvent[]): DateKind[] {
  const present = new Set(events.map((e) => e.kind));
  return (Object.keys(DATE_KIND_LABEL) as DateKind[]).filter((k) => present.has(k));
}
