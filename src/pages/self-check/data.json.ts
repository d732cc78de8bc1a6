import type { APIRoute } from 'astro';
import { getCorpus } from '../../lib/corpus.ts';
import { buildIsland, islandJson } from '../../self-check/build/island.ts';

/**
 * What the self-check's engine needs in the browser (criteria, support, rules, fields, quote links):
 * dist/self-check/data.json, fetched by the page's script and cached by the browser like any file.
 */
export const GET: APIRoute = () => new Response(islandJson(buildIsland(getCorpus())), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
