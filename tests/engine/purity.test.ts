/**
 * The engine must run identically in Node, the browser and the CLI: no I/O, no clock, no DOM, no
 * node: modules. A quick look at its sources keeps it that way.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dir = fileURLToPath(new URL('../../src/engine', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));

describe('engine purity', () => {
  it('has the modules the design names', () => {
    for (const m of ['profile.ts', 'parse-input.ts', 'derive.ts', 'evaluate.ts', 'support.ts', 'rules.ts', 'asof.ts', 'index.ts']) expect(files).toContain(m);
  });
  it.each(files)('%s imports nothing from node, reads no clock, touches no DOM or process', (file) => {
    const code = readFileSync(join(dir, file), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\/\/.*$/gm, '');
    expect(code).not.toMatch(/from\s+['"](node:|fs|path|os|child_process)/);
    expect(code).not.toMatch(/\bimport\(/);
    expect(code).not.toMatch(/Date\.now|new Date\(|performance\.now|Math\.random/);
    expect(code).not.toMatch(/\b(process|document|window|globalThis|localStorage)\.|\b(fetch|require)\(/);
    // Imports stay inside the project's pure modules (schemas, text and date helpers, the zod-free model) or zod.
    for (const m of code.matchAll(/from\s+['"]([^'"]+)['"]/g)) expect(m[1]).toMatch(/^(\.\/[\w-]+\.ts|\.\.\/schemas\/index\.ts|\.\.\/data\/text\.ts|\.\.\/lib\/dates\.ts|\.\.\/model\/[\w-]+\.ts|zod)$/);
  });
  it('keeps zod out of everything the browser imports: only profile.ts (the CLI/form boundary) uses it', () => {
    // Walk the static import graph from index.ts; zod would add its weight to the self-check bundle.
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const code = readFileSync(join(dir, file), 'utf8');
      expect(code, `${file} imports zod`).not.toMatch(/from\s+['"]zod['"]/);
      for (const m of code.matchAll(/^(?:import|export)\s[^;]*?from\s+['"]\.\/([\w-]+\.ts)['"]/gm)) {
        if (!code.slice(m.index, m.index + m[0].length).startsWith('import type')) visit(m[1]!);
      }
    };
    visit('index.ts');
    expect(seen.has('profile.ts')).toBe(false);
    expect(seen.size).toBeGreaterThan(5);
  });
  it.each(['../../src/data/text.ts', '../../src/lib/dates.ts'])('the shared helper %s it uses is pure too', (rel) => {
    const code = readFileSync(fileURLToPath(new URL(rel, import.meta.url)), 'utf8');
    expect(code).not.toMatch(/from\s+['"](node:|fs|path|os|child_process)/);
    expect(code).not.toMatch(/\b(process|document|window|localStorage)\./);
  });
});
