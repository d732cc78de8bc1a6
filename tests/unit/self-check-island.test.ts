/**
 * The JSON island the self-check page ships: the browser evaluates on it exactly as the CLI does on
 * the full corpus (same results, reasons, support, warnings), every quote links where quoteHref links,
 * and it carries no source text.
 */
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadCorpusUnchecked } from '../../src/data/load.ts';
import { evaluateProfile, fieldRegistry, type Reason } from '../../src/engine/index.ts';
import * as citations from '../../src/lib/citations.ts';
import { buildIsland, islandJson } from '../../src/self-check/build/island.ts';
import { QuoteLinks } from '../../src/self-check/logic/links.ts';
import type { IslandData } from '../../src/self-check/logic/types.ts';
import type { Field } from '../../src/schemas/index.ts';
import { prng } from '../../scripts/lib/prng.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const { corpus } = loadCorpusUnchecked(fileURLToPath(new URL('../../policies', import.meta.url)), root);
const json = islandJson(buildIsland(corpus));
/** As the browser gets it: parsed from the page. */
const island = JSON.parse(json) as IslandData;


/** Plausible answers (thresholds are often 1–5000 万元 or a few items), some left unknown. */
function randomProfile(fields: readonly Field[], rand: () => number): Record<string, unknown> {
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const p: Record<string, unknown> = {};
  for (const f of fields) {
    if (rand() < 0.2) continue;
    if (f.type === 'number') p[f.id] = pick([0, 1, 2, 3, 5, 10, 30, 100, 300, 500, 1000, 3000, 5000, 20000]);
    else if (f.type === 'boolean') p[f.id] = rand() < 0.5;
    else if (f.type === 'choice') p[f.id] = f.multiple ? [pick(f.options)] : pick(f.options);
    else if (f.type === 'date') p[f.id] = pick(['2017-05-01', '2020-12-31', '2021-01-01', '2022-06-30', '2023-03-01', '2024-12-31', '2026-01-15']);
  }
  return p;
}

describe('self-check island', () => {
  it('evaluates exactly as the full corpus (results, reasons, support, warnings) for many profiles and dates', () => {
    const fields = [...fieldRegistry(corpus).values()];
    const rand = prng(360);
    const profiles = [{}, ...Array.from({ length: 300 }, () => randomProfile(fields, rand))];
    for (const [i, profile] of profiles.entries()) {
      const options = { today: '2026-03-01', ...(i % 3 === 1 ? { asOf: '2024-01-31' } : {}) };
      expect(evaluateProfile(island, profile, options), `profile ${i}`).toEqual(evaluateProfile(corpus, profile, options));
    }
  });

  it('links every quote a result can show to where quoteHref links it', () => {
    const links = new QuoteLinks(island);
    const fields = [...fieldRegistry(corpus).values()];
    const rand = prng(7);
    let checked = 0;
    for (let n = 0; n < 30; n++) {
      const out = evaluateProfile(island, randomProfile(fields, rand), { today: '2026-03-01' });
      const check = (policyId: string, quote: string, at?: string) => {
        const policy = corpus.policies.find((p) => p.id === policyId)!;
        expect(links.href(policyId, quote, at)).toBe(citations.quoteHref(policy, quote, at));
        checked++;
      };
      const walk = (policy: string, r: Reason) => {
        check(policy, r.quote, r.at);
        r.items?.forEach((x) => walk(policy, x));
      };
      for (const r of out.results) {
        r.reasons.forEach((x) => walk(r.policy, x));
        for (const s of r.supportWorking) if (s.quote) check(r.policy, s.quote, s.at);
        if (r.schemeSeparately) check(r.policy, r.schemeSeparately.quote, r.schemeSeparately.at);
      }
      for (const w of out.warnings) check(w.policy, w.quote, w.at);
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('carries no source text, provisions, materials or contacts, and stays lean', () => {
    for (const key of ['"sourceText"', '"provisions"', '"materials"', '"contacts"', '"summary"']) expect(json).not.toContain(key);
    const longest = Math.max(...corpus.policies.map((p) => p.sourceText.length));
    expect(json.length).toBeLessThan(longest * 2 + 400_000);
    // Data, not code, but parsed on every visit: a budget that leaves room for the corpus to grow.
    expect(gzipSync(json).length).toBeLessThan(90 * 1024);
    // Only fields some direction reads, derived or asked.
    expect(island.fields.length).toBeLessThanOrEqual(corpus.fields.length);
  });

  it('cannot close its <script> element whatever the data holds', () => {
    const hostile = { ...island, fields: [{ id: 'x', type: 'boolean', step: 'basic', label: '</script><script>alert(1)</script><!--' } as Field] };
    const out = islandJson(hostile);
    expect(out).not.toMatch(/<\/script|<!--/i);
    expect((JSON.parse(out) as IslandData).fields[0]!.label).toBe('</script><script>alert(1)</script><!--');
  });
});
