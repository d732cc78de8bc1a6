import { getCrosswalk, linksOf, resolveDirection } from './crosswalk.ts';
import type { Corpus, DirectionRef } from './corpus.ts';

export interface SimilarGroup {
  theme: { id: string; name: string };
  /** Why the group's directions compare (the crosswalk's note, our words). */
  note: string;
  /** Directions of other policies in the same crosswalk group. */
  others: DirectionRef[];
}

/**
 * Directions of other policies that the crosswalk puts in the same comparison group as `target`,
 * with the theme and the note that says why they compare.
 */
export function similarDirections(target: DirectionRef, corpus: Corpus): SimilarGroup[] {
  const crosswalk = getCrosswalk();
  const ref = `${target.policy.id}/${target.direction.id}`;
  const groups: SimilarGroup[] = [];
  for (const { theme, link } of linksOf(crosswalk, ref)) {
    const others = link.directions
      .filter((r) => !r.startsWith(`${target.policy.id}/`))
      .map((r) => resolveDirection(corpus, r))
      .map(({ policy, direction }) => ({ policy, direction }));
    groups.push({ theme: { id: theme.id, name: theme.name }, note: link.note, others });
  }
  return groups;
}
