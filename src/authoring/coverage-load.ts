/**
 * Reads what the coverage check needs from a policies folder: each policy's `ignored.yaml` and the
 * crosswalk's citations, then runs the pure check ({@link policyCoverage}) for every policy.
 * Build-time only (scripts/check-data.ts, tests).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseDocument } from 'yaml';
import type { Corpus } from '../data/load.ts';
import { problemsFromZod, type DataProblem } from '../data/errors.ts';
import { IGNORED_FILE, IgnoredFile, policyCoverage, quotesIn, type IgnoredEntry, type PolicyCoverage } from './coverage.ts';

export interface CorpusCoverage {
  policies: PolicyCoverage[];
  /** Problems of the ignored.yaml files themselves. */
  problems: DataProblem[];
}

function readYaml(path: string, file: string, problems: DataProblem[]): unknown {
  const doc = parseDocument(readFileSync(path, 'utf8'), { prettyErrors: true });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) problems.push({ file, field: '', expected: '合法的 YAML', found: e.message.split('\n')[0] ?? e.message });
    return undefined;
  }
  return doc.toJS();
}

/** Quotes the crosswalk cites, by policy id: every object with a `policy` and a `quote`. */
function crosswalkQuotes(node: unknown, out: Map<string, string[]>): Map<string, string[]> {
  if (Array.isArray(node)) node.forEach((x) => crosswalkQuotes(x, out));
  else if (node !== null && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (typeof o.policy === 'string' && typeof o.quote === 'string') out.set(o.policy, [...(out.get(o.policy) ?? []), o.quote]);
    Object.values(o).forEach((x) => crosswalkQuotes(x, out));
  }
  return out;
}

/** Coverage of every loaded policy of a folder. */
export function corpusCoverage(policiesDir: string, corpus: Corpus, projectRoot = join(policiesDir, '..')): CorpusCoverage {
  const problems: DataProblem[] = [];
  const crosswalkPath = join(policiesDir, 'crosswalk.yaml');
  const cw = existsSync(crosswalkPath) ? crosswalkQuotes(readYaml(crosswalkPath, relative(projectRoot, crosswalkPath), []), new Map()) : new Map<string, string[]>();
  const policies = corpus.policies.map((p) => {
    const path = join(policiesDir, p.id, IGNORED_FILE);
    const file = relative(projectRoot, path) || path;
    let ignored: IgnoredEntry[] = [];
    if (existsSync(path)) {
      const input = readYaml(path, file, problems);
      const parsed = IgnoredFile.safeParse(input ?? {});
      if (parsed.success) ignored = parsed.data.ignored;
      else problems.push(...problemsFromZod(file, input, parsed.error));
    }
    const quotes = [...quotesIn(p), ...(cw.get(p.id) ?? [])];
    const c = policyCoverage(p.id, p.sourceText, quotes, ignored, file);
    problems.push(...c.problems);
    return c;
  });
  return { policies, problems };
}
