/**
 * What the self-check fetches for a scope (src/self-check/logic/load.ts), with its files built by the
 * self-check's own builders as the site writes them: a one-policy, programme or direction scope fetches
 * the index and its policy's criteria file only, and neither grows when policies are added; a province
 * fetches its list and its policies; the whole corpus, everything. Stale keys load nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { generateSynthetic } from '../../scripts/gen-synthetic.ts';
import { builderSource, scopeTransfer } from '../../scripts/bench/self-check-bytes.ts';
import { loadCorpusUnchecked, type Corpus } from '../../src/data/load.ts';
import { selfCheckDataUrl } from '../../src/model/routes.ts';
import { buildIndex, buildPolicyFile, safeJson } from '../../src/self-check/build/island.ts';
import { ScopeLoader } from '../../src/self-check/logic/load.ts';
import type { SelfCheckIndex } from '../../src/self-check/logic/types.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const { corpus } = loadCorpusUnchecked(join(root, 'policies'), root);

/** A loader over the builders' files, recording every URL it fetches. */
function loaderFor(c: Corpus): { loader: ScopeLoader; fetched: string[] } {
  const source = builderSource(c);
  const fetched: string[] = [];
  const index = JSON.parse(source(selfCheckDataUrl.index())!) as SelfCheckIndex;
  const loader = new ScopeLoader(index, async (url) => {
    fetched.push(url);
    const text = source(url);
    return text === null ? null : (JSON.parse(text) as unknown);
  });
  return { loader, fetched };
}

const JS = 'jiangsu-2023-fund-guide';
const js = corpus.policies.find((p) => p.id === JS)!;

describe('self-check data: what each scope fetches (real corpus)', () => {
  it('a policy, programme or direction scope fetches its policy’s criteria file and nothing else', async () => {
    for (const key of [`policy:${JS}`, `programme:${JS}/${js.directions[0]!.programme}`, `direction:${JS}/smart-factory`]) {
      const { loader, fetched } = loaderFor(corpus);
      const loaded = await loader.load(key);
      expect(fetched, key).toEqual([selfCheckDataUrl.policy(JS)]);
      expect(loaded?.policies, key).toEqual([JSON.parse(safeJson(buildPolicyFile(corpus, js)))]);
    }
  });

  it('the index carries the shared questions and the provinces, no policy', () => {
    const index = buildIndex(corpus);
    expect(index.provinces).toEqual([...new Set(corpus.policies.map((p) => p.province))]);
    const text = safeJson(index);
    for (const p of corpus.policies) expect(text).not.toContain(p.id);
  });

  it('a province fetches its list, then only its own policies, in corpus order; the whole corpus fetches every file once', async () => {
    const { loader, fetched } = loaderFor(corpus);
    const shanxi = corpus.policies.filter((p) => p.province === '山西').map((p) => p.id);
    expect((await loader.load('province:山西'))?.policies.map((p) => p.id)).toEqual(shanxi);
    expect(fetched).toEqual([selfCheckDataUrl.province('山西'), ...shanxi.map(selfCheckDataUrl.policy)]);
    fetched.length = 0;
    expect((await loader.load('all'))?.policies.map((p) => p.id)).toEqual(corpus.policies.map((p) => p.id));
    // What the province scope loaded is not fetched again.
    const others = corpus.policies.filter((p) => p.province !== '山西').map((p) => p.id);
    expect(fetched.sort()).toEqual([...new Set(corpus.policies.map((p) => p.province))].filter((p) => p !== '山西').map(selfCheckDataUrl.province).concat(others.map(selfCheckDataUrl.policy)).sort());
  });

  it('a stale or malformed key loads nothing, and a malformed one fetches nothing', async () => {
    const { loader, fetched } = loaderFor(corpus);
    expect(await loader.load('policy:gone-2020')).toBeNull();
    expect(await loader.load(`direction:${JS}/no-such-direction`)).toBeNull();
    expect(await loader.load(`programme:${JS}/no-such-programme`)).toBeNull();
    expect(fetched).toEqual([selfCheckDataUrl.policy('gone-2020'), selfCheckDataUrl.policy(JS)]);
    fetched.length = 0;
    for (const bad of [null, '', 'province:广东', 'policy:../index', `direction:${JS}`, `direction:${JS}/a/b`, 'everything']) expect(await loader.load(bad), String(bad)).toBeNull();
    expect(fetched).toEqual([]);
  });
});

describe('self-check data: a one-policy scope does not grow with the corpus (synthetic policies)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'self-check-scale-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const corpusOf = (count: number): Corpus => {
    const out = join(dir, String(count));
    generateSynthetic({ count, outDir: join(out, 'policies'), seed: 3 });
    const { corpus: c, problems } = loadCorpusUnchecked(join(out, 'policies'), out);
    expect(problems).toEqual([]);
    return c;
  };

  it('the same policy’s scopes fetch the same files, byte for byte, at 3 and at 24 policies; a province’s grow', async () => {
    const small = corpusOf(3);
    const large = corpusOf(24);
    const first = small.policies.find((p) => p.province === '山西')!;
    const direction = first.directions[0]!.id;
    for (const key of [`policy:${first.id}`, `direction:${first.id}/${direction}`]) {
      const a = await scopeTransfer(builderSource(small), key);
      const b = await scopeTransfer(builderSource(large), key);
      expect(b.urls, key).toEqual([selfCheckDataUrl.index(), selfCheckDataUrl.policy(first.id)]);
      expect(b.urls, key).toEqual(a.urls);
      for (const url of b.urls) expect(builderSource(large)(url), url).toBe(builderSource(small)(url));
      expect(b.gz).toBe(a.gz);
    }
    // The measure does see growth where there is some: the province scope fetches every Shanxi policy.
    const pa = await scopeTransfer(builderSource(small), 'province:山西');
    const pb = await scopeTransfer(builderSource(large), 'province:山西');
    expect(pb.urls.length).toBe(1 + 1 + large.policies.filter((p) => p.province === '山西').length);
    expect(pb.gz).toBeGreaterThan(pa.gz * 4);
  });
});
