import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { join, relative } from 'node:path';
import type { z } from 'zod';
import { ContactFile, Direction, FieldFile, PolicyFile, RuleFile } from '../schemas/index.ts';
import { DataError, describeFound, type DataProblem } from './errors.ts';
import { checkCorpus } from './checks.ts';
import { recordOrigin } from './origin.ts';
import type { Corpus, LoadResult, Policy } from './types.ts';
import { displayPath, readYaml } from './yaml.ts';

export type { Corpus, LoadResult, Policy } from './types.ts';

/**
 * Loads every policy under `policiesDir`, validates it against the schemas and runs the integrity and
 * citation checks. Never throws for bad data: every problem is returned, so an author sees them all.
 */
export function loadCorpusUnchecked(policiesDir: string, projectRoot = join(policiesDir, '..')): LoadResult {
  const problems: DataProblem[] = [];
  const sharedFieldsPath = join(policiesDir, 'fields.yaml');
  const sharedFields = existsSync(sharedFieldsPath) ? (readYaml(sharedFieldsPath, FieldFile, projectRoot, problems)?.fields ?? []) : [];
  for (const f of sharedFields) recordOrigin(f, displayPath(sharedFieldsPath, projectRoot));
  const policies: Policy[] = [];
  const folders = readdirSync(policiesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  for (const folder of folders) {
    const dir = join(policiesDir, folder);
    const rel = (p: string) => relative(projectRoot, p);
    const policyPath = join(dir, 'policy.yaml');
    if (!existsSync(policyPath)) {
      problems.push({ file: rel(dir), field: '', expected: '含 policy.yaml 的政策文件夹', found: '没有 policy.yaml' });
      continue;
    }
    const meta = readYaml(policyPath, PolicyFile, projectRoot, problems);
    const sourcePath = join(dir, 'source.txt');
    const sourceText = existsSync(sourcePath) ? readFileSync(sourcePath, 'utf8') : '';
    if (!existsSync(sourcePath)) problems.push({ file: rel(sourcePath), field: '', expected: '原文 source.txt', found: '（缺失）' });
    const directionsDir = join(dir, 'directions');
    const directions: Direction[] = [];
    if (existsSync(directionsDir)) {
      for (const name of readdirSync(directionsDir).filter((n) => n.endsWith('.yaml')).sort()) {
        const path = join(directionsDir, name);
        const d = readYaml(path, Direction, projectRoot, problems);
        if (!d) continue;
        recordOrigin(d, displayPath(path, projectRoot));
        const expectedId = name.replace(/\.yaml$/, '');
        if (d.id !== expectedId) problems.push({ file: rel(path), field: 'id', expected: `与文件名一致的 “${expectedId}”`, found: describeFound(d.id) });
        directions.push(d);
      }
    }
    /** Every `<prefix>*.yaml` of the folder, its items each recorded with the file they came from. */
    const many = <S extends z.ZodType, T extends object>(prefix: string, schema: S, items: (file: z.output<S>) => T[]): T[] =>
      readdirSync(dir)
        .filter((n) => n.startsWith(prefix) && n.endsWith('.yaml'))
        .sort()
        .flatMap((n) => {
          const path = join(dir, n);
          const parsed = readYaml(path, schema, projectRoot, problems);
          const list = parsed === undefined ? [] : items(parsed);
          for (const item of list) recordOrigin(item, displayPath(path, projectRoot));
          return list;
        });
    const contacts = many('contacts', ContactFile, (f) => f.contacts);
    const rules = many('rules', RuleFile, (f) => f.rules);
    const fields = many('fields', FieldFile, (f) => f.fields);
    if (!meta) continue;
    if (meta.id !== folder) problems.push({ file: rel(policyPath), field: 'id', expected: `与文件夹名一致的 “${folder}”`, found: describeFound(meta.id) });
    directions.sort((a, b) => programmeOrder(meta, a) - programmeOrder(meta, b) || a.order - b.order);
    policies.push({ ...meta, directions, contacts, rules, fields, sourceText });
  }
  policies.sort(corpusOrder);
  const corpus: Corpus = { policies, fields: [...sharedFields, ...policies.flatMap((p) => p.fields)] };
  problems.push(...checkCorpus(corpus));
  return { corpus, problems };
}

/** The corpus's order of policies: by province (as Chinese collates it), then year; folder order breaks ties. */
export function corpusOrder(a: { province: string; year: number }, b: { province: string; year: number }): number {
  return a.province.localeCompare(b.province, 'zh') || a.year - b.year;
}

/**
 * Every policy's id, province and year, in corpus order, read from the policy.yaml files alone: what the
 * sharded build needs to plan its steps, without holding the whole corpus (its data, source texts and
 * checks) in the process that runs them. Unreadable files are skipped: the build that follows reports them.
 */
export function policyIndex(policiesDir: string): Array<{ id: string; province: string; year: number }> {
  const out: Array<{ id: string; province: string; year: number }> = [];
  const folders = readdirSync(policiesDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  for (const folder of folders) {
    const path = join(policiesDir, folder, 'policy.yaml');
    if (!existsSync(path)) continue;
    const meta = parseDocument(readFileSync(path, 'utf8')).toJS() as { id?: unknown; province?: unknown; year?: unknown } | null;
    if (typeof meta?.id === 'string' && typeof meta.province === 'string' && typeof meta.year === 'number') out.push({ id: meta.id, province: meta.province, year: meta.year });
  }
  return out.sort(corpusOrder);
}

function programmeOrder(meta: PolicyFile, d: Direction): number {
  return meta.programmes.find((p) => p.id === d.programme)?.order ?? 999;
}

/** Loads the corpus or throws a DataError listing every problem. */
export function loadCorpus(policiesDir: string, projectRoot?: string): Corpus {
  const { corpus, problems } = loadCorpusUnchecked(policiesDir, projectRoot);
  if (problems.length > 0) throw new DataError(problems);
  return corpus;
}
