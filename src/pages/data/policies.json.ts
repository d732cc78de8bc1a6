import type { APIRoute } from 'astro';
import { getOpenData } from '../../lib/open-data.ts';

/** Every policy with its full data, and the crosswalk: dist/data/policies.json. */
export const GET: APIRoute = () => new Response(JSON.stringify(getOpenData(), null, 2), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
