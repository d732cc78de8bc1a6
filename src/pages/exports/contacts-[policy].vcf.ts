import type { APIRoute, GetStaticPaths } from 'astro';
import { getCorpus } from '../../lib/corpus.ts';
import { directoryEntries } from '../../lib/contacts.ts';
import { toVcf } from '../../lib/vcard.ts';

/** One policy's contacts as vCard 3.0: dist/exports/contacts-<policy>.vcf. */
export const getStaticPaths = (() =>
  getCorpus()
    .policies.filter((p) => p.contacts.length > 0)
    .map((p) => ({ params: { policy: p.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(toVcf(directoryEntries(getCorpus()).filter((e) => e.policy.id === params.policy)), {
    headers: { 'Content-Type': 'text/vcard; charset=utf-8' },
  });
