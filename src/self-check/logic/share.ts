/**
 * Share links: the scope, answers and as-of date in the URL itself (no server), as
 * `/self-check/?p=<base64url(JSON)>`. UTF-8 safe (answers are Chinese), and decoding never throws:
 * a damaged or hand-edited link gives null, and the page says it could not be read.
 */
import { isIsoDate } from '../../engine/iso-date.ts';
import type { Answers, SavedState } from './types.ts';

/** Query parameter carrying the shared state. */
export const SHARE_PARAM = 'p';

/** What the link carries: version, scope, answers, as-of date (omitted when default). */
interface SharePayload {
  v: 1;
  s: string | null;
  a: Answers;
  d?: string;
}

/** A field id as the registry spells it (camelCase); anything else in stored or shared data is dropped. */
const FIELD_ID = /^[a-z][A-Za-z0-9]*$/;
/** Longest raw answer kept: enough for any real answer, short enough that a hostile link stays small. */
const MAX_ANSWER = 200;

/**
 * Answers from untrusted JSON: only camelCase keys with string values (a list of choices is joined
 * with 、, which the parser splits again). Never throws.
 */
export function sanitizeAnswers(x: unknown): Answers {
  const out: Answers = {};
  if (x === null || typeof x !== 'object' || Array.isArray(x)) return out;
  for (const [k, v] of Object.entries(x)) {
    if (!FIELD_ID.test(k)) continue;
    const text = typeof v === 'string' ? v : Array.isArray(v) && v.every((i) => typeof i === 'string') ? v.join('、') : undefined;
    if (text !== undefined && text.trim() !== '') out[k] = text.slice(0, MAX_ANSWER);
  }
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** The `p` parameter for a state. */
export function encodeShare(state: SavedState): string {
  const payload: SharePayload = { v: 1, s: state.scope, a: state.answers, ...(state.asOf ? { d: state.asOf } : {}) };
  return toBase64Url(new TextEncoder().encode(JSON.stringify(payload)));
}

/** The state a `p` parameter carries, or null when it is not one of ours. */
export function decodeShare(param: string): SavedState | null {
  const bytes = fromBase64Url(param.trim());
  if (!bytes || bytes.length === 0) return null;
  let payload: unknown;
  try {
    payload = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return null;
  }
  if (payload === null || typeof payload !== 'object' || (payload as { v?: unknown }).v !== 1) return null;
  const p = payload as Record<string, unknown>;
  return {
    scope: typeof p.s === 'string' ? p.s : null,
    answers: sanitizeAnswers(p.a),
    asOf: isIsoDate(p.d) ? p.d : null,
  };
}

/** The full share URL for a state, on the page's own origin and path. */
export function shareUrl(state: SavedState, location: { origin: string; pathname: string }): string {
  return `${location.origin}${location.pathname}?${SHARE_PARAM}=${encodeShare(state)}#results`;
}
