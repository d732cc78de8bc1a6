/**
 * The date rules every layer shares: calendar arithmetic on ISO dates, the first and last day of a
 * printed date, and the one definition of a policy's application deadline. Pure and zod-free (type-only
 * imports), no clock: whoever needs “today” passes it in.
 *
 * Dates are ISO strings (YYYY-MM-DD), which compare correctly as plain strings. No `Date` object is
 * built from local time, so nothing depends on the machine's time zone.
 */
import type { KeyDate } from '../schemas/index.ts';

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** True for a string YYYY-MM-DD naming a day that exists (2023-02-30 does not). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO.exec(value);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** YYYY-MM-DD from numbers. */
export function isoOf(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The date `months` months before `iso`, clamped to the end of the month (2024-02-29 minus 12 months
 * is 2023-02-28), so “exactly N years before” always exists.
 */
export function minusMonths(iso: string, months: number): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  return isoOf(year, month, Math.min(d, daysInMonth(year, month)));
}

/** `iso` plus `n` days (n may be negative). UTC arithmetic on a date-only value: no time zone involved. */
export function addDays(iso: string, n: number): string {
  const t = new Date(Date.parse(iso + 'T00:00:00Z') + n * 86_400_000);
  return t.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both ISO dates); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const ms = Date.parse(to + 'T00:00:00Z') - Date.parse(from + 'T00:00:00Z');
  return Math.round(ms / 86_400_000);
}

/**
 * The first day an event touches, or undefined where the text gives none (the 2020 notice's weekly
 * duty has no start: nothing is invented).
 */
export function firstDay(d: KeyDate): string | undefined {
  switch (d.shape) {
    case 'day':
      return d.date;
    case 'window':
      return d.start;
    case 'recurring':
      return d.from;
    case 'years':
      return `${d.startYear}-01-01`;
  }
}

/** The last day of an event, if it has one (recurring duties without an end have none). */
export function lastDay(d: KeyDate): string | undefined {
  switch (d.shape) {
    case 'day':
      return d.date;
    case 'window':
      return d.end;
    case 'recurring':
      return d.until;
    case 'years':
      return `${d.endYear}-12-31`;
  }
}

/** What {@link applicationDeadline} reads: a policy's dates and its directions' dates. */
export interface DatedPolicy {
  dates?: readonly KeyDate[];
  directions: readonly { dates?: readonly KeyDate[] }[];
}

/**
 * A policy's application deadline: the latest `deadline` date of the policy itself, else the latest
 * among its directions' deadlines. Null when the text sets none (guidance documents, Jiangsu's guide).
 */
export function applicationDeadline(policy: DatedPolicy): string | null {
  const latest = (dates: readonly KeyDate[] | undefined) => {
    let best: string | null = null;
    for (const d of dates ?? []) {
      if (d.kind !== 'deadline') continue;
      const day = lastDay(d);
      if (day !== undefined && (best === null || day > best)) best = day;
    }
    return best;
  };
  const own = latest(policy.dates);
  if (own !== null) return own;
  let best: string | null = null;
  for (const dir of policy.directions) {
    const day = latest(dir.dates);
    if (day !== null && (best === null || day > best)) best = day;
  }
  return best;
}
