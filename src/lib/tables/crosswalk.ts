/**
 * crosswalk.csv: one row per placement of a direction in the crosswalk — each direction of each
 * comparable group of each theme, and each direction with no counterpart. The quote column holds this
 * direction's policy's clauses for the group's differences, or, where the group records none, the clause
 * naming the direction. Shanxi's evolution steps are in policies.json (`crosswalk.evolution`).
 */
import type { OpenData } from '../../schemas/open-data.ts';
import type { CrosswalkRow } from '../../schemas/tables.ts';
import { list, oneLine } from './shared.ts';

export function crosswalkRows(data: OpenData): CrosswalkRow[] {
  const directions = new Map<string, (typeof data.policies)[number]['directions'][number]>(data.policies.flatMap((p) => p.directions.map((d) => [`${p.id}/${d.id}`, d] as const)));
  const named = (ref: string) => {
    const d = directions.get(ref);
    if (!d) throw new Error(`比较主题引用了不存在的方向：${ref}`);
    return d;
  };
  const out: CrosswalkRow[] = [];
  for (const theme of data.crosswalk.themes) {
    theme.links.forEach((link, i) => {
      for (const ref of link.directions) {
        const [policy, direction] = ref.split('/') as [string, string];
        const d = named(ref);
        const cites = link.differences.flatMap((x) => x.cites).filter((c) => c.policy === policy);
        out.push({
          id: `${theme.id}/${i + 1}/${ref}`,
          theme: theme.id,
          theme_name: theme.name,
          link: i + 1,
          policy,
          direction,
          direction_name: d.name,
          linked_with: list(link.directions.filter((r) => r !== ref)),
          note: link.note,
          differences: list(link.differences.map((x) => x.text)),
          quote: cites.length > 0 ? list(cites.map((c) => oneLine(c.quote))) : oneLine(d.quote),
          locator: cites.length > 0 ? list(cites.map((c) => c.at)) : d.at,
        });
      }
    });
  }
  for (const n of data.crosswalk.noCounterpart) {
    const [policy, direction] = n.direction.split('/') as [string, string];
    const d = named(n.direction);
    out.push({
      id: `no-counterpart/${n.direction}`,
      theme: null,
      theme_name: null,
      link: null,
      policy,
      direction,
      direction_name: d.name,
      linked_with: '',
      note: n.reason,
      differences: '',
      quote: oneLine(d.quote),
      locator: d.at,
    });
  }
  return out;
}
