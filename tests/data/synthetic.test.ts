/**
 * The synthetic-policy generator (scripts/gen-synthetic.ts, used by the scale benchmarks) must write data
 * the data check accepts, crosswalk included, so it cannot drift from the schemas unnoticed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateSynthetic } from '../../scripts/gen-synthetic.ts';
import { formatProblem } from '../../src/data/errors.ts';
import { loadCorpusUnchecked } from '../../src/data/load.ts';
import { crosswalkProblems } from '../../src/lib/crosswalk.ts';

const root = mkdtempSync(join(tmpdir(), 'synthetic-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('two synthetic policies', () => {
  it('pass the data check, crosswalk included', () => {
    const dir = join(root, 'policies');
    const { policies } = generateSynthetic({ count: 2, outDir: dir, seed: 7 });
    expect(policies).toHaveLength(2);
    const { corpus, problems } = loadCorpusUnchecked(dir, root);
    expect(problems.map(formatProblem)).toEqual([]);
    expect(corpus.policies.map((p) => p.directions.length).every((n) => n >= 10)).toBe(true);
    expect(crosswalkProblems(dir, corpus, root).map(formatProblem)).toEqual([]);
  });
});
