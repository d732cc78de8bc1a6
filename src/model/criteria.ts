/**
 * Criteria traversal shared by the engine, the data checks, the pages, the charts and the self-check:
 * which criteria apply to a direction (policy-wide ones minus `exceptDirections`, honoured at any depth),
 * their leaves, and the profile fields they read. Pure and zod-free (type-only imports).
 */
import type { Criterion } from '../schemas/index.ts';

/** A criterion with every part excepted for `directionId` removed; undefined if nothing is left. */
export function pruneFor(c: Criterion, directionId: string): Criterion | undefined {
  if (c.exceptDirections?.includes(directionId)) return undefined;
  if (c.kind === 'all' || c.kind === 'any') {
    const items = c.items.map((i) => pruneFor(i, directionId)).filter((i): i is Criterion => i !== undefined);
    // A group whose every item is excepted for this direction says nothing about it.
    if (items.length === 0) return undefined;
    // Unchanged only if every item came back as itself (an item pruned deeper down is a new object).
    const same = items.length === c.items.length && items.every((item, i) => item === c.items[i]);
    return same ? c : { ...c, items };
  }
  if (c.kind === 'not') {
    const item = pruneFor(c.item, directionId);
    if (!item) return undefined;
    return item === c.item ? c : { ...c, item };
  }
  return c;
}

/** The criteria a direction must meet: its policy's eligibility (pruned for it), then its own. */
export function applicableCriteria(
  policy: { eligibility?: readonly Criterion[] },
  direction: { id: string; criteria?: readonly Criterion[] },
): Criterion[] {
  const out: Criterion[] = [];
  for (const c of policy.eligibility ?? []) {
    const p = pruneFor(c, direction.id);
    if (p) out.push(p);
  }
  for (const c of direction.criteria ?? []) {
    const p = pruneFor(c, direction.id);
    if (p) out.push(p);
  }
  return out;
}

/** Every criterion in a list, depth first, groups before their items. */
export function allCriteria(list: readonly Criterion[]): Criterion[] {
  const out: Criterion[] = [];
  const visit = (c: Criterion) => {
    out.push(c);
    if (c.kind === 'all' || c.kind === 'any') c.items.forEach(visit);
    else if (c.kind === 'not') visit(c.item);
  };
  list.forEach(visit);
  return out;
}

/** The leaves (criteria that are not all/any/not). */
export function leafCriteria(list: readonly Criterion[]): Criterion[] {
  return allCriteria(list).filter((c) => c.kind !== 'all' && c.kind !== 'any' && c.kind !== 'not');
}

/** The profile field ids a list of criteria reads (derived ids included, not expanded). */
export function fieldsOf(list: readonly Criterion[]): Set<string> {
  const out = new Set<string>();
  for (const c of allCriteria(list)) if ('field' in c && typeof c.field === 'string') out.add(c.field);
  return out;
}
