import type { DirectionRef } from './corpus.ts';

/** Character bigrams of a Chinese name: a cheap, language-agnostic similarity for “similar directions”. */
function bigrams(s: string): Set<string> {
  const t = s.replace(/[\s（）()“”"、，。：:]/g, '');
  const out = new Set<string>();
  for (let i = 0; i < t.length - 1; i++) out.add(t.slice(i, i + 2));
  return out;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter === 0 ? 0 : inter / (a.size + b.size - inter);
}

/**
 * Directions of other policies whose name, programme and industries look most alike. The comparison
 * crosswalk (issue 6) replaces this with curated themes; until then this is the simple link.
 */
export function similarDirections(target: DirectionRef, all: DirectionRef[], limit = 4): DirectionRef[] {
  const key = (r: DirectionRef) => bigrams(r.direction.name + (r.policy.programmes.find((p) => p.id === r.direction.programme)?.name ?? '') + r.direction.industries.join(''));
  const mine = key(target);
  return all
    .filter((r) => r.policy.id !== target.policy.id)
    .map((r) => ({ r, score: jaccard(mine, key(r)) }))
    .filter((x) => x.score >= 0.12)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map((x) => x.r);
}
