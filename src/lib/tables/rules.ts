/** rules.csv: one row per combination rule (不得多头申报、不同时支持、只奖励一次…). */
import type { OpenData } from '../../schemas/open-data.ts';
import type { RuleRow } from '../../schemas/tables.ts';
import { list, oneLine } from './shared.ts';

export function ruleRows(data: OpenData): RuleRow[] {
  return data.policies.flatMap((p) =>
    p.rules.map((r): RuleRow => ({
      id: `${p.id}/${r.id}`,
      policy: p.id,
      rule: r.id,
      kind: r.kind,
      directions: list(r.directions),
      text: r.text,
      quote: oneLine(r.quote),
      locator: r.at,
    })),
  );
}
