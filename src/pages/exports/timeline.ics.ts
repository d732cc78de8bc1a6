import type { APIRoute } from 'astro';
import { getCorpus } from '../../lib/corpus.ts';
import { toIcs } from '../../lib/ics.ts';
import { corpusEvents } from '../../lib/timeline.ts';

/** Every key date of every policy: dist/exports/timeline.ics. DTSTAMP is the build time. */
export const GET: APIRoute = () =>
  new Response(toIcs(corpusEvents(getCorpus()), { name: '专项资金政策通 · 全部时间节点', generated: new Date() }), {
    headers: { 'Content-Type': 'text/calendar; charset=utf-8' },
  });
