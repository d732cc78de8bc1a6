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

/**
 * Query parameter of the compact link. Field ids and situations travel as 4-character keys (a hash of
 * the id, so adding fields never changes existing keys; a unit test keeps the real registry free of
 * collisions), 是/否/不确定 as 1/0/?, the whole deflated: a typical profile stays well under 500 characters.
 */
export const COMPACT_PARAM = 'z';

/** A short stable key for an id or a label: FNV-1a (32 bit), base 36, last 4 characters. */
export function shortKey(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(4, '0').slice(-4);
}

interface CompactPayload {
  s: string | null;
  a: Record<string, string>;
  t?: string[];
  d?: string;
}

/** A decoded compact link, keys not yet resolved (that needs the registry of the link's scope). */
export interface CompactLink {
  scope: string | null;
  answers: Record<string, string>;
  topics: string[] | null;
  asOf: string | null;
}

const SHORT: Record<string, string> = { 是: '1', 否: '0', unknown: '?' };
const LONG: Record<string, string> = { '1': '是', '0': '否', '?': 'unknown' };

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

/** The `z` parameter for a state. */
export async function encodeCompact(state: SavedState): Promise<string> {
  const a: Record<string, string> = {};
  for (const [k, v] of Object.entries(state.answers)) a[shortKey(k)] = SHORT[v] ?? v;
  const payload: CompactPayload = { s: state.scope, a, ...(state.topics ? { t: state.topics.map(shortKey) } : {}), ...(state.asOf ? { d: state.asOf } : {}) };
  return toBase64Url(await pipe(new TextEncoder().encode(JSON.stringify(payload)), new CompressionStream('deflate-raw')));
}

/** What a `z` parameter carries, or null when it cannot be read (never throws). */
export async function decodeCompact(param: string): Promise<CompactLink | null> {
  const bytes = fromBase64Url(param.trim());
  if (!bytes || bytes.length === 0 || bytes.length > 20_000) return null;
  try {
    const p = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(await pipe(bytes, new DecompressionStream('deflate-raw')))) as unknown;
    if (p === null || typeof p !== 'object' || Array.isArray(p)) return null;
    const o = p as Record<string, unknown>;
    const answers: Record<string, string> = {};
    if (o.a !== null && typeof o.a === 'object' && !Array.isArray(o.a)) for (const [k, v] of Object.entries(o.a)) if (/^[0-9a-z]{4}$/.test(k) && typeof v === 'string') answers[k] = (LONG[v] ?? v).slice(0, MAX_ANSWER);
    const topics = Array.isArray(o.t) && o.t.every((x) => typeof x === 'string') ? (o.t as string[]) : null;
    return { scope: typeof o.s === 'string' ? o.s : null, answers, topics, asOf: isIsoDate(o.d) ? o.d : null };
  } catch {
    return null;
  }
}

/** The state of a compact link, its keys resolved against the field ids and situations of its scope. */
export function resolveCompact(link: CompactLink, fieldIds: Iterable<string>, topics: Iterable<string>): SavedState {
  const ids = new Map([...fieldIds].map((id) => [shortKey(id), id]));
  const labels = new Map([...topics].map((t) => [shortKey(t), t]));
  const answers: Answers = {};
  for (const [k, v] of Object.entries(link.answers)) {
    const id = ids.get(k);
    if (id !== undefined && v.trim() !== '') answers[id] = v;
  }
  return { scope: link.scope, answers, topics: link.topics ? link.topics.map((k) => labels.get(k)).filter((t): t is string => t !== undefined) : null, asOf: link.asOf };
}

/** The compact share URL for a state, on the page's own origin and path. */
export async function compactShareUrl(state: SavedState, location: { origin: string; pathname: string }): Promise<string> {
  return `${location.origin}${location.pathname}?${COMPACT_PARAM}=${await encodeCompact(state)}`;
}
