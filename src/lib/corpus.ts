import { resolve } from 'node:path';
import { loadCorpus, type Corpus, type Policy } from '../data/load.ts';
import type { Direction } from '../schemas/index.ts';

let cached: Corpus | undefined;

/**
 * The validated corpus, read once per build. Every page calls this; reading the YAML per page would make
 * the build grow faster than linearly with the number of policies.
 */
export function getCorpus(): Corpus {
  cached ??= loadCorpus(resolve(process.env.POLICIES_DIR ?? 'policies'), process.cwd());
  return cached;
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
