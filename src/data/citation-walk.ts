/**
 * Finds every quote in a data tree from its schema: a field is a quote when its schema carries the
 * citation mark (`QuoteText` in src/schemas/citation.ts), whatever the field is called. A new cited field
 * (`capQuote`, `methodQuote`, …) is checked as soon as its schema uses `QuoteText`; a field that merely
 * happens to be named `quote` is not mistaken for one.
 */
import { z } from 'zod';
import { isCitationSchema } from '../schemas/citation.ts';

type Def = { type: string; [k: string]: unknown };
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/**
 * Every citation in a data tree as the pair CitationFields defines: an object's `quote` with its `at`
 * (the cited fields without a place of their own, such as `capQuote`, are not pairs). The source text a
 * loaded policy carries is not walked.
 */
export function citationPairs(node: unknown): Array<{ quote: string; at: string }> {
  const out: Array<{ quote: string; at: string }> = [];
  const visit = (x: unknown): void => {
    if (Array.isArray(x)) return x.forEach(visit);
    if (x === null || typeof x !== 'object') return;
    const o = x as Record<string, unknown>;
    if (typeof o.quote === 'string' && typeof o.at === 'string') out.push({ quote: o.quote, at: o.at });
    for (const [k, v] of Object.entries(o)) if (k !== 'sourceText') visit(v);
  };
  visit(node);
  return out;
}

/** Calls `fn(path, quote)` for every string in `data` whose schema (in `schema`) is a citation. */
export function walkCitations(schema: z.ZodType, data: unknown, path: string, fn: (path: string, quote: string) => void): void {
  const seen = new Set<string>();
  const visit = (s: z.ZodType, value: unknown, at: string): void => {
    if (value === undefined || value === null) return;
    if (isCitationSchema(s)) {
      if (typeof value === 'string' && !seen.has(at)) {
        seen.add(at);
        fn(at, value);
      }
      return;
    }
    const def = defOf(s);
    switch (def.type) {
      case 'optional':
      case 'nullable':
      case 'default':
      case 'prefault':
      case 'readonly':
      case 'nonoptional':
      case 'catch':
        return visit(def.innerType as z.ZodType, value, at);
      case 'pipe':
        return visit(def.in as z.ZodType, value, at);
      case 'lazy':
        return visit((def.getter as () => z.ZodType)(), value, at);
      case 'intersection':
        visit(def.left as z.ZodType, value, at);
        return visit(def.right as z.ZodType, value, at);
      case 'array':
        if (Array.isArray(value)) value.forEach((v, i) => visit(def.element as z.ZodType, v, `${at}[${i}]`));
        return;
      case 'object': {
        if (typeof value !== 'object') return;
        const shape = (s as unknown as z.ZodObject).shape as Record<string, z.ZodType>;
        for (const [key, child] of Object.entries(shape)) visit(child, (value as Record<string, unknown>)[key], at ? `${at}.${key}` : key);
        return;
      }
      case 'union': {
        let options = def.options as z.ZodType[];
        const disc = def.discriminator as string | undefined;
        if (disc && typeof value === 'object') {
          // A discriminated union: only the option whose literal matches the data's discriminator.
          const want = (value as Record<string, unknown>)[disc];
          options = options.filter((o) => {
            const lit = (o as unknown as z.ZodObject).shape?.[disc];
            return lit !== undefined && (defOf(lit).values as unknown[] | undefined)?.includes(want);
          });
        }
        for (const o of options) visit(o, value, at);
        return;
      }
      default:
        return;
    }
  };
  visit(schema, data, path);
}
