import { z } from 'zod';
import { OpenData, type ExportedPolicy } from '../schemas/open-data.ts';
import { displayName } from '../data/text.ts';
import { sourceUrl } from '../model/routes.ts';
import { firstDay, todayInShanghai } from './dates.ts';
import type { Corpus, Policy } from './corpus.ts';

/** One policy as published in the open data: the validated files plus build-time conveniences. */
export function exportPolicy(p: Policy): ExportedPolicy {
  const { sourceText: _source, dates, directions, contacts, ...rest } = p;
  const allDates = [...dates, ...directions.flatMap((d) => d.dates)];
  return {
    ...rest,
    // A day already carries its `date`; other shapes get their first day, or null where the text gives none.
    dates: allDates.map((d) => (d.shape === 'day' ? d : { ...d, date: firstDay(d) ?? null })),
    directions,
    contacts: contacts.map((c) => ({ ...c, displayName: displayName(c.name) })),
    sourceUrl: sourceUrl(p.id),
  };
}

export function exportCorpus(corpus: Corpus, today = todayInShanghai()): OpenData {
  const sharedIds = new Set(corpus.policies.flatMap((p) => p.fields.map((f) => f.id)));
  return {
    generated: today,
    fields: corpus.fields.filter((f) => !sharedIds.has(f.id)),
    policies: corpus.policies.map(exportPolicy),
  };
}

/** JSON Schema of the open data, generated from the same zod schemas that validate the YAML. */
export function openDataJsonSchema(): unknown {
  return z.toJSONSchema(OpenData, { io: 'output', unrepresentable: 'any', target: 'draft-2020-12' });
}
