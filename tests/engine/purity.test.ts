/**
 * The engine must run identically in Node, the browser and the CLI: no I/O, no clock, no DOM, no
 * node: modules — and so must every module it imports, wherever it lives. The test follows the engine's
 * relative imports (type-only ones too: they are free at run time, but a rule that names them keeps the
 * engine's dependencies honest) and checks each file reached. Nothing in src/lib/ may be reached.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../../src', import.meta.url));
const engine = join(src, 'engine');
const files = readdirSync(engine).filter((f) => f.endsWith('.ts'));

const stripComments = (code: string) => code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');

/** Every project module the engine reaches through relative imports (value and type), as paths under src/. */
function reachable(): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const visit = (abs: string, from: string) => {
    const rel = relative(src, abs);
    if (seen.has(rel)) return seen.get(rel)!.push(from);
    seen.set(rel, [from]);
    const code = stripComments(readFileSync(abs, 'utf8'));
    for (const m of code.matchAll(/from\s+['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const target = resolve(dirname(abs), m[1]!);
      if (existsSync(target)) visit(target, rel);
    }
  };
  for (const f of files) visit(join(engine, f), '(engine)');
  return seen;
}
const modules = reachable();
// The schemas use zod by design (they are the validation boundary); every other module must be pure too.
const checked = [...modules.keys()].filter((m) => !m.startsWith('schemas/')).sort();

describe('engine purity', () => {
  it('has the modules the design names', () => {
    for (const m of ['profile.ts', 'parse-input.ts', 'derive.ts', 'evaluate.ts', 'support.ts', 'rules.ts', 'asof.ts', 'index.ts']) expect(files).toContain(m);
  });

  it('imports nothing from src/lib/ (directly or through another module)', () => {
    const lib = [...modules.entries()].filter(([m]) => m.startsWith('lib/')).map(([m, by]) => `${m} ← ${by.join(', ')}`);
    expect(lib).toEqual([]);
    // The walk reaches beyond the engine (model, text helpers), so the rule below covers those too.
    expect(checked.some((m) => m.startsWith('model/'))).toBe(true);
  });

  it.each(checked)('%s imports nothing from node, reads no clock, touches no DOM or process', (rel) => {
    const code = stripComments(readFileSync(join(src, rel), 'utf8'));
    expect(code).not.toMatch(/from\s+['"](node:|fs|path|os|child_process)/);
    expect(code).not.toMatch(/\bimport\(/);
    expect(code).not.toMatch(/Date\.now|new Date\(\)|performance\.now|Math\.random/);
    expect(code).not.toMatch(/\b(process|document|window|globalThis|localStorage)\.|\b(fetch|require)\(/);
    // Packages: zod only, and only at the profile boundary (see below).
    for (const m of code.matchAll(/from\s+['"]([^'".][^'"]*)['"]/g)) expect(m[1]).toBe('zod');
  });

  it('keeps zod out of everything the browser imports: only profile.ts (the CLI/form boundary) uses it', () => {
    // Walk the static value-import graph from index.ts; zod would add its weight to the self-check bundle.
    const seen = new Set<string>();
    const visit = (abs: string) => {
      if (seen.has(abs)) return;
      seen.add(abs);
      const code = readFileSync(abs, 'utf8');
      expect(code, `${relative(src, abs)} imports zod`).not.toMatch(/from\s+['"]zod['"]/);
      for (const m of code.matchAll(/^(?:import|export)\s[^;]*?from\s+['"](\.{1,2}\/[^'"]+\.ts)['"]/gm)) {
        if (code.slice(m.index, m.index + m[0].length).startsWith('import type')) continue;
        visit(resolve(dirname(abs), m[1]!));
      }
    };
    visit(join(engine, 'index.ts'));
    expect(seen.has(join(engine, 'profile.ts'))).toBe(false);
    expect(seen.size).toBeGreaterThan(5);
  });
});
