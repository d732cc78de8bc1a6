/** directions.csv: one row per funding direction. */
import type { OpenData } from '../../schemas/open-data.ts';
import type { DirectionRow } from '../../schemas/tables.ts';
import { leafCriteria } from '../../model/criteria.ts';
import { directionUrl } from '../../model/routes.ts';
import { list, oneLine, stated } from './shared.ts';

export function directionRows(data: OpenData): DirectionRow[] {
  return data.policies.flatMap((p) =>
    p.directions.map((d): DirectionRow => ({
      id: `${p.id}/${d.id}`,
      policy: p.id,
      direction: d.id,
      province: p.province,
      year: p.year,
      policy_kind: p.kind,
      programme: d.programme,
      programme_name: p.programmes.find((g) => g.id === d.programme)?.name ?? d.programme,
      order: d.order,
      name: d.name,
      summary: d.summary,
      applicants: stated(d.applicants),
      support_method: d.support?.method ?? null,
      support_formula: d.support?.formula.kind ?? null,
      quota: 'text' in d.quota ? d.quota.text : null,
      criteria_count: leafCriteria(d.criteria).length,
      apply_free: d.applyFree !== undefined,
      scheme_separately: d.schemeSeparately !== undefined,
      guidance_only: d.guidanceOnly,
      industries: list(d.industries),
      url: directionUrl(p.id, d.id),
      quote: oneLine(d.quote),
      locator: d.at,
    })),
  );
}
