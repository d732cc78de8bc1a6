/** contacts.csv: one row per contact row of each document; the same person in two documents is two rows. */
import type { OpenData } from '../../schemas/open-data.ts';
import type { ContactRow } from '../../schemas/tables.ts';
import { list, oneLine } from './shared.ts';

export function contactRows(data: OpenData): ContactRow[] {
  return data.policies.flatMap((p) =>
    p.contacts.map((c): ContactRow => ({
      id: `${p.id}/${c.id}`,
      policy: p.id,
      contact: c.id,
      name: c.name,
      display_name: c.displayName,
      department: c.department,
      organisation: c.organisation,
      level: c.level,
      phones: list(c.phones),
      email: c.email ?? null,
      directions: list(c.directions),
      direction_names: list(c.directions.map((id) => p.directions.find((d) => d.id === id)?.name ?? id)),
      scope: list(c.scope),
      note: c.note ?? null,
      quote: oneLine(c.quote),
      locator: c.at,
    })),
  );
}
