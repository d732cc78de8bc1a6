/**
 * Share links and saved answers: UTF-8 safe round trips, URL-safe alphabet, and damaged or hostile
 * input read as nothing rather than thrown or trusted.
 */
import { describe, expect, it } from 'vitest';
import { decodeShare, encodeShare, sanitizeAnswers, shareUrl } from '../../src/self-check/logic/share.ts';
import { clearState, loadBackup, loadState, sameAnswers, saveBackup, saveState, STORAGE_KEYS, type KeyValueStore } from '../../src/self-check/browser/storage.ts';
import type { SavedState } from '../../src/self-check/logic/types.ts';

const state: SavedState = {
  scope: 'programme:jiangsu-2023-fund-guide/smart-digital',
  answers: { totalInvestmentWan: '３０００万元', legalEntity: '是', filingDate: '2023年9月5日', industries: '钢铁、化工', smartLinksCount: 'unknown' },
  asOf: '2023-11-10',
};

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, String(v)), removeItem: (k) => void data.delete(k) };
}

describe('share link', () => {
  it('round-trips scope, answers (Chinese, full-width) and the as-of date in a URL-safe parameter', () => {
    const p = encodeShare(state);
    expect(p).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeShare(p)).toEqual(state);
    expect(decodeShare(encodeShare({ ...state, asOf: null, scope: null }))).toEqual({ ...state, asOf: null, scope: null });
    expect(new URLSearchParams(`p=${p}`).get('p')).toBe(p);
  });
  it('builds the full link on the page’s own origin', () => {
    expect(shareUrl(state, { origin: 'http://intranet.example', pathname: '/self-check/' })).toBe(`http://intranet.example/self-check/?p=${encodeShare(state)}#results`);
  });
  it('reads damaged or foreign parameters as nothing', () => {
    const b64 = (s: string) => Buffer.from(s).toString('base64url');
    for (const bad of ['', '%%%', '!!!', 'abc', b64('not json'), b64('[]'), b64('null'), b64('{"v":2,"a":{}}'), b64('"x"'), Buffer.from([0xff, 0xfe, 0x00]).toString('base64url')]) {
      expect(decodeShare(bad), bad).toBeNull();
    }
  });
  it('keeps only camelCase ids with text answers, and never an inherited key', () => {
    const dirty = JSON.parse('{"__proto__":{"x":"1"},"ok":"是","Bad":"1","n":3,"list":["钢铁","化工"],"mixed":["a",1],"blank":"  ","long":"' + 'x'.repeat(300) + '"}');
    const clean = sanitizeAnswers(dirty);
    expect(Object.keys(clean).sort()).toEqual(['list', 'long', 'ok']);
    expect(clean.list).toBe('钢铁、化工');
    expect(clean.long).toHaveLength(200);
    expect(Object.getPrototypeOf(clean)).toBe(Object.prototype);
    expect(decodeShare(Buffer.from(JSON.stringify({ v: 1, s: 7, a: 'x', d: '2023-02-30' })).toString('base64url'))).toEqual({ scope: null, answers: {}, asOf: null });
  });
});

describe('saved answers', () => {
  it('saves under the documented keys and loads back', () => {
    const store = memoryStore();
    expect(saveState(store, state)).toBe(true);
    expect(JSON.parse(store.data.get('selfcheck:answers')!)).toEqual(state.answers);
    expect(JSON.parse(store.data.get('selfcheck:scope')!)).toBe(state.scope);
    expect(JSON.parse(store.data.get(STORAGE_KEYS.asOf)!)).toBe('2023-11-10');
    expect(loadState(store)).toEqual({ ...state, topics: null });
    saveState(store, { ...state, topics: ['兼并重组（并购）'] });
    expect(JSON.parse(store.data.get(STORAGE_KEYS.topics)!)).toEqual(['兼并重组（并购）']);
    expect(loadState(store).topics).toEqual(['兼并重组（并购）']);
  });
  it('treats corrupt or missing storage as nothing saved', () => {
    const store = memoryStore();
    store.data.set('selfcheck:answers', '{not json');
    store.data.set('selfcheck:scope', '42');
    store.data.set('selfcheck:asof', '"2023-02-30"');
    store.data.set('selfcheck:topics', '{"x":1}');
    expect(loadState(store)).toEqual({ scope: null, answers: {}, topics: null, asOf: null });
    expect(loadState(null)).toEqual({ scope: null, answers: {}, topics: null, asOf: null });
    expect(saveState(null, state)).toBe(false);
  });
  it('reports a refused write instead of throwing', () => {
    const full: KeyValueStore = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); }, removeItem: () => undefined };
    expect(saveState(full, state)).toBe(false);
  });
  it('keeps a backup when a share link replaces the saved set, and 清空 removes everything', () => {
    const store = memoryStore();
    saveState(store, state);
    saveBackup(store, state);
    expect(loadBackup(store)).toEqual(state);
    clearState(store);
    expect([...store.data.keys()]).toEqual([]);
    expect(sameAnswers({ a: '1' }, { a: '1' })).toBe(true);
    expect(sameAnswers({ a: '1' }, { a: '2' })).toBe(false);
    expect(sameAnswers({ a: '1' }, { a: '1', b: '2' })).toBe(false);
  });
});
