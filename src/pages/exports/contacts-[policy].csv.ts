import type { APIRoute, GetStaticPaths } from 'astro';
import { getCorpus } from '../../lib/corpus.ts';
import { directoryEntries } from '../../lib/contacts.ts';
import { contactsCsv } from '../../lib/csv.ts';

/** One policy's contacts: dist/exports/contacts-<policy>.csv. Only policies that list contacts. */
export const getStaticPaths = (() =>
  getCorpus()
    .policies.filter((p) => p.contacts.length > 0)
    .map((p) => ({ params: { policy: p.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(contactsCsv(directoryEntries(getCorpus()).filter((e) => e.policy.id === params.policy)), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
