import { describe, expect, it } from 'vitest';
import { scaleUtc } from 'd3';
import { timelineSvg, truncate, type ChartEvent } from '../../src/charts/timeline.ts';
import { markerX } from '../../src/components/timeline/today.ts';
import { getCorpus } from '../../src/lib/corpus.ts';
import { addDays, corpusEvents, eventSpan, firstOnWeekday, policyEvents, recurrenceText, type TimelineEvent } from '../../src/lib/timeline.ts';
import type { KeyDate } from '../../src/schemas/index.ts';

const corpus = getCorpus();
const events = corpusEvents(corpus);
const base = { id: 'x', label: '测试日期', directions: [] as string[], quote: '引文', at: '一', yearFromIssueDate: false };

describe('events from the data', () => {
  it('holds every date of every policy and of every direction', () => {
    const count = corpus.policies.reduce((n, p) => n + p.dates.length + p.directions.reduce((m, d) => m + d.dates.length, 0), 0);
    expect(events.length).toBe(count);
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
  });

  it('has the 2023 and 2026 application deadlines with statuses', () => {
    const deadlines = events.filter((e) => e.kind === 'deadline').map((e) => e.statusDate);
    expect(deadlines).toContain('2023-11-10');
    expect(deadlines).toContain('2026-03-04');
  });

  it('says when a year is taken from the issue date, and that the weekly report has no printed start or end', () => {
    const p2020 = events.filter((e) => e.policy.id === 'shanxi-2020-double-hundred');
    const plan = p2020.find((e) => e.kind === 'deadline' && e.first === '2020-02-14');
    expect(plan?.date.yearFromIssueDate).toBe(true);
    const weekly = p2020.find((e) => e.date.shape === 'recurring' && e.date.freq === 'weekly');
    expect(weekly).toBeDefined();
    expect(weekly!.openEnded).toBe(true);
    expect(weekly!.last).toBeUndefined();
    expect(weekly!.recurrence).toBe('每周五15:00前');
    // The text gives no start: the duty is drawn at the issue date and says so, never dated by us.
    expect(weekly!.date.shape === 'recurring' && weekly!.date.from).toBeUndefined();
    expect(weekly!.startNotStated).toBe(true);
    expect(weekly!.dateText).toBe('每周五15:00前（原文未载明起止日期）');
    expect(weekly!.first).toBe('2020-02-06');
  });

  it('links each direction date to its direction page', () => {
    const withDirection = events.find((e) => e.directions.length > 0)!;
    const d = withDirection.directions[0]!;
    expect(d.href).toBe(`/policies/${withDirection.policy.id}/directions/${d.id}/`);
  });

  it('sorts one policy’s events by first day', () => {
    for (const p of corpus.policies) {
      const firsts = policyEvents(p).map((e) => e.first);
      expect(firsts).toEqual([...firsts].sort());
    }
  });
});

describe('spans', () => {
  it('moves exclusive window ends inwards and keeps inclusive ones', () => {
    const w = (startInclusive: boolean, endInclusive: boolean): KeyDate => ({ ...base, kind: 'window', shape: 'window', start: '2021-01-01', end: '2022-06-30', startInclusive, endInclusive });
    expect(eventSpan(w(true, true))).toEqual({ first: '2021-01-01', last: '2022-06-30' });
    expect(eventSpan(w(false, false))).toEqual({ first: '2021-01-02', last: '2022-06-29' });
  });

  it('finds weekdays and adds days across month ends', () => {
    expect(firstOnWeekday('2020-02-06', 'FR')).toBe('2020-02-07');
    expect(firstOnWeekday('2020-02-07', 'FR')).toBe('2020-02-07');
    expect(addDays('2022-06-30', 1)).toBe('2022-07-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    const monthly: Extract<KeyDate, { shape: 'recurring' }> = { ...base, kind: 'reporting', shape: 'recurring', freq: 'monthly', from: '2020-02-06' };
    expect(recurrenceText(monthly)).toBe('每月');
  });
});

const toChart = (e: TimelineEvent): ChartEvent => ({ id: e.uid, lane: e.policy.id, kind: e.kind, first: e.first, last: e.last, openEnded: e.openEnded, label: e.label, title: e.label });
const lanes = corpus.policies.map((p) => ({ id: p.id, label: p.shortTitle }));
const svgFor = (marker: string) => timelineSvg(lanes, events.map(toChart), { idPrefix: 't', title: '时间线', desc: '说明', marker });
const attr = (svg: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(svg)?.[1];

describe('the chart', () => {
  it('is deterministic, titled and described, with one lane per policy', () => {
    const a = svgFor('2026-03-01');
    expect(svgFor('2026-03-01')).toBe(a);
    expect(a.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(a).toContain('<title id="t-title">时间线</title>');
    expect(a).toContain('<desc id="t-desc">说明</desc>');
    expect(a).toContain('aria-labelledby="t-title t-desc"');
    expect(a.match(/class="tl-lane"/g)?.length).toBe(corpus.policies.length);
    expect(a).not.toMatch(/style="/); // the CSP forbids inline styles
  });

  it('draws identical marks once but keeps every event id', () => {
    const a = svgFor('2026-03-01');
    for (const e of events) expect(a).toContain(e.uid);
  });

  it('places the build-date marker where the d3 scale puts that date, and the client script agrees', () => {
    const svg = svgFor('2025-06-01');
    const data = {
      domainStart: attr(svg, 'data-domain-start'),
      domainEnd: attr(svg, 'data-domain-end'),
      rangeStart: attr(svg, 'data-range-start'),
      rangeEnd: attr(svg, 'data-range-end'),
    };
    const scale = scaleUtc()
      .domain([new Date(data.domainStart + 'T00:00:00Z'), new Date(data.domainEnd + 'T00:00:00Z')])
      .range([Number(data.rangeStart), Number(data.rangeEnd)]);
    const drawn = Number(/data-role="today" transform="translate\(([\d.]+) 0\)"/.exec(svg)?.[1]);
    expect(drawn).toBeCloseTo(scale(new Date('2025-06-01T00:00:00Z')), 0);
    expect(markerX(data, '2025-06-01')?.x).toBeCloseTo(drawn, 0);
    expect(markerX(data, '2024-01-01')!.x).toBeLessThan(drawn);
    expect(markerX(data, '2099-01-01')).toEqual({ x: Number(data.rangeEnd), clamped: true });
  });

  it('truncates long labels with an ellipsis and keeps the full text in the title', () => {
    expect(truncate('报送年度项目工作总体推进思路和举措（附市级重点项目名单）')).toHaveLength(16);
    expect(truncate('发文日期')).toBe('发文日期');
  });
});
