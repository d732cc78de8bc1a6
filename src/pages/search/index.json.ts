import type { APIRoute } from 'astro';
import { getCorpus } from '../../lib/corpus.ts';
import { searchPayload } from '../../lib/search-docs.ts';

/** The search index, cards and dictionary in one file: dist/search/index.json (see src/search/). */
export const GET: APIRoute = () => new Response(JSON.stringify(searchPayload(getCorpus())), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
