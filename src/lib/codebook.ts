/**
 * The codebook: every column of every flat table and every field of policies.json, with its type, unit,
 * meaning and an example. Generated, never hand-written: meanings and units come from the zod schemas'
 * metadata (`.describe()` / `.meta({ description, unit })`), types from their JSON Schema, examples from
 * the published data itself. Pure: takes the open data, returns plain rows.
 */
import { z } from 'zod';
import { OpenData } from '../schemas/open-data.ts';
import { TABLE_SCHEMAS, type TableName } from '../schemas/tables.ts';
import { TABLE_NAMES, tableRows } from './tables/index.ts';

export interface CodebookEntry {
  /** Column name, or the field's path in policies.json (`policies[].directions[].name`). */
  name: string;
  type: string;
  unit: string;
  meaning: string;
  /** A value from the data, or '' when no row has one. */
  example: string;
}

type JsonNode = {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  items?: JsonNode | JsonNode[];
  prefixItems?: JsonNode[];
  properties?: Record<string, JsonNode>;
  anyOf?: JsonNode[];
  oneOf?: JsonNode[];
  allOf?: JsonNode[];
  $ref?: string;
  description?: string;
  unit?: string;
  $defs?: Record<string, JsonNode>;
};

const toJson = (schema: z.ZodType): JsonNode => z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any', target: 'draft-2020-12' }) as JsonNode;

const EXAMPLE_MAX = 60;

function exampleOf(v: unknown): string | undefined {
  if (v === null || v === undefined || v === '') return undefined;
  if (Array.isArray(v)) {
    const scalars = v.filter((x) => typeof x !== 'object');
    return scalars.length > 0 ? clip(scalars.slice(0, 3).map(String).join('；')) : undefined;
  }
  if (typeof v === 'object') return undefined;
  return clip(String(v));
}

const clip = (raw: string) => {
  const s = raw.replace(/\s+/g, ' ').trim();
  return s.length > EXAMPLE_MAX ? s.slice(0, EXAMPLE_MAX - 1) + '…' : s;
};

/** A readable type: string, number, boolean, date, “a | b” for enums and constants, array<…>. */
function typeOf(n: JsonNode): string {
  if (n.$ref) return n.$ref.split('/').pop()!;
  if (n.const !== undefined) return JSON.stringify(n.const);
  if (n.enum) return n.enum.map((x) => JSON.stringify(x)).join(' | ');
  const variants = n.anyOf ?? n.oneOf;
  if (variants) return [...new Set(variants.map(typeOf))].join(' | ');
  if (n.allOf) return typeOf(n.allOf[n.allOf.length - 1]!);
  const t = Array.isArray(n.type) ? n.type.join(' | ') : n.type;
  if (t === 'array') {
    const items = Array.isArray(n.items) ? n.items[0] : n.items;
    return `array<${n.prefixItems ? n.prefixItems.map(typeOf).join(', ') : items ? typeOf(items) : 'unknown'}>`;
  }
  return t ?? 'any';
}

/** The codebook of one flat table: its columns in order, each with an example from the rows. */
export function tableCodebook(name: TableName, data: OpenData): CodebookEntry[] {
  const schema = toJson(TABLE_SCHEMAS[name]);
  const rows = tableRows(name, data) as Record<string, unknown>[];
  return Object.entries(schema.properties ?? {}).map(([col, node]) => ({
    name: col,
    type: typeOf(node).replace(' | null', '（可为空）'),
    unit: node.unit ?? '',
    meaning: node.description ?? '',
    example: rows.map((r) => exampleOf(r[col])).find((x) => x !== undefined) ?? '',
  }));
}

/**
 * The codebook of policies.json: every property path, walked through the JSON Schema alongside the data.
 * A `$ref` (the recursive criterion) is described once, at the path where it first appears; later
 * occurrences point there rather than repeat it.
 */
export function jsonCodebook(data: OpenData): CodebookEntry[] {
  const root = toJson(OpenData);
  const defs = root.$defs ?? {};
  const entries = new Map<string, CodebookEntry>();
  const defPath = new Map<string, string>();

  const record = (path: string, n: JsonNode, value: unknown) => {
    let e = entries.get(path);
    if (!e) {
      e = { name: path, type: typeOf(n), unit: n.unit ?? '', meaning: n.description ?? '', example: '' };
      entries.set(path, e);
    } else {
      const t = typeOf(n);
      if (!e.type.split(' | ').includes(t)) e.type = [...new Set([...e.type.split(' | '), ...t.split(' | ')])].join(' | ');
      if (!e.meaning && n.description) e.meaning = n.description;
      if (!e.unit && n.unit) e.unit = n.unit;
    }
    if (!e.example) e.example = exampleOf(value) ?? '';
  };

  /** Does `value` fit the object variant `n` (its constant discriminators agree)? */
  const fits = (n: JsonNode, value: unknown): boolean => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return n.type !== 'object' && !n.properties;
    for (const [k, p] of Object.entries(n.properties ?? {})) if (p.const !== undefined && (value as Record<string, unknown>)[k] !== p.const) return false;
    return true;
  };

  const visit = (n: JsonNode, path: string, value: unknown, seen: ReadonlySet<string>): void => {
    if (n.$ref) {
      const name = n.$ref.split('/').pop()!;
      const target = defs[name];
      if (!target) return;
      const first = defPath.get(name);
      if (first === undefined) defPath.set(name, path);
      // Without data, a ref already being walked would recurse forever; with data, the data ends it.
      if (value === undefined && seen.has(name)) return;
      visit(target, first ?? path, value, new Set([...seen, name]));
      return;
    }
    for (const v of n.anyOf ?? n.oneOf ?? []) visit(v, path, v.properties && !fits(v, value) ? undefined : value, seen);
    for (const v of n.allOf ?? []) visit(v, path, value, seen);
    if (n.properties) {
      const obj = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
      for (const [k, p] of Object.entries(n.properties)) {
        const child = path ? `${path}.${k}` : k;
        record(child, p, obj?.[k]);
        visit(p, child, obj?.[k], seen);
      }
    }
    const items = Array.isArray(n.items) ? undefined : n.items;
    if (items) {
      const list = Array.isArray(value) ? value : [undefined];
      for (const x of list.length > 0 ? list : [undefined]) visit(items, `${path}[]`, x, seen);
    }
  };
  visit(root, '', data, new Set());
  // A path reached through a shared $ref says so, instead of repeating every field under it.
  for (const [name, path] of defPath) {
    for (const e of entries.values()) {
      if (e.type === name && e.name !== path) e.meaning += `（结构同 ${path}）`;
      else if (e.type === `array<${name}>` && `${e.name}[]` !== path) e.meaning += `（每项结构同 ${path}）`;
    }
  }
  return [...entries.values()];
}

export interface CodebookSection {
  id: string;
  title: string;
  file: string;
  entries: CodebookEntry[];
}

/** Every table's codebook, then policies.json's. */
export function codebook(data: OpenData, titles: Record<TableName, string>): CodebookSection[] {
  return [
    ...TABLE_NAMES.map((t) => ({ id: t, title: titles[t], file: `${t}.csv`, entries: tableCodebook(t, data) })),
    { id: 'json', title: '全部政策的完整数据（JSON）；字段路径中的 [] 表示数组的每一项', file: 'policies.json', entries: jsonCodebook(data) },
  ];
}
