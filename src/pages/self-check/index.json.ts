import type { APIRoute } from 'astro';
import { getCorpus } from '../../lib/corpus.ts';
import { buildIndex, safeJson } from '../../self-check/build/island.ts';

/** The self-check's first file: the shared questions and the provinces (criteria come per policy). */
export const GET: APIRoute = () => new Response(safeJson(buildIndex(getCorpus())), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
