import type { APIRoute, GetStaticPaths } from 'astro';
import { getCorpus } from '../../lib/corpus.ts';
import { policyJsonText } from '../../lib/open-data.ts';

/** One file per policy: dist/data/<id>.json. */
export const getStaticPaths = (() => getCorpus().policies.map((p) => ({ params: { policy: p.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => new Response(policyJsonText(String(params.policy)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
