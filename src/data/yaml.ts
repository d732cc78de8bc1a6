/**
 * The one way data files are read: parse the YAML, validate it against its zod schema, and report every
 * problem in the {file, field, expected, found} shape instead of throwing. The policies, the shared field
 * registry and the crosswalk all go through here.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { problemsFromZod, type DataProblem } from './errors.ts';

/** The file's path as problems name it: relative to the project root. */
export function displayPath(path: string, root: string): string {
  return relative(root, path) || path;
}

/**
 * Reads `path`, validates it with `schema` and returns the output, or undefined after appending the
 * problems (bad YAML: one per parser error; a schema mismatch: one per zod issue).
 */
export function readYaml<S extends z.ZodType>(path: string, schema: S, root: string, problems: DataProblem[]): z.output<S> | undefined {
  const file = displayPath(path, root);
  const doc = parseDocument(readFileSync(path, 'utf8'), { prettyErrors: true });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) problems.push({ file, field: '', expected: '合法的 YAML', found: e.message.split('\n')[0] ?? e.message });
    return undefined;
  }
  const input: unknown = doc.toJS();
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    problems.push(...problemsFromZod(file, input, parsed.error));
    return undefined;
  }
  return parsed.data;
}
