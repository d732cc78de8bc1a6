import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

/**
 * Prose in our own words, tied to the data by id. Facts are never retyped here: overviews pull them
 * from the data through components.
 */
const overviews = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/policies' }),
  schema: z.object({
    /** The policy id this overview belongs to (must exist in policies/). */
    policy: z.string(),
    /** One-sentence summary for lists and meta descriptions. */
    summary: z.string().min(10),
  }),
});

export const collections = { overviews };
