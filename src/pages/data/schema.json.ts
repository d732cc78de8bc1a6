import type { APIRoute } from 'astro';
import { openDataJsonSchema } from '../../lib/open-data.ts';

/** JSON Schema of policies.json and of each policy file: dist/data/schema.json. */
export const GET: APIRoute = () => new Response(JSON.stringify(openDataJsonSchema(), null, 2), { headers: { 'Content-Type': 'application/schema+json' } });
