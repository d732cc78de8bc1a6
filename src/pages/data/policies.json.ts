import type { APIRoute } from 'astro';
import { getCorpus } from '../../lib/corpus.ts';
import { exportCorpus } from '../../lib/open-data.ts';

/** Every policy with its full data: dist/data/policies.json. */
export const GET: APIRoute = () => new Response(JSON.stringify(exportCorpus(getCorpus()), null, 2), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
