/**
 * How many gzipped bytes of criteria data the self-check transfers for a one-policy scope.
 *
 * Read from what the build ships, whatever its layout: every JSON file under dist/self-check/. A file
 * whose path names a policy id is that policy's data, fetched only for a scope that includes the
 * policy; any other file is shared (fetched for every scope, e.g. one file of every criterion, or the
 * screening questions). A one-policy scope transfers the shared files plus its policy's files; the
 * figure is the largest over all policies. With a single shared file, every scope transfers all of it.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { walk } from './site.ts';

export interface ScopeBytes {
  /** gzipped bytes: shared files, plus the largest policy's own files. */
  worstGz: number;
  sharedGz: number;
  worstPolicy: string | null;
  worstPolicyGz: number;
  files: number;
  /** True when every criterion ships in shared files (no per-policy file). */
  sharedOnly: boolean;
}

export function selfCheckScopeBytes(dist: string, policyIds: readonly string[]): ScopeBytes {
  const dir = join(dist, 'self-check');
  const ids = [...policyIds].sort((a, b) => b.length - a.length); // longest first: ids may prefix each other
  let sharedGz = 0;
  let files = 0;
  const perPolicy = new Map<string, number>();
  walk(dir, (path) => {
    if (!path.endsWith('.json')) return;
    files++;
    const gz = gzipSync(readFileSync(path)).length;
    const rel = relative(dir, path);
    const owner = ids.find((id) => rel.includes(id));
    if (owner) perPolicy.set(owner, (perPolicy.get(owner) ?? 0) + gz);
    else sharedGz += gz;
  });
  let worstPolicy: string | null = null;
  let worstPolicyGz = 0;
  for (const [id, gz] of perPolicy) if (gz > worstPolicyGz) [worstPolicy, worstPolicyGz] = [id, gz];
  return { worstGz: sharedGz + worstPolicyGz, sharedGz, worstPolicy, worstPolicyGz, files, sharedOnly: perPolicy.size === 0 };
}
