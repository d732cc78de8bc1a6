/**
 * Which file each item came from. A policy's contacts, rules and fields may be split over several files
 * (rules.yaml, rules-b.yaml…); the loader records each item's file here so that a problem names the real
 * file. Kept beside the data, not in it: the items stay exactly what the schemas validated.
 */
const files = new WeakMap<object, string>();

/** Records that `item` was read from `file` (a path relative to the project root). */
export function recordOrigin(item: object, file: string): void {
  files.set(item, file);
}

/** The file `item` was read from, or `fallback` for items built in memory (tests, fixtures). */
export function originOf(item: object, fallback: string): string {
  return files.get(item) ?? fallback;
}
