/**
 * Synthetic self-check profiles for the CLI benchmark: valid answers drawn from the field registry
 * (numbers within their bounds, options as listed, ISO dates), each question answered, left out or
 * answered 不确定 at random. Seeded, so every run draws the same firms.
 */
import type { Field } from '../../src/schemas/index.ts';
import { prng } from './prng.ts';

export function syntheticProfiles(fields: readonly Field[], n: number, seed = 15): Record<string, unknown>[] {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const asked = [...new Map(fields.filter((f) => f.type !== 'derived').map((f) => [f.id, f])).values()];
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < n; i++) {
    const p: Record<string, unknown> = {};
    for (const f of asked) {
      const r = rand();
      if (r < 0.3) continue;
      if (r < 0.35) {
        p[f.id] = '不确定';
        continue;
      }
      switch (f.type) {
        case 'number': {
          const min = f.min ?? 0;
          const max = f.max ?? (f.unit === '万元' ? 50_000 : f.unit === '%' ? 100 : 50);
          p[f.id] = Math.round((min + rand() * (max - min)) * 100) / 100;
          break;
        }
        case 'boolean':
          p[f.id] = rand() < 0.5;
          break;
        case 'choice':
          p[f.id] = f.multiple ? [pick(f.options)] : pick(f.options);
          break;
        case 'date':
          p[f.id] = `${2015 + Math.floor(rand() * 12)}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
          break;
      }
    }
    out.push(p);
  }
  return out;
}
