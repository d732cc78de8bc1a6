import { resolve } from 'node:path';
import { loadCorpus, type Corpus, type Policy } from '../data/load.ts';
import type { Direction, Field } from '../schemas/index.ts';

let cached: Corpus | undefined;

/**
 * The validated corpus, read once per build. Every page calls this; reading the YAML per page would make
 * the build grow faster than linearly with the number of policies.
 */
export function getCorpus(): Corpus {
  cached ??= loadCorpus(resolve(process.env.POLICIES_DIR ?? 'policies'), process.cwd());
  return cached;
}

let fieldsById: Map<string, Field> | undefined;

/** Every profile field by id, built once per build (criteria render their typed form from it). */
export function fieldMap(): ReadonlyMap<string, Field> {
  fieldsById ??= new Map(getCorpus().fields.map((f) => [f.id, f]));
  return fieldsById;
}

export function getPolicy(id: string): Policy {
  const p = getCorpus().policies.find((x) => x.id === id);
  if (!p) throw new Error(`未知的政策 id：${id}`);
  return p;
}

export interface DirectionRef {
  policy: Policy;
  direction: Direction;
}

export function allDirections(): DirectionRef[] {
  return getCorpus().policies.flatMap((policy) => policy.directions.map((direction) => ({ policy, direction })));
}

export type { Corpus, Policy };
