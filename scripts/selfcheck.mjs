#!/usr/bin/env node
/**
 * `npm run selfcheck`: runs the bundled CLI (.cache/cli/selfcheck.mjs), first (re)building it when it
 * is missing or older than any source it is built from (src/, scripts/selfcheck.ts and the logic it wires,
 * scripts/lib/selfcheck-cli.ts, package-lock.json) or than the data it snapshots (policies/). The bundle
 * also checks its snapshot against policies/ itself (see scripts/lib/selfcheck-cli.ts), so running it
 * directly never uses stale data.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUNDLE, ROOT, SNAPSHOT, buildCli } from './build-cli.mjs';

function newestUnder(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestUnder(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function stale() {
  if (!existsSync(BUNDLE) || !existsSync(SNAPSHOT)) return true;
  const built = statSync(BUNDLE).mtimeMs;
  const sources = Math.max(
    newestUnder(join(ROOT, 'src')),
    newestUnder(join(ROOT, 'policies')),
    statSync(join(ROOT, 'scripts', 'selfcheck.ts')).mtimeMs,
    statSync(join(ROOT, 'scripts', 'lib', 'selfcheck-cli.ts')).mtimeMs,
    statSync(join(ROOT, 'package-lock.json')).mtimeMs,
  );
  return sources > built;
}

if (stale()) await buildCli();
await import(pathToFileURL(BUNDLE).href);
