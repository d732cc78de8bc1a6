import type { APIRoute, GetStaticPaths } from 'astro';
import { getCorpus } from '../../../lib/corpus.ts';
import { buildProvinceFile, safeJson, selfCheckProvinces } from '../../../self-check/build/island.ts';

/** A province's list of policies, fetched only for a province or whole-corpus scope. */
export const getStaticPaths: GetStaticPaths = () => selfCheckProvinces(getCorpus()).map((province) => ({ params: { province } }));

export const GET: APIRoute = ({ params }) => new Response(safeJson(buildProvinceFile(getCorpus(), String(params.province))), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
