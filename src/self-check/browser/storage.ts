/**
 * Keeping answers across reloads in localStorage. Every access is guarded: storage may be disabled,
 * full or hold something another version wrote; the page then keeps working without saving and says so.
 */
import { isIsoDate } from '../../engine/iso-date.ts';
import { sanitizeAnswers } from '../logic/share.ts';
import type { Answers, SavedState } from '../logic/types.ts';

export const STORAGE_KEYS = {
  /** JSON {fieldId: raw input | "unknown"}. */
  answers: 'selfcheck:answers',
  /** JSON string: the scope key (all / province:… / policy:… / programme:…/…). */
  scope: 'selfcheck:scope',
  /** JSON string[]: the situations ticked at the screening; absent before it. */
  topics: 'selfcheck:topics',
  /** JSON string: the as-of date override (YYYY-MM-DD); absent for each policy's deadline. */
  asOf: 'selfcheck:asof',
  /** The saved state a share link replaced, so that it can be restored. */
  backup: 'selfcheck:backup',
} as const;

/** The subset of the Storage interface used (tests pass a plain object). */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** localStorage if the browser lets us use it, else null (blocked storage throws on access). */
export function browserStorage(): KeyValueStore | null {
  try {
    const s = window.localStorage;
    const probe = 'selfcheck:probe';
    s.setItem(probe, '1');
    s.removeItem(probe);
    return s;
  } catch {
    return null;
  }
}

function readJson(store: KeyValueStore, key: string): unknown {
  try {
    const text = store.getItem(key);
    return text === null ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}

export const EMPTY_STATE: SavedState = { scope: null, answers: {}, topics: null, asOf: null };

/** The saved state; anything unreadable counts as not saved. */
export function loadState(store: KeyValueStore | null): SavedState {
  if (!store) return { ...EMPTY_STATE, answers: {}, topics: null };
  const scope = readJson(store, STORAGE_KEYS.scope);
  const asOf = readJson(store, STORAGE_KEYS.asOf);
  const topics = readJson(store, STORAGE_KEYS.topics);
  return {
    scope: typeof scope === 'string' ? scope : null,
    answers: sanitizeAnswers(readJson(store, STORAGE_KEYS.answers)),
    topics: Array.isArray(topics) && topics.every((t) => typeof t === 'string') ? (topics as string[]) : null,
    asOf: isIsoDate(asOf) ? asOf : null,
  };
}

/** Saves the state; false when storage refused (quota, private mode). */
export function saveState(store: KeyValueStore | null, state: SavedState): boolean {
  if (!store) return false;
  try {
    store.setItem(STORAGE_KEYS.answers, JSON.stringify(state.answers));
    if (state.scope === null) store.removeItem(STORAGE_KEYS.scope);
    else store.setItem(STORAGE_KEYS.scope, JSON.stringify(state.scope));
    if (state.topics === null || state.topics === undefined) store.removeItem(STORAGE_KEYS.topics);
    else store.setItem(STORAGE_KEYS.topics, JSON.stringify(state.topics));
    if (state.asOf === null) store.removeItem(STORAGE_KEYS.asOf);
    else store.setItem(STORAGE_KEYS.asOf, JSON.stringify(state.asOf));
    return true;
  } catch {
    return false;
  }
}

/** Removes everything the page saved (the backup too: 清空 means nothing is left behind). */
export function clearState(store: KeyValueStore | null): void {
  if (!store) return;
  for (const key of Object.values(STORAGE_KEYS)) {
    try {
      store.removeItem(key);
    } catch {
      // Nothing more can be done; the in-page state is cleared anyway.
    }
  }
}

export function saveBackup(store: KeyValueStore | null, state: SavedState): void {
  try {
    store?.setItem(STORAGE_KEYS.backup, JSON.stringify(state));
  } catch {
    // Without a backup the page simply does not offer to restore.
  }
}

export function loadBackup(store: KeyValueStore | null): SavedState | null {
  if (!store) return null;
  const x = readJson(store, STORAGE_KEYS.backup);
  if (x === null || typeof x !== 'object') return null;
  const o = x as Record<string, unknown>;
  return { scope: typeof o.scope === 'string' ? o.scope : null, answers: sanitizeAnswers(o.answers), asOf: isIsoDate(o.asOf) ? o.asOf : null };
}

export function dropBackup(store: KeyValueStore | null): void {
  try {
    store?.removeItem(STORAGE_KEYS.backup);
  } catch {
    // Ignored: a stale backup is harmless and replaced next time.
  }
}

/** True when two answer sets hold the same answers. */
export function sameAnswers(a: Answers, b: Answers): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && b[k] === a[k]);
}
