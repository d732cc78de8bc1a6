/**
 * The authoring assistant: starts a new policy from its original text.
 * Usage: npm run new-policy -- <policy-id> <path/to/source.txt> [--into <policies dir>] [--force]
 *
 * Writes <policies dir>/<policy-id>/ with source.txt (copied byte for byte), a policy.yaml skeleton
 * (sha256 recorded; title, issuer, document number, addressees and dates where the front matter gives
 * them) and draft/: the section tree with locators, every candidate fact with its verbatim quote,
 * contacts, and one proposed file per direction. `npm run check:data` then guides the author to a
 * passing corpus. Deterministic: the same text gives the same draft.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { extractDraft, type FieldInfo } from '../src/authoring/extract.ts';
import { draftFiles, policySkeleton } from '../src/authoring/draft-files.ts';

class Exit extends Error {
  constructor(message: string, readonly code: number) {
    super(message);
  }
}

/** Profile fields the registries declare (policies/fields.yaml and every policy's fields*.yaml). */
export function readFields(policiesDir: string): FieldInfo[] {
  const files: string[] = [];
  if (existsSync(join(policiesDir, 'fields.yaml'))) files.push(join(policiesDir, 'fields.yaml'));
  for (const d of readdirSync(policiesDir, { withFileTypes: true })) {
    if (!d.isDirectory()) continue;
    for (const n of readdirSync(join(policiesDir, d.name))) if (/^fields.*\.yaml$/.test(n)) files.push(join(policiesDir, d.name, n));
  }
  return files.flatMap((f) => {
    const doc = parse(readFileSync(f, 'utf8')) as { fields?: FieldInfo[] } | null;
    return (doc?.fields ?? []).filter((x) => typeof x?.id === 'string' && typeof x?.label === 'string');
  });
}

/** Runs the assistant; returns what it wrote. Throws Exit with a zh-CN message on bad input. */
export function newPolicy(id: string, sourcePath: string, policiesDir: string, force = false): { dir: string; files: string[] } {
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) throw new Exit(`政策 id 应为小写字母、数字和连字符，如 “shanxi-2027-item-type”；实际为 “${id}”`, 2);
  if (!existsSync(sourcePath)) throw new Exit(`找不到原文文件：${sourcePath}`, 2);
  const bytes = readFileSync(sourcePath);
  const source = bytes.toString('utf8');
  if (source.includes('\ufffd')) throw new Exit(`原文应为 UTF-8 文本：${sourcePath} 含无法解码的字节`, 2);
  const dir = join(policiesDir, id);
  if (existsSync(join(dir, 'policy.yaml')) && !force) throw new Exit(`${dir} 已有 policy.yaml；若要重新生成起草稿，加 --force（只覆盖 draft/，不动已写的数据）`, 2);
  const draft = extractDraft(source, readFields(policiesDir));
  const written: string[] = [];
  const write = (path: string, text: string | Buffer) => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    written.push(path);
  };
  write(join(dir, 'source.txt'), bytes);
  if (!existsSync(join(dir, 'policy.yaml'))) {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    write(join(dir, 'policy.yaml'), policySkeleton(draft, { id, seedFile: basename(sourcePath), sha256, source }));
  }
  rmSync(join(dir, 'draft'), { recursive: true, force: true });
  for (const [rel, text] of draftFiles(draft)) write(join(dir, 'draft', rel), text);
  return { dir, files: written };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  try {
    const args = process.argv.slice(2);
    const flag = (name: string) => {
      const i = args.indexOf(name);
      return i === -1 ? undefined : (args.splice(i, 2)[1] ?? '');
    };
    const force = args.includes('--force');
    const into = resolve(flag('--into') ?? 'policies');
    const [id, source] = args.filter((a) => a !== '--force');
    if (!id || !source) throw new Exit('用法：npm run new-policy -- <政策 id> <原文 source.txt 路径> [--into <policies 目录>] [--force]', 2);
    const t0 = performance.now();
    const { dir, files } = newPolicy(id, resolve(source), into, force);
    console.log(`已生成 ${dir}（${files.length} 个文件，${Math.round(performance.now() - t0)} ms）。`);
    console.log(`下一步：读 ${join(dir, 'draft', 'README.md')}，补全 policy.yaml，然后运行 npm run check:data。`);
  } catch (e) {
    if (e instanceof Exit) {
      console.error(e.message);
      process.exit(e.code);
    }
    throw e;
  }
}
