/**
 * The open data as built (dist/): /data/ links every download with its true size and the data version,
 * the files are there and parse, and the codebook page names every column of every table.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';

/** The pages without Astro's scoped-style attributes, so the markup can be matched plainly. */
const page = (file: string) => readFileSync(file, 'utf8').replace(/ data-astro-cid-\w+/g, '');
const html = page('dist/data/index.html');
const codebook = page('dist/data/codebook/index.html');
/** toContain without printing a whole page when it fails. */
const contains = (text: string, part: string, what = part) => expect(text.includes(part), `页面中应有 ${what}`).toBe(true);
const policiesJson = readFileSync('dist/data/policies.json', 'utf8');
const data = JSON.parse(policiesJson) as {
  generated: string;
  policies: { id: string; source: { sha256: string }; directions: unknown[]; contacts: unknown[]; dates: unknown[]; rules: unknown[] }[];
};
const TABLES = ['directions', 'criteria', 'support', 'dates', 'rules', 'crosswalk', 'contacts'];

const downloads = [...html.matchAll(/<a href="([^"]+)" download data-bytes="(\d+)">([^<]+)<\/a>\s*<span class="size">（([^）]+)）<\/span>/g)].map((m) => ({
  href: m[1]!,
  bytes: Number(m[2]),
  file: m[3]!,
  shown: m[4]!,
}));

describe('/data/ over dist', () => {
  it('links every table, the workbook, the JSON files and the contact and calendar exports', () => {
    const hrefs = downloads.map((d) => d.href);
    const expected = [
      ...TABLES.map((t) => `/data/${t}.csv`),
      '/data/tables.xlsx',
      '/data/policies.json',
      '/data/schema.json',
      ...data.policies.map((p) => `/data/${p.id}.json`),
      '/exports/contacts.csv',
      '/exports/contacts.vcf',
      '/exports/timeline.ics',
    ];
    expect([...hrefs].sort()).toEqual([...expected].sort());
    contains(html, 'href="/data/codebook/"');
  });

  it('states each file’s true size', () => {
    for (const d of downloads) {
      const size = statSync(`dist${d.href}`).size;
      expect(d.bytes, d.href).toBe(size);
      const kb = size / 1024;
      expect(d.shown, d.href).toBe(kb < 1024 ? `${kb.toFixed(1)} KB` : `${(kb / 1024).toFixed(1)} MB`);
    }
  });

  it('shows the data version: build date, the hash of policies.json and every source’s sha256', () => {
    contains(html, `datetime="${data.generated}"`);
    contains(html, createHash('sha256').update(policiesJson).digest('hex').slice(0, 12));
    for (const p of data.policies) contains(html, p.source.sha256);
  });

  it('says how to cite the data and on what terms it may be reused', () => {
    contains(html, 'id="cite"');
    contains(html, 'CC BY 4.0');
    contains(html, 'creativecommons.org/licenses/by/4.0/');
    contains(html, '政府机关公开发布的文件');
  });

  it('serves CSVs with a BOM whose row counts match policies.json', () => {
    const count = (k: 'directions' | 'contacts' | 'dates' | 'rules') => data.policies.reduce((n, p) => n + p[k].length, 0);
    for (const t of ['directions', 'contacts', 'dates', 'rules'] as const) {
      const text = readFileSync(`dist/data/${t}.csv`, 'utf8');
      expect(text.charCodeAt(0), t).toBe(0xfeff);
      expect((parse(text, { bom: true, columns: true }) as unknown[]).length, t).toBe(count(t));
    }
  });

  it('the codebook page has a section for every table and policies.json, naming every column', () => {
    for (const t of TABLES) {
      contains(codebook, `id="${t}"`);
      const header = readFileSync(`dist/data/${t}.csv`, 'utf8').replace(/^\ufeff/, '').split('\r\n')[0]!.split(',');
      for (const col of header) contains(codebook, `<code>${col}</code>`, `${t}.${col}`);
    }
    contains(codebook, 'id="json"');
    contains(codebook, '<code>policies[].directions[].support.formula.capWan</code>');
  });
});
