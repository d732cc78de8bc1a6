/**
 * Types shared by the self-check page's build step (island.ts) and its browser modules. Type-only
 * imports from the engine and schemas, so nothing here pulls zod into the browser bundle.
 */
import type { EngineData, EngineDirection, EnginePolicy } from '../../engine/types.ts';
import type { Field } from '../../schemas/index.ts';

/**
 * A direction as the page needs it: what the engine reads plus its programme (for the scope).
 * Every object that carries a `quote` also carries `a`, the anchor of that quote in the original-text
 * page (`capQuote` → `ca`, `methodQuote` → `ma`); see {@link quoteAnchors}.
 */
export interface IslandDirection extends EngineDirection {
  programme: string;
}

export interface IslandPolicy extends EnginePolicy {
  province: string;
  year: number;
  shortTitle: string;
  programmes: Array<{ id: string; name: string }>;
  directions: IslandDirection[];
}

/** The JSON island: the corpus subset the engine and the form need, without source texts. */
export interface IslandData extends EngineData {
  policies: IslandPolicy[];
  fields: Field[];
}

/** The questionnaire's steps, in order, with the headings the page shows. */
export const STEPS = ['basic', 'project', 'finance', 'qualification', 'financing', 'green'] as const;
export type StepId = (typeof STEPS)[number];
export const STEP_LABEL: Record<StepId, string> = {
  basic: '企业基本情况',
  project: '项目情况',
  finance: '财务数据',
  qualification: '资质与认定',
  financing: '融资',
  green: '绿色指标',
};

/** What was typed, per field id: the raw text (parsed on use) or "unknown" for 不确定. */
export type Answers = Record<string, string>;

/** The answer meaning 不确定, as stored and shared. */
export const UNKNOWN_ANSWER = 'unknown';

/**
 * Which directions the questionnaire covers, as a short string (stored and shared as is):
 * `all`, `province:<省份>`, `policy:<policy id>` or `programme:<policy id>/<programme id>`.
 */
export type ScopeKey = string;

/** Everything the page keeps: the scope, the answers and the as-of override. */
export interface SavedState {
  scope: ScopeKey | null;
  answers: Answers;
  /** ISO date overriding each policy's deadline, or null for the default. */
  asOf: string | null;
}
