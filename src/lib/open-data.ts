import { z } from 'zod';
import { OpenData, type ExportedPolicy } from '../schemas/open-data.ts';
import { displayName } from '../data/text.ts';
import { sourceUrl } from '../model/routes.ts';
import { firstDay, todayInShanghai } from './dates.ts';
import { getCorpus, type Corpus, type Policy } from './corpus.ts';
import { getCrosswalk, type Crosswalk } from './crosswalk.ts';

/** One policy as published in the open data: the validated files plus build-time conveniences. */
export function exportPolicy(p: Policy): ExportedPolicy {
  const { sourceText: _source, dates, directions, contacts, ...rest } = p;
  const allDates = [...dates, ...directions.flatMap((d) => d.dates)];
  return {
    ...rest,
    // A day already carries its `date`; other shapes get their first day, or null where the text gives none.
    dates: allDates.map((d) => {
      // A day carries its date; a duty whose text gives no start gets null, never an invented day.
      if (d.shape === 'day') return d;
      if (d.shape === 'recurring') return { ...d, date: d.from ?? null };
      // Windows and year spans always have a first day.
      return { ...d, date: firstDay(d) as string };
    }),
    directions,
    contacts: contacts.map((c) => ({ ...c, displayName: displayName(c.name) })),
    sourceUrl: sourceUrl(p.id),
  };
}

export function exportCorpus(corpus: Corpus, crosswalk: Crosswalk, today = todayInShanghai()): OpenData {
  const sharedIds = new Set(corpus.policies.flatMap((p) => p.fields.map((f) => f.id)));
  return {
    generated: today,
    fields: corpus.fields.filter((f) => !sharedIds.has(f.id)),
    policies: corpus.policies.map(exportPolicy),
    crosswalk,
  };
}

/** JSON Schema of the open data, generated from the same zod schemas that validate the YAML. */
export function openDataJsonSchema(): unknown {
  return z.toJSONSchema(OpenData, { io: 'output', unrepresentable: 'any', target: 'draft-2020-12' });
}

let built: OpenData | undefined;

/** The build's open data, exported once: policies.json, the tables and the workbook all read it. */
export function getOpenData(): OpenData {
  built ??= exportCorpus(getCorpus(), getCrosswalk());
  return built;
}

/** The files' text, shared by their endpoints and the download list (which shows each file's size). */
export const policiesJsonText = () => JSON.stringify(getOpenData(), null, 2);
export const policyJsonText = (id: string) => {
  const p = getOpenData().policies.find((x) => x.id === id);
  if (!p) throw new Error(`未知的政策 id：${id}`);
  return JSON.stringify(p, null, 2);
};
export const schemaJsonText = () => JSON.stringify(openDataJsonSchema(), null, 2);
