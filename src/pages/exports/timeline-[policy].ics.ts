import type { APIRoute, GetStaticPaths } from 'astro';
import { getCorpus, getPolicy } from '../../lib/corpus.ts';
import { toIcs } from '../../lib/ics.ts';
import { policyEvents } from '../../lib/timeline.ts';

/** One policy's key dates: dist/exports/timeline-<policy>.ics (policies that print at least one date). */
export const getStaticPaths = (() =>
  getCorpus()
    .policies.filter((p) => policyEvents(p).length > 0)
    .map((p) => ({ params: { policy: p.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const policy = getPolicy(String(params.policy));
  return new Response(toIcs(policyEvents(policy), { name: `${policy.shortTitle} · 时间节点`, generated: new Date() }), {
    headers: { 'Content-Type': 'text/calendar; charset=utf-8' },
  });
};
