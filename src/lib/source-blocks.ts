/**
 * Reads an original text (`source.txt`) into displayable blocks with stable anchors. The conversion
 * left tables in two shapes, both rebuilt here:
 * - one row per line, cells separated by tabs (Jiangsu, Shanxi 2020/2026);
 * - one cell per line, each prefixed by a tab, rows separated by blank lines, and long cells broken
 *   onto an untabbed continuation line (Shanxi 2023).
 * Anchors are `L<line>` of an element's first line; since source.txt never changes, they are stable.
 * Pure: no I/O.
 */
export type Block =
  | { kind: 'heading'; level: 2 | 3 | 4; text: string; line: number }
  | { kind: 'paragraph'; text: string; line: number }
  | { kind: 'table'; rows: Array<{ line: number; cells: Array<{ text: string; line: number }> }>; line: number };

export interface ParsedSource {
  blocks: Block[];
  /** For each 1-based line number, the anchor of the element that shows it. */
  anchorOfLine: string[];
}

const isBlank = (s: string) => s.trim() === '';
/** A line holding several tab-separated cells (one table row). */
const isTabRow = (s: string) => s.includes('\t') && s.replace(/^\t+/, '').includes('\t');
/** A line holding one cell, introduced by a tab. */
const isTabCell = (s: string) => s.startsWith('\t') && !isTabRow(s);
/** A tab and nothing else: an empty cell inside a one-cell-per-line table. */
const isEmptyCell = (s: string) => /^\t[ \t]*$/.test(s);

export function parseSource(text: string): ParsedSource {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  const anchorOfLine: string[] = new Array(lines.length + 2).fill('');
  const claim = (from: number, to: number, anchor: string) => {
    for (let n = from; n <= to; n++) anchorOfLine[n] = anchor;
  };

  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const n = i + 1;
    if (isBlank(line)) {
      i++;
      continue;
    }
    if (isTabRow(line)) {
      const rows: Extract<Block, { kind: 'table' }>['rows'] = [];
      while (i < lines.length && isTabRow(lines[i]!)) {
        const rowLine = i + 1;
        rows.push({ line: rowLine, cells: lines[i]!.split('\t').map((c) => ({ text: c.trim(), line: rowLine })) });
        claim(rowLine, rowLine, `L${rowLine}`);
        i++;
      }
      blocks.push({ kind: 'table', rows, line: n });
      continue;
    }
    if (isTabCell(line) && !isEmptyCell(line)) {
      const end = cellBlockEnd(lines, i);
      const table = cellTable(lines, i, end);
      if (table.rows.length >= 2) {
        for (const row of table.rows) {
          for (const cell of row.cells) claim(cell.line, cell.line, `L${row.line}`);
        }
        // Blank and continuation lines inside the block belong to the row above them.
        let current = `L${table.rows[0]!.line}`;
        for (let k = i + 1; k <= end + 1; k++) {
          if (anchorOfLine[k]) current = anchorOfLine[k]!;
          else anchorOfLine[k] = current;
        }
        blocks.push(table);
        i = end + 1;
        continue;
      }
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      const level = Math.min(4, Math.max(2, heading[1]!.length)) as 2 | 3 | 4;
      blocks.push({ kind: 'heading', level, text: heading[2]!.trim(), line: n });
    } else {
      blocks.push({ kind: 'paragraph', text: line.replace(/^\t+/, '').trim(), line: n });
    }
    claim(n, n, `L${n}`);
    i++;
  }
  // Blank lines between blocks point at the next element (trailing ones at the last), so every line
  // has an anchor.
  let next = [...anchorOfLine].reverse().find((a) => a) ?? 'L1';
  for (let k = lines.length; k >= 1; k--) {
    if (anchorOfLine[k]) next = anchorOfLine[k]!;
    else anchorOfLine[k] = next;
  }
  return { blocks, anchorOfLine };
}

/** Index (0-based) of the last line of a one-cell-per-line table that starts at `start`. */
function cellBlockEnd(lines: string[], start: number): number {
  let last = start;
  for (let k = start + 1; k < lines.length; k++) {
    const s = lines[k]!;
    if (isTabCell(s)) last = k;
    else if (isBlank(s)) continue;
    else if (s.trim().length <= 30 && !/[。；]$/.test(s.trim()) && nextNonBlankIsCell(lines, k)) last = k; // a wrapped cell's tail
    else break;
  }
  return last;
}

function nextNonBlankIsCell(lines: string[], from: number): boolean {
  for (let k = from + 1; k < lines.length; k++) {
    if (isBlank(lines[k]!)) continue;
    return isTabCell(lines[k]!);
  }
  return false;
}

/**
 * Rows of a one-cell-per-line table: groups separated by blank lines. A group whose first line has no
 * tab continues the previous row (a cell broken over a blank line), and its first line ends that cell.
 */
function cellTable(lines: string[], start: number, end: number): Extract<Block, { kind: 'table' }> {
  const rows: Extract<Block, { kind: 'table' }>['rows'] = [];
  let row: (typeof rows)[number] | undefined;
  let afterBlank = true;
  for (let k = start; k <= end; k++) {
    const s = lines[k]!;
    const n = k + 1;
    if (isBlank(s) && !(isEmptyCell(s) && row && !afterBlank)) {
      afterBlank = true;
      continue;
    }
    if (isTabCell(s)) {
      const headerWidth = rows[0]?.cells.length ?? Infinity;
      if (!row || (afterBlank && row.cells.length >= Math.min(headerWidth, 2))) {
        row = { line: n, cells: [] };
        rows.push(row);
      }
      row.cells.push({ text: s.trim(), line: n });
    } else if (row) {
      const last = row.cells[row.cells.length - 1];
      if (last) last.text += (last.text ? '\n' : '') + s.trim();
      else row.cells.push({ text: s.trim(), line: n });
    }
    afterBlank = false;
  }
  return { kind: 'table', rows, line: start + 1 };
}

const lineStartsCache = new Map<string, number[]>();

/** Offsets where each line begins, computed once per text. */
function lineStarts(text: string): number[] {
  let starts = lineStartsCache.get(text);
  if (!starts) {
    starts = [0];
    for (let k = 0; k < text.length; k++) if (text.charCodeAt(k) === 10) starts.push(k + 1);
    lineStartsCache.set(text, starts);
  }
  return starts;
}

/**
 * 1-based line number of a character offset, by binary search over the line starts: pages look up
 * thousands of quotes, and rescanning the text for each grew with the size of the corpus.
 */
export function lineOfOffset(text: string, offset: number): number {
  const starts = lineStarts(text);
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
