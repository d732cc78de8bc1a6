/** dates.csv: one row per date of a policy or of its directions (as `dates[]` in policies.json). */
import type { OpenData } from '../../schemas/open-data.ts';
import type { DateRow } from '../../schemas/tables.ts';
import { lastDay } from '../dates.ts';
import { list, oneLine } from './shared.ts';

export function dateRows(data: OpenData): DateRow[] {
  return data.policies.flatMap((p) =>
    p.dates.map((d): DateRow => ({
      id: `${p.id}/${d.id}`,
      policy: p.id,
      directions: list(d.directions),
      kind: d.kind,
      shape: d.shape,
      label: d.label,
      date: d.date,
      end: lastDay(d) ?? null,
      start_inclusive: d.shape === 'window' ? d.startInclusive : null,
      end_inclusive: d.shape === 'window' ? d.endInclusive : null,
      freq: d.shape === 'recurring' ? d.freq : null,
      by_day: d.shape === 'recurring' ? (d.byDay ?? null) : null,
      time: d.shape === 'recurring' ? (d.time ?? null) : null,
      start_year: d.shape === 'years' ? d.startYear : null,
      end_year: d.shape === 'years' ? d.endYear : null,
      year_from_issue_date: d.yearFromIssueDate,
      quote: oneLine(d.quote),
      locator: d.at,
    })),
  );
}
