import type { APIRoute } from 'astro';
import { getCorpus } from '../../lib/corpus.ts';
import { directoryEntries } from '../../lib/contacts.ts';
import { contactsCsv } from '../../lib/csv.ts';

/** Every contact of every policy: dist/exports/contacts.csv (UTF-8 with BOM, for Excel). */
export const GET: APIRoute = () =>
  new Response(contactsCsv(directoryEntries(getCorpus())), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
