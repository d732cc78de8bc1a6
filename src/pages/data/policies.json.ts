import type { APIRoute } from 'astro';
import { policiesJsonText } from '../../lib/open-data.ts';

/** Every policy with its full data, and the crosswalk: dist/data/policies.json. */
export const GET: APIRoute = () => new Response(policiesJsonText(), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
