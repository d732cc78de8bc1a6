import type { APIRoute } from 'astro';
import { schemaJsonText } from '../../lib/open-data.ts';

/** JSON Schema of policies.json and of each policy file, with a description on every property: dist/data/schema.json. */
export const GET: APIRoute = () => new Response(schemaJsonText(), { headers: { 'Content-Type': 'application/schema+json' } });
