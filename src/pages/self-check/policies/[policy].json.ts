import type { APIRoute, GetStaticPaths } from 'astro';
import { getCorpus, getPolicy } from '../../../lib/corpus.ts';
import { buildPolicyFile, safeJson } from '../../../self-check/build/island.ts';

/** One policy's criteria file, fetched only when the self-check's scope includes the policy. */
export const getStaticPaths: GetStaticPaths = () => getCorpus().policies.map((p) => ({ params: { policy: p.id } }));

export const GET: APIRoute = ({ params }) => new Response(safeJson(buildPolicyFile(getCorpus(), getPolicy(String(params.policy)))), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
