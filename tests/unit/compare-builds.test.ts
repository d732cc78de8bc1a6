import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { compareBuilds } from '../../scripts/lib/compare-builds.ts';

const made: string[] = [];
afterEach(() => {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A built-site folder holding these files. */
function site(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'compare-builds-'));
  made.push(root);
  for (const [path, body] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), body);
  }
  return root;
}

const ics = (stamp: string, summary = '截止') => `BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTAMP:${stamp}\r\nSUMMARY:${summary}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`;
const xlsx = (mtime: Date, cell = '山西') => zipSync({ 'xl/worksheets/sheet1.xml': [new TextEncoder().encode(`<c>${cell}</c>`), { mtime }] });

describe('comparing a merged build with a single one', () => {
  it('finds none when only the generation instants differ (DTSTAMP, zip entry times)', () => {
    const a = site({ 'index.html': '<p>首页', 'exports/t.ics': ics('20261207T010000Z'), 'data/t.xlsx': xlsx(new Date('2026-12-07T01:00:00Z')) });
    const b = site({ 'index.html': '<p>首页', 'exports/t.ics': ics('20261207T023000Z'), 'data/t.xlsx': xlsx(new Date('2026-12-07T02:30:00Z')) });
    expect(compareBuilds(a, b)).toEqual([]);
  });

  it('names a changed page, a changed event, a changed cell, and a file either side lacks', () => {
    const a = site({ 'index.html': '<p>首页', 'a/index.html': 'x', 'exports/t.ics': ics('20261207T010000Z'), 'data/t.xlsx': xlsx(new Date('2026-01-01T00:00:00Z')) });
    const b = site({ 'index.html': '<p>首頁', 'b/index.html': 'x', 'exports/t.ics': ics('20261207T010000Z', '受理'), 'data/t.xlsx': xlsx(new Date('2026-01-01T00:00:00Z'), '江苏') });
    expect(compareBuilds(a, b)).toEqual([
      { path: 'a/index.html', kind: 'only-in-first' },
      { path: 'data/t.xlsx', kind: 'content' },
      { path: 'exports/t.ics', kind: 'content' },
      { path: 'index.html', kind: 'content' },
      { path: 'b/index.html', kind: 'only-in-second' },
    ]);
  });

  it('leaves out the paths it is told to skip', () => {
    const a = site({ 'index.html': 'x', 'shard.json': '{}' });
    const b = site({ 'index.html': 'x' });
    expect(compareBuilds(a, b, (p) => p === 'shard.json')).toEqual([]);
  });
});
