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

// ---- compact links (v2) ------------------------------------------------------------------------------

/** Query parameter of the compact link: deflated JSON, so a typical profile stays well under 500 characters. */
export const COMPACT_PARAM = 'z';

interface CompactPayload {
  /** scope */
  s: string | null;
  /** answers, with 是/否/不确定 as 1/0/? (the parser reads 1/0 as well; ? is mapped back) */
  a: Record<string, string>;
  /** ticked situations, or absent before the screening */
  t?: string[];
  d?: string;
}

const SHORT: Record<string, string> = { 是: '1', 否: '0', unknown: '?' };
const LONG: Record<string, string> = { '1': '是', '0': '否', '?': 'unknown' };

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

/** The `z` parameter for a state: deflate-raw of a short JSON, base64url. */
export async function encodeCompact(state: SavedState): Promise<string> {
  const a: Record<string, string> = {};
  for (const [k, v] of Object.entries(state.answers)) a[k] = SHORT[v] ?? v;
  const payload: CompactPayload = { s: state.scope, a, ...(state.topics ? { t: state.topics } : {}), ...(state.asOf ? { d: state.asOf } : {}) };
  return toBase64Url(await pipe(new TextEncoder().encode(JSON.stringify(payload)), new CompressionStream('deflate-raw')));
}

/** The state a `z` parameter carries, or null when it cannot be read (never throws). */
export async function decodeCompact(param: string): Promise<SavedState | null> {
  const bytes = fromBase64Url(param.trim());
  if (!bytes || bytes.length === 0 || bytes.length > 20_000) return null;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(await pipe(bytes, new DecompressionStream('deflate-raw')));
    const p = JSON.parse(text) as Record<string, unknown>;
    if (p === null || typeof p !== 'object') return null;
    const raw = p.a !== null && typeof p.a === 'object' && !Array.isArray(p.a) ? (p.a as Record<string, unknown>) : {};
    const answers = sanitizeAnswers(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, typeof v === 'string' ? (LONG[v] ?? v) : v])));
    const topics = Array.isArray(p.t) && p.t.every((x) => typeof x === 'string') ? (p.t as string[]) : null;
    return { scope: typeof p.s === 'string' ? p.s : null, answers, topics, asOf: isIsoDate(p.d) ? p.d : null };
  } catch {
    return null;
  }
}

/** The compact share URL for a state, on the page's own origin and path. */
export async function compactShareUrl(state: SavedState, location: { origin: string; pathname: string }): Promise<string> {
  return `${location.origin}${location.pathname}?${COMPACT_PARAM}=${await encodeCompact(state)}`;
}
