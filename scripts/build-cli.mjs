/**
 * Bundles the self-check CLI ahead of time, so a call starts in a fraction of what tsx needs:
 * scripts/selfcheck.ts (and scripts/lib/selfcheck-cli.ts, which it wires) → .cache/cli/selfcheck.mjs
 * (esbuild, ESM, code split so that the YAML loader and zod's JSON Schema output load only when needed),
 * then writes .cache/cli/engine-data.json, the engine's data read from policies/ and checked once.
 *
 * Run by scripts/selfcheck.mjs (`npm run selfcheck`) whenever a source is newer than the bundle, and
 * by `npm run build:cli`. Plain JavaScript: it must run before anything is compiled.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const OUT_DIR = join(ROOT, '.cache', 'cli');
export const BUNDLE = join(OUT_DIR, 'selfcheck.mjs');
export const SNAPSHOT = join(OUT_DIR, 'engine-data.json');

export async function buildCli() {
  // Built beside the old one and swapped in at the end, so a call running meanwhile never sees half a bundle.
  const tmp = `${OUT_DIR}.${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  await build({
    entryPoints: { selfcheck: join(ROOT, 'scripts', 'selfcheck.ts') },
    outdir: tmp,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    // Some bundled packages still call require() for Node built-ins.
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  execFileSync(process.execPath, [join(tmp, 'selfcheck.mjs'), '--write-snapshot', join(tmp, 'engine-data.json')], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, POLICIES_DIR: '' } });
  rmSync(OUT_DIR, { recursive: true, force: true });
  renameSync(tmp, OUT_DIR);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildCli();
  console.log(`已生成 ${BUNDLE} 与 ${SNAPSHOT}`);
}
