/**
 * The field registry: the shared fields plus every policy's own, first definition winning. Kept free of
 * zod so that the browser bundle of the self-check, which needs the registry, never pulls zod in.
 */
import type { Field } from '../schemas/index.ts';
import type { EngineData } from './types.ts';

export function fieldRegistry(data: Pick<EngineData, 'fields'> & { policies?: EngineData['policies'] }): Map<string, Field> {
  const map = new Map<string, Field>();
  for (const f of data.fields) if (!map.has(f.id)) map.set(f.id, f);
  for (const p of data.policies ?? []) for (const f of p.fields ?? []) if (!map.has(f.id)) map.set(f.id, f);
  return map;
}
