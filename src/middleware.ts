/**
 * A sharded build (SITE_SHARD set, see src/lib/shards.ts) renders only its part of the site: pages of
 * other shards answer with an empty body, which Astro does not write. A normal build renders everything
 * and this is a pass-through.
 */
import { defineMiddleware } from 'astro:middleware';
import { rendersPath } from './lib/shards.ts';

export const onRequest = defineMiddleware((context, next) => {
  if (!process.env.SITE_SHARD || rendersPath(context.url.pathname)) return next();
  return new Response(null, { status: 204 });
});
