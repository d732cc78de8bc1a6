/**
 * The open data's flat tables, workbook, codebook and JSON Schema, built from the real corpus exactly as
 * the build does: each CSV parses back with as many rows as the JSON has items, every row cites a
 * quote found in its source, the workbook has the same rows, and every column and every field of the
 * JSON has a meaning.
 */
import { parse } from 'csv-parse/sync';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { getCorpus } from '../../src/lib/corpus.ts';
import { jsonCodebook, tableCodebook } from '../../src/lib/codebook.ts';
import { getOpenData, openDataJsonSchema } from '../../src/lib/open-data.ts';
import { TABLE_NAMES, tableColumns, tableCsv } from '../../src/lib/tables/index.ts';
import { workbookBytes } from '../../src/lib/tables/workbook.ts';
import { quoteFound } from '../../src/data/text.ts';
import { leafCriteria } from '../../src/model/criteria.ts';
import type { TableName } from '../../src/schemas/tables.ts';

const data = getOpenData();
const sources = new Map(getCorpus().policies.map((p) => [p.id, p.sourceText]));
const parsed = (t: TableName) => parse(tableCsv(t, data), { bom: true, columns: true, skip_empty_lines: false }) as Record<string, string>[];

/** Items per table, counted from the JSON independently of the table builders. */
function expectedRows(t: TableName): number {
  const sum = (f: (p: (typeof data.policies)[number]) => number) => data.policies.reduce((n, p) => n + f(p), 0);
  switch (t) {
    case 'directions':
      return sum((p) => p.directions.length);
    case 'criteria':
      return sum((p) => leafCriteria(p.eligibility).length + p.directions.reduce((n, d) => n + leafCriteria(d.criteria).length, 0));
    case 'support':
      return sum((p) =>
        p.directions.reduce((n, d) => {
          if (!d.support) return n;
          const f = d.support.formula;
          const parts = f.kind === 'parts' ? f.parts.length : f.kind === 'tiers' ? f.tiers.length : 1;
          const cap = (f.kind === 'rate' || f.kind === 'parts' || f.kind === 'tiers') && f.capWan !== undefined && f.capQuote !== undefined ? 1 : 0;
          return n + 1 + parts + cap + d.support.payments.length + d.support.notes.length;
        }, 0),
      );
    case 'dates':
      return sum((p) => p.dates.length);
    case 'rules':
      return sum((p) => p.rules.length);
    case 'contacts':
      return sum((p) => p.contacts.length);
    case 'crosswalk':
      return data.crosswalk.themes.reduce((n, th) => n + th.links.reduce((m, l) => m + l.directions.length, 0), 0) + data.crosswalk.noCounterpart.length;
  }
}

describe('flat tables', () => {
  it.each(TABLE_NAMES)('%s.csv starts with a BOM, parses back with the JSON’s row count, unique ids and a cited quote on every row', (t) => {
    const csv = tableCsv(t, data);
    expect(csv.startsWith('\ufeff')).toBe(true);
    const rows = parsed(t);
    expect(rows.length).toBe(expectedRows(t));
    expect(rows.length).toBeGreaterThan(0);
    expect(Object.keys(rows[0]!)).toEqual(tableColumns(t));
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    for (const r of rows) {
      expect(r.id, `${t} 行缺 id`).not.toBe('');
      expect(r.locator, `${t} ${r.id} 缺出处`).not.toBe('');
      const source = sources.get(r.policy!)!;
      // Crosswalk rows may join several clauses with “；”: each must be in the source.
      const quotes = t === 'crosswalk' && !quoteFound(r.quote!, source) ? r.quote!.split('；') : [r.quote!];
      for (const q of quotes) expect(quoteFound(q, source), `${t} ${r.id}：引文不在原文中：${q}`).toBe(true);
    }
  });

  it('criteria.csv spreads each leaf’s requirement over operator, value, unit and inclusive ends', () => {
    const rows = parsed('criteria');
    const threshold = rows.find((r) => r.kind === 'threshold' && r.operator === 'gte')!;
    expect(threshold).toMatchObject({ lower_inclusive: 'true', upper_inclusive: '', to_confirm: 'false' });
    expect(Number(threshold.value)).not.toBeNaN();
    expect(rows.filter((r) => r.to_confirm === 'true').every((r) => r.kind === 'confirm' && r.operator === '')).toBe(true);
    expect(rows.some((r) => r.kind === 'dateWindow' && r.upper_inclusive === 'false')).toBe(true);
    expect(rows.some((r) => r.direction === '' && r.id!.includes('/*/'))).toBe(true);
    expect(rows.some((r) => r.group_kind === 'any')).toBe(true);
  });

  it('the workbook opens with another library and has a sheet per table with the same rows and columns', async () => {
    const sheets = await readXlsxFile(Buffer.from(await workbookBytes(data)));
    expect(sheets.map((s) => s.sheet)).toEqual(TABLE_NAMES);
    for (const s of sheets) {
      const t = s.sheet as TableName;
      expect(s.data[0]).toEqual(tableColumns(t));
      expect(s.data.length - 1, t).toBe(expectedRows(t));
      // Same ids in the same order as the CSV.
      expect(s.data.slice(1).map((row) => row[0])).toEqual(parsed(t).map((r) => r.id));
    }
  });
});

describe('codebook and JSON Schema', () => {
  it.each(TABLE_NAMES)('gives every column of %s.csv a type, a meaning and (where the data has one) an example', (t) => {
    const book = tableCodebook(t, data);
    expect(book.map((e) => e.name)).toEqual(tableColumns(t));
    for (const e of book) {
      expect(e.meaning, `${t}.${e.name}`).not.toBe('');
      expect(e.type, `${t}.${e.name}`).not.toBe('');
    }
    expect(book.find((e) => e.name === 'id')!.example).toBe(parsed(t)[0]!.id);
  });

  it('gives every field that occurs in policies.json a meaning', () => {
    const book = jsonCodebook(data);
    for (const e of book) expect(e.meaning, e.name).not.toBe('');
    const described = new Set(book.map((e) => e.name.split('.').pop()!.replace(/\[\]$/, '')));
    const keys = new Set<string>();
    const walk = (v: unknown) => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) (keys.add(k), walk(x));
    };
    walk(JSON.parse(JSON.stringify(data)));
    expect([...keys].filter((k) => !described.has(k))).toEqual([]);
    // Units travel from the schema metadata.
    expect(book.find((e) => e.name.endsWith('support.formula.capWan'))!.unit).toBe('万元');
  });

  it('schema.json has a description on every property', () => {
    const missing: string[] = [];
    const walk = (n: unknown, path: string) => {
      if (Array.isArray(n)) return n.forEach((x, i) => walk(x, `${path}[${i}]`));
      if (n === null || typeof n !== 'object') return;
      const o = n as Record<string, unknown>;
      if (o.properties && typeof o.properties === 'object') {
        for (const [k, v] of Object.entries(o.properties as Record<string, { description?: string }>)) if (!v.description) missing.push(`${path}.${k}`);
      }
      for (const [k, v] of Object.entries(o)) walk(v, `${path}/${k}`);
    };
    const schema = openDataJsonSchema();
    walk(schema, '');
    expect(missing).toEqual([]);
    expect(JSON.stringify(schema)).toContain('"crosswalk"');
  });
});
