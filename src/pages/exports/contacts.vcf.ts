import type { APIRoute } from 'astro';
import { getCorpus } from '../../lib/corpus.ts';
import { directoryEntries } from '../../lib/contacts.ts';
import { toVcf } from '../../lib/vcard.ts';

/** Every contact of every policy as vCard 3.0: dist/exports/contacts.vcf. */
export const GET: APIRoute = () =>
  new Response(toVcf(directoryEntries(getCorpus())), { headers: { 'Content-Type': 'text/vcard; charset=utf-8' } });
