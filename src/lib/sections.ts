/**
 * The section tree of a notice, with every line's locator in the project's `at` form
 * (`附件1 / 一 / （三） / 1 / （1） / ①`). Reads the numbering the notices use:
 * 附件N > 一、 > （一） > 1. > （1） > ①, short untitled headings inside an attachment (承诺书, 填表说明),
 * and tables rebuilt by {@link parseSource}: a row's numbered cells (“(二) 标杆示范”, “1. …”) or its
 * 序号 extend the path, and a row without them continues the row above (merged cells).
 * Pure: no I/O.
 */
import { parseSource, lineOfOffset } from './source-blocks.ts';

export interface Section {
  /** The locator, e.g. `附件1 / 一 / （二）`. */
  at: string;
  /** The heading as printed, shortened. */
  title: string;
  /** 1-based line where it starts. */
  line: number;
  children: Section[];
}

export interface SectionTree {
  sections: Section[];
  /** Locator of every 1-based line (index 0 unused). */
  atOfLine: string[];
  /** Items that start inside a line: from column `col` of that line on, the locator is `at`. */
  marks: Array<Array<{ col: number; at: string }> | undefined>;
}

interface Frame {
  level: number;
  label: string;
  /** A letter-spaced title inside an attachment (承诺书): a document of its own. */
  document?: boolean;
  /** The heading's name after its marker, for comparing with a title that repeats it. */
  title?: string;
}

const compact = (s: string) => s.replace(/[\s\u3000]+/g, '').replace(/^(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十\d]{1,3}[、．.])/, '');

const CN = '[一二三四五六七八九十]{1,3}';
const MARKERS: Array<{ level: number; re: RegExp; label: (m: RegExpExecArray) => string }> = [
  { level: 1, re: new RegExp(`^(${CN})\\s*[、．.]`), label: (m) => m[1]! },
  { level: 2, re: new RegExp(`^[（(]\\s*(${CN})\\s*[）)]`), label: (m) => `（${m[1]}）` },
  // “3.5 天” is a number, not item 3; “2.2020年…” is item 2.
  { level: 3, re: /^(\d{1,2})\s*[.．、](?:(?!\d)|(?=\d{4}\s*年))/, label: (m) => m[1]! },
  { level: 4, re: /^[（(]\s*(\d{1,2})\s*[）)]/, label: (m) => `（${m[1]}）` },
  { level: 5, re: /^([\u2460-\u2473])/, label: (m) => m[1]! },
];
const ATTACHMENT = /^附件\s*(\d+(?:\s*[-－]\s*\d+)?)\s*[：:]?$/;

/**
 * A line without its layout: indentation, Markdown heading marks, list dashes and bold, HTML paragraph
 * tags, and private-use characters the conversion left (U+E004 after 2017's 主送).
 */
export function cleanLine(s: string): string {
  return s
    .replace(/<\/?p[^>]*>/g, '')
    .replace(/[\ue000-\uf8ff]/g, '')
    .replace(/\*\*/g, '')
    .replace(/^[\s\u3000]*#{1,6}[ \t]*/, '')
    .replace(/^[\s\u3000]*[-*][ \t]+/, '')
    .replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
}

/** The numbering marker a line (or table cell) starts with, if any. */
export function markerOf(text: string): Frame | undefined {
  const t = cleanLine(text);
  const a = ATTACHMENT.exec(t);
  if (a) return { level: 0, label: `附件${a[1]!.replace(/\s+/g, '').replace('－', '-')}` };
  for (const m of MARKERS) {
    const hit = m.re.exec(t);
    if (hit) return { level: m.level, label: m.label(hit) };
  }
  return undefined;
}

/** A short standalone heading inside an attachment: 承诺书, 填表说明, a table's name. */
function isNamedHeading(t: string): boolean {
  return t.length >= 2 && t.length <= 30 && !/[。；;，,：:、]/.test(t) && !/^[\d０-９(（]/.test(t) && !/[）)]$/.test(t) && !/^(?:…|\.\.\.)/.test(t) && !/^年\s*月\s*日$/.test(t);
}

/** A letter-spaced title (“承    诺    书”): a document of its own inside an attachment. */
const isSpacedTitle = (t: string) => /^[\u4e00-\u9fff](?:[ \u3000]+[\u4e00-\u9fff]){1,5}$/.test(t) && !/^年\s*月\s*日$/.test(t);

const pathOf = (stack: Frame[]) => stack.map((f) => f.label).join(' / ');

/**
 * Pushes a frame: everything at its level or deeper closes, and an attachment's 一、 also closes a named
 * heading directly under the attachment (承诺书 ends where the attachment's own numbering resumes).
 */
function push(stack: Frame[], frame: Frame): void {
  const closes = (top: Frame) => top.level >= frame.level || (frame.level === 1 && top.level > 0 && top.level < 1);
  while (stack.length > 0 && closes(stack[stack.length - 1]!)) stack.pop();
  stack.push(frame);
}

export function sectionTree(source: string): SectionTree {
  const { blocks } = parseSource(source);
  const lineCount = source.split('\n').length;
  const atOfLine: string[] = new Array(lineCount + 2).fill('');
  const flat: Array<{ at: string; title: string; line: number; depth: number }> = [];
  const stack: Frame[] = [];
  const lines = source.split('\n');
  const marks: Array<Array<{ col: number; at: string }>> = [];
  const front = { seen: [] as string[] };
  // The first paragraph after 附件N is the attachment's title, not a section.
  let titleUntil = -1;
  const open = (frame: Frame, title: string, line: number, into = stack) => {
    frame.title ??= title;
    push(into, frame);
    flat.push({ at: pathOf(into), title: title.slice(0, 40), line, depth: into.length });
  };
  /** A named heading closes the numbered items (1. / （1） / ①) and a named sibling, then nests. */
  const openNamed = (into: Frame[], label: string, title: string, line: number) => {
    const closes = (f: Frame) => f.level >= 3 || (!Number.isInteger(f.level) && !f.document);
    while (into.length > 1 && closes(into[into.length - 1]!)) into.pop();
    const top = into[into.length - 1]!;
    // Half a level below a numbered section; a quarter below a named one, so it never reads as 一、.
    open({ level: top.level + (Number.isInteger(top.level) ? 0.5 : 0.25), label }, title, line, into);
  };
  for (const [i, b] of blocks.entries()) {
    if (b.kind === 'table') {
      // A table continues its section; numbered cells nest below it for the table only.
      const local = [...stack];
      // A header cell right over the first numbered row names the rows (“具体核查内容” over “1. …”).
      const numbered = (r: (typeof b.rows)[number] | undefined) => markerOf(r?.cells.find((c) => c.text.trim())?.text ?? '')?.level === 3;
      const first = b.rows.findIndex(numbered);
      const head = first > 0 ? b.rows[first - 1] : undefined;
      const headCell = cleanLine(head?.cells[0]?.text ?? '');
      for (const [r, row] of b.rows.entries()) {
        if (head && r === first && isNamedHeading(headCell) && headCell !== '序号') {
          openNamed(local, headCell, headCell, head.line);
          for (const c of head.cells) atOfLine[c.line] = pathOf(local);
        }
        const cells = row.cells.map((c) => cleanLine(c.text));
        cells.forEach((c, k) => {
          const m = markerOf(c);
          if (m && m.level > 0) open(m, c, row.line, local);
          // 序号: a bare number in the first cell numbers the row.
          else if (k === 0 && /^\d{1,3}$/.test(c)) open({ level: 3, label: c }, c, row.line, local);
        });
        const at = pathOf(local);
        for (const c of row.cells) atOfLine[c.line] = at;
        atOfLine[row.line] = at;
      }
      continue;
    }
    const t = cleanLine(b.text);
    const m = markerOf(t);
    const inAttachment = stack.some((f) => f.level === 0);
    if (m) {
      open(m, t, b.line);
      if (m.level === 0) titleUntil = titleBlockEnd(blocks, i);
    } else if (!inAttachment && /^附件[：:]/.test(t)) {
      // The list of attachments after the body: its numbered lines are not the body's items.
      stack.length = 0;
      open({ level: 0.5, label: '附件清单' }, t, b.line);
    } else if (inAttachment && /^(注|说明|备注|填表说明|填写说明)\s*(?:[：:]|$)/.test(t)) {
      // 注：/ 说明：/ 填表说明 follow the items they explain, as their sibling.
      openNamed(stack, /^(\S+?)\s*(?:[：:]|$)/.exec(t)![1]!, t, b.line);
    } else if (inAttachment && b.line > titleUntil && isNamedHeading(t)) {
      const attachment = stack.findIndex((f) => f.level === 0);
      const here = stack[stack.length - 1]!;
      const sameAsHeading = compact(t) === compact(here.title ?? '');
      if (isSpacedTitle(t) && sameAsHeading) {
        // “（二）承诺书” then the form's own title “承 诺 书”: one section, not two.
      } else if (isSpacedTitle(t)) {
        // A letter-spaced title starts a document of its own: it closes every numbered section.
        stack.length = attachment + 1;
        open({ level: 0.5, label: t.replace(/[ \u3000]+/g, ''), document: true }, t, b.line);
      } else if (!(stack.length === attachment + 1 && nextMarkerLevel(blocks, i) === 1)) {
        // Named headings nest under the current section; a following named heading is its sibling.
        // Before an attachment's 一、 they are the rest of its title or cover, not a section.
        openNamed(stack, /^表[一二三四五六七八九十]+/.exec(t)?.[0] ?? t, t, b.line);
      }
    }
    atOfLine[b.line] = stack.length > 0 ? pathOf(stack) : frontMatter(t, front);
    if (stack.length === 0) front.seen.push(atOfLine[b.line]!);
    // Items that start inside the line, after a full stop: “…企业。（4）支持数量。不超过15个。”
    const raw = lines[b.line - 1]!;
    for (const hit of raw.matchAll(/(?<=[。；;])[\s\u3000*]*(?=[（(]\d{1,2}[）)]|\d{1,2}\s*[.．、](?!\d)|[\u2460-\u2473])/g)) {
      const inline = markerOf(raw.slice(hit.index + hit[0].length, hit.index + hit[0].length + 8));
      if (!inline || inline.level < 3 || stack.length === 0) continue;
      open(inline, raw.slice(hit.index + hit[0].length), b.line);
      (marks[b.line] ??= []).push({ col: hit.index + hit[0].length, at: pathOf(stack) });
    }
    const closing = closingLabel(t, lines, b.line, inAttachment);
    if (closing) atOfLine[b.line] = closing;
  }
  // Lines no block claims (blank lines, a cell's continuation) belong to the line above.
  let last = '';
  for (let n = 1; n < atOfLine.length; n++) {
    if (atOfLine[n]) last = atOfLine[n]!;
    else atOfLine[n] = last;
  }
  return { sections: nest(flat), atOfLine, marks };
}

/** Level of the next numbered paragraph after block `i` (tables aside), or undefined. */
function nextMarkerLevel(blocks: ReturnType<typeof parseSource>['blocks'], i: number): number | undefined {
  for (let k = i + 1; k < blocks.length; k++) {
    const b = blocks[k]!;
    if (b.kind === 'table') return undefined;
    const m = markerOf(b.text);
    if (m) return m.level;
  }
  return undefined;
}

/** Line of the last paragraph of the block of lines right after block `i` (an attachment's title). */
function titleBlockEnd(blocks: ReturnType<typeof parseSource>['blocks'], i: number): number {
  let end = -1;
  let prev = blocks[i]!.line;
  for (let k = i + 1; k < blocks.length; k++) {
    const b = blocks[k]!;
    if (b.kind === 'table') break;
    // The title is the first paragraph, possibly over two adjacent lines.
    if (end !== -1 && b.line > prev + 1) break;
    end = b.line;
    prev = b.line;
    if (end !== -1 && k > i + 2) break;
  }
  return end;
}

function nest(flat: Array<{ at: string; title: string; line: number; depth: number }>): Section[] {
  const roots: Section[] = [];
  const open: Array<{ depth: number; node: Section }> = [];
  for (const f of flat) {
    const node: Section = { at: f.at, title: f.title, line: f.line, children: [] };
    while (open.length > 0 && open[open.length - 1]!.depth >= f.depth) open.pop();
    (open.length > 0 ? open[open.length - 1]!.node.children : roots).push(node);
    open.push({ depth: f.depth, node });
  }
  return roots;
}

/** The locator of a character offset of the source. */
export function locatorAt(tree: SectionTree, source: string, offset: number): string {
  const line = lineOfOffset(source, offset);
  const col = offset - (source.lastIndexOf('\n', offset - 1) + 1);
  let at = tree.atOfLine[line] ?? '';
  for (const m of tree.marks[line] ?? []) if (m.col <= col) at = m.at;
  return at;
}

/**
 * Lines before the body's first numbered section: 版头 (the issuing office's banner and the document
 * number), 标题, 主送 (“各市工信局，…：”), then 前言.
 */
function frontMatter(t: string, front: { seen: string[] }): string {
  if (front.seen.includes('主送')) return '前言';
  if (/文件$/.test(t) || /[〔［[]\s*\d{4}\s*[〕］\]]\s*\d+\s*号/.test(t)) return '版头';
  if (/[：:]$/.test(t) && t.length <= 60 && !/。/.test(t)) return '主送';
  return '标题';
}

/** 落款 (the issuer and date under the body) and 版记 (公开类型, …印发) override the section. */
function closingLabel(t: string, lines: string[], line: number, inAttachment: boolean): string | undefined {
  if (/^公开类型/.test(t) || /\d\s*日\s*印(?:发)?$/.test(t)) return '版记';
  if (inAttachment) return undefined;
  const isDate = (s: string) => /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/.test(cleanLine(s));
  if (isDate(t)) return '落款';
  // The issuer's name on the line just above the date.
  const next = lines.slice(line).find((l) => l.trim() !== '');
  if (next !== undefined && isDate(next) && t.length <= 30 && !/[。；，：:]/.test(t)) return '落款';
  return undefined;
}

/**
 * The locator of a quoted span. A quote that opens with the last few characters of the line above
 * (copied so that it is unique: “…工厂。②项目备案…”) belongs where its body is, the next line.
 */
export function locatorOfSpan(tree: SectionTree, source: string, start: number, end: number): string {
  const lineEnd = source.indexOf('\n', start);
  const atLineStart = /^[\s\u3000]*$/.test(source.slice(source.lastIndexOf('\n', start - 1) + 1, start));
  if (!atLineStart && lineEnd !== -1 && lineEnd < end) {
    const head = source.slice(start, lineEnd).replace(/[\s\u3000]+/g, '').length;
    const total = source.slice(start, end).replace(/[\s\u3000]+/g, '').length;
    if (head > 0 && head < 15 && head * 3 < total) {
      const next = source.slice(lineEnd).search(/\S/);
      if (next !== -1) return locatorAt(tree, source, lineEnd + next);
    }
  }
  return locatorAt(tree, source, start);
}
