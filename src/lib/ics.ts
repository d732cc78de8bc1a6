/**
 * iCalendar (RFC 5545) export of the timeline: CRLF line ends, lines folded at 75 octets, one VEVENT
 * per key date with a stable UID. Days and windows are all-day events (VALUE=DATE, DTEND the day after
 * the last day). A timed duty uses TZID=Asia/Shanghai with its VTIMEZONE.
 *
 * A recurring duty is exported as recurring only within the bounds the text gives. Where the text gives
 * no end, an RRULE without UNTIL would itself claim “forever”, so only the first occurrence is exported
 * and the description says the text prints no end. Nothing is invented.
 */
import { policyUrl } from '../model/routes.ts';
import { addDays, type TimelineEvent } from './timeline.ts';

const CRLF = '\r\n';
export const PRODID = '-//专项资金政策通//时间线//ZH';

/** TEXT escaping (RFC 5545 §3.3.11; vCard 3.0 uses the same rules). */
export function escapeText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/**
 * Folds one content line at 75 octets (UTF-8), never inside a character: continuation lines start
 * with one space, which counts towards their 75.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    // UTF-8 length from the code point: encoding each character allocated once per character.
    const cp = ch.codePointAt(0)!;
    const size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (octets + size > 75) {
      out.push(current);
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join(CRLF);
}

/** Content lines folded and joined with CRLF, ending with CRLF. */
export function contentLines(lines: readonly string[]): string {
  return lines.map(foldLine).join(CRLF) + CRLF;
}

const basic = (iso: string) => iso.replace(/-/g, '');

/** DTSTAMP form: UTC, seconds, e.g. 20260304T000000Z. */
export function utcStamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** Asia/Shanghai has had no daylight saving since 1991: one STANDARD block at +08:00 describes it. */
export const VTIMEZONE_SHANGHAI = [
  'BEGIN:VTIMEZONE',
  'TZID:Asia/Shanghai',
  'BEGIN:STANDARD',
  'DTSTART:19700101T000000',
  'TZOFFSETFROM:+0800',
  'TZOFFSETTO:+0800',
  'TZNAME:CST',
  'END:STANDARD',
  'END:VTIMEZONE',
];

export interface IcsOptions {
  /** X-WR-CALNAME: shown by calendar apps as the subscribed calendar's name. */
  name: string;
  /** DTSTAMP of every event: when this file was generated. */
  generated: Date;
}

/** The DESCRIPTION: what and when, the clause (quote + place) and the pages to read. */
export function eventDescription(e: TimelineEvent): string {
  const lines = [`${e.policy.shortTitle}：${e.label}`, `日期：${e.dateText}`];
  if (e.date.shape === 'recurring' && !e.date.until) {
    // The text prints no end: say so, and say that only the first occurrence is in the calendar.
    const verb = e.date.quote.includes('报送') ? '报送' : '';
    lines.push(
      e.startNotStated
        ? `${e.recurrence ?? ''}${verb}，原文未载明起始和截止日期。日历中按发文日期（${e.first}）列出一次。`
        : `${e.recurrence ?? ''}${verb}，原文未载明截止日期。日历中只列首次（${e.first}）。`,
    );
  }
  if (e.date.yearFromIssueDate) lines.push('原文未印年份，年份按发文日期确定。');
  lines.push(`原文（${e.date.at}）：“${e.date.quote.replace(/\s+/g, ' ').trim()}”`);
  for (const d of e.directions) lines.push(`方向：${d.name} ${d.href}`);
  lines.push(`政策：${policyUrl(e.policy.id)}`);
  return lines.join('\n');
}

function eventLines(e: TimelineEvent, stamp: string): string[] {
  const d = e.date;
  const lines = ['BEGIN:VEVENT', `UID:${e.uid}@zhuanxiang-zijin.policy-atlas`, `DTSTAMP:${stamp}`];
  if (d.shape === 'recurring' && d.time) {
    const start = `${basic(e.first)}T${d.time.replace(':', '')}00`;
    lines.push(`DTSTART;TZID=Asia/Shanghai:${start}`);
    if (d.until) {
      // UNTIL must be UTC when DTSTART has a TZID: the last occurrence's time in Shanghai, minus 8 hours.
      const until = new Date(Date.parse(`${d.until}T${d.time}:00+08:00`));
      lines.push(`RRULE:${rrule(d)};UNTIL=${utcStamp(until)}`);
    }
  } else {
    lines.push(`DTSTART;VALUE=DATE:${basic(e.first)}`, `DTEND;VALUE=DATE:${basic(addDays(e.last && d.shape !== 'recurring' ? e.last : e.first, 1))}`);
    if (d.shape === 'recurring' && d.until) lines.push(`RRULE:${rrule(d)};UNTIL=${basic(d.until)}`);
  }
  lines.push(
    `SUMMARY:${escapeText(`${e.label}（${e.policy.shortTitle}）`)}`,
    `DESCRIPTION:${escapeText(eventDescription(e))}`,
    `CATEGORIES:${escapeText(e.kindLabel)}`,
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
  );
  return lines;
}

function rrule(d: Extract<TimelineEvent['date'], { shape: 'recurring' }>): string {
  return d.freq === 'weekly' ? `FREQ=WEEKLY${d.byDay ? `;BYDAY=${d.byDay}` : ''}` : 'FREQ=MONTHLY';
}

/** A whole VCALENDAR of events. */
export function toIcs(events: readonly TimelineEvent[], options: IcsOptions): string {
  const stamp = utcStamp(options.generated);
  const timed = events.some((e) => e.date.shape === 'recurring' && e.date.time);
  return contentLines([
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(options.name)}`,
    'X-WR-TIMEZONE:Asia/Shanghai',
    ...(timed ? VTIMEZONE_SHANGHAI : []),
    ...events.flatMap((e) => eventLines(e, stamp)),
    'END:VCALENDAR',
  ]);
}
