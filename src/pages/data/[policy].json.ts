import type { APIRoute, GetStaticPaths } from 'astro';
import { getCorpus, getPolicy } from '../../lib/corpus.ts';
import { exportPolicy } from '../../lib/open-data.ts';

/** One file per policy: dist/data/<id>.json. */
export const getStaticPaths = (() => getCorpus().policies.map((p) => ({ params: { policy: p.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(JSON.stringify(exportPolicy(getPolicy(String(params.policy))), null, 2), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
