import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { walkCitations } from '../../src/data/citation-walk.ts';
import { QuoteText } from '../../src/schemas/citation.ts';
import { Criterion, Direction } from '../../src/schemas/index.ts';

const found = (schema: z.ZodType, data: unknown) => {
  const out: string[] = [];
  walkCitations(schema, data, '', (path, quote) => out.push(`${path}=${quote}`));
  return out;
};

describe('quotes are found from the schemas’ citation mark, not by key name', () => {
  it('finds a cited field whatever it is called, and ignores a plain string called quote', () => {
    const S = z.object({ sourceLine: QuoteText.describe('a cited line'), quote: z.string(), list: z.array(z.object({ q: QuoteText.optional() })) });
    expect(found(S, { sourceLine: '原文一', quote: '不是引文', list: [{ q: '原文二' }, {}] })).toEqual(['sourceLine=原文一', 'list[0].q=原文二']);
  });
  it('follows discriminated unions by their kind, down nested criteria', () => {
    const c = { id: 'g', kind: 'all', label: '一组条件', quote: '外层', at: '一', items: [{ id: 'x', kind: 'confirm', label: '内层条件', quote: '内层', at: '二' }] };
    expect(found(Criterion, Criterion.parse(c))).toEqual(['quote=外层', 'items[0].quote=内层']);
  });
  it('reaches support clauses (methodQuote, capQuote) of a direction', () => {
    const support = { method: 'subsidy', methodQuote: '予以补助', methodAt: '二', formula: { kind: 'rate', part: { base: 'b', baseLabel: 'B', ratePct: 10, quote: '10%', at: '二' }, capWan: 5, capQuote: '最高5万元' } };
    const paths = found(Direction.shape.support, support).map((x) => x.split('=')[0]);
    expect(paths).toEqual(['methodQuote', 'formula.part.quote', 'formula.capQuote']);
  });
});
