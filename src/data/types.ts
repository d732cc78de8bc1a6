/**
 * The shapes the loader produces and the checks read, in a module of their own so that neither imports
 * the other for them (load.ts runs the checks; checks.ts reads these types).
 */
import type { CombinationRule, Contact, Direction, Field, PolicyFile } from '../schemas/index.ts';
import type { DataProblem } from './errors.ts';

/** A policy with everything that lives in its folder. */
export interface Policy extends PolicyFile {
  directions: Direction[];
  contacts: Contact[];
  rules: CombinationRule[];
  /** Fields this policy adds to the shared registry. */
  fields: Field[];
  /** The verbatim original. */
  sourceText: string;
}

export interface Corpus {
  policies: Policy[];
  /** The shared registry plus every policy's own fields. */
  fields: Field[];
}

export interface LoadResult {
  corpus: Corpus;
  problems: DataProblem[];
}
