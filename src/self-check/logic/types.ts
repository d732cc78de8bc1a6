/**
 * Types shared by the self-check's build step (../build), its pure logic (this folder) and its browser
 * layer (../browser). Type-only imports from the engine and schemas, so nothing here pulls zod into the
 * browser bundle.
 */
import type { EngineData, EngineDirection, EnginePolicy } from '../../engine/types.ts';
import type { Field } from '../../schemas/index.ts';

/** The one contact the results show for a direction: its own (province level first), else the policy's. */
export interface IslandContact {
  /** Name as displayed (printed padding removed). */
  name: string;
  organisation: string;
  phone: string;
}

/**
 * A direction as the page needs it: what the engine reads plus its programme (for the scope) and contact.
 * Every object that carries a `quote` also carries `a`, the anchor of that quote in the original-text
 * page (`capQuote` → `ca`, `methodQuote` → `ma`); see {@link quoteAnchors}.
 */
export interface IslandDirection extends EngineDirection {
  programme: string;
  contact?: IslandContact;
}

export interface IslandPolicy extends EnginePolicy {
  province: string;
  year: number;
  shortTitle: string;
  programmes: Array<{ id: string; name: string }>;
  directions: IslandDirection[];
}

/** The corpus subset the engine and the questionnaire need, without source texts. */
export interface IslandData extends EngineData {
  policies: IslandPolicy[];
  fields: Field[];
}

/**
 * The file fetched first (/self-check/index.json): the shared question registry and the provinces. Its
 * size does not grow with the corpus: a one-policy scope fetches it and its policy's criteria file
 * (`selfCheckDataUrl.policy`) only; a province's file (`selfCheckDataUrl.province`) lists that
 * province's policies, for the province and whole-corpus scopes.
 */
export interface SelfCheckIndex {
  fields: Field[];
  provinces: string[];
}

/** A province's file: the ids of its policies, each with a criteria file. */
export interface SelfCheckProvince {
  province: string;
  policies: string[];
}

/** What was typed, per field id: the raw text (parsed on use) or "unknown" for 不确定. */
export type Answers = Record<string, string>;

/** The answer meaning 不确定, as stored and shared. */
export const UNKNOWN_ANSWER = 'unknown';

/**
 * Which directions the questionnaire covers, as a short string (stored and shared as is): `all`,
 * `province:<省份>`, `policy:<policy id>`, `programme:<policy id>/<programme id>` or
 * `direction:<policy id>/<direction id>`.
 */
export type ScopeKey = string;

/** Everything the page keeps: the scope, the answers, the screening's ticked situations, the as-of override. */
export interface SavedState {
  scope: ScopeKey | null;
  answers: Answers;
  /**
   * The situations (field topics) ticked at the screening step; null before the screening was answered,
   * and for links made before it existed (then nothing is screened out).
   */
  topics?: string[] | null;
  /** ISO date overriding each policy's deadline, or null for the default. */
  asOf: string | null;
}
