/**
 * Source coverage: every phone, email, date, amount, percentage and document number printed in a
 * policy's source.txt must be cited by some data item, or be listed in the policy's `ignored.yaml` with
 * a reason. So nothing a text prints is left unread without anyone having decided so.
 *
 * A figure counts as cited when a quote of the data spans it at any place the quote occurs: a clause
 * printed twice (a contact in two rows of a table, the same cap in two directions) is read in both.
 * Pure: no I/O.
 */
import { z } from 'zod';
import type { DataProblem } from '../data/errors.ts';
import { quoteSpans, stripSpace } from '../data/text.ts';
import { lineOfOffset } from '../lib/source-blocks.ts';
import { PRINTED_KINDS, PRINTED_KIND_LABEL, printedItems, type PrintedItem, type PrintedKind } from './patterns.ts';

/** `policies/<id>/ignored.yaml`: figures no data item needs to cite, each with the reason why. */
export const IgnoredEntry = z
  .object({
    /** Verbatim from source.txt (whitespace aside); every listed figure inside it is exempt. */
    quote: z.string().trim().min(2),
    /** Where it is, in the `at` form (附件1 / 一 / （二）). */
    at: z.string().trim().min(1),
    /** Why no data item cites it, e.g. “空白表格中的示例值”. */
    reason: z.string().trim().min(4, '需要写明不引用的理由'),
  })
  .strict();
export const IgnoredFile = z.object({ ignored: z.array(IgnoredEntry).default([]) }).strict();
export type IgnoredEntry = z.output<typeof IgnoredEntry>;

export const IGNORED_FILE = 'ignored.yaml';

export type ItemStatus = 'cited' | 'exempt' | 'uncited';

export interface CoverageItem extends PrintedItem {
  status: ItemStatus;
  /** For an exempt item: the reason its ignored.yaml entry gives. */
  reason?: string;
  /** 1-based line in source.txt. */
  line: number;
}

export interface PolicyCoverage {
  policy: string;
  items: CoverageItem[];
  /** Problems of the ignored.yaml itself (quote not in the source, an entry that exempts nothing). */
  problems: DataProblem[];
}

/** Every quote string in a data tree (keys quote, capQuote, methodQuote), wherever it sits. */
export function quotesIn(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) {
    for (const x of node) quotesIn(x, out);
  } else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if ((key === 'quote' || key === 'capQuote' || key === 'methodQuote') && typeof value === 'string') out.push(value);
      else if (key !== 'sourceText') quotesIn(value, out);
    }
  }
  return out;
}

/**
 * Classifies every printed figure of one policy as cited, exempt or uncited.
 * @param quotes every quote the policy's data carries (policy, directions, contacts, rules, crosswalk).
 * @param ignored the entries of the policy's ignored.yaml.
 * @param file the path of ignored.yaml, for problems.
 */
export function policyCoverage(policy: string, source: string, quotes: readonly string[], ignored: readonly IgnoredEntry[], file = `policies/${policy}/${IGNORED_FILE}`): PolicyCoverage {
  const problems: DataProblem[] = [];
  const cited = spans(quotes, source);
  const exemptSpans = ignored.map((e, i) => {
    const found = quoteSpans(e.quote, source);
    if (found.length === 0) problems.push({ file, field: `ignored[${i}].quote`, expected: '在 source.txt 中能找到的原文引文（仅忽略空白）', found: e.quote });
    return found;
  });
  const used = new Set<number>();
  const items = printedItems(source).map((item): CoverageItem => {
    const inside = ([a, b]: [number, number]) => a <= item.start && item.end <= b;
    let status: ItemStatus = 'uncited';
    let reason: string | undefined;
    if (cited.some(inside)) status = 'cited';
    else {
      const k = exemptSpans.findIndex((s) => s.some(inside));
      if (k !== -1) {
        status = 'exempt';
        reason = ignored[k]!.reason;
        used.add(k);
      }
    }
    return { ...item, status, ...(reason ? { reason } : {}), line: lineOfOffset(source, item.start) };
  });
  // Every exemption must still exempt something, or it hides nothing and only goes stale.
  ignored.forEach((e, i) => {
    if (exemptSpans[i]!.length > 0 && !used.has(i)) problems.push({ file, field: `ignored[${i}]`, expected: '至少豁免一项未被数据引用的数字（否则删去此条）', found: e.quote });
  });
  return { policy, items, problems };
}

function spans(quotes: readonly string[], source: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const seen = new Set<string>();
  for (const q of quotes) {
    const key = stripSpace(q);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(...quoteSpans(q, source));
  }
  return out;
}

/** Counts per kind and status. */
export function coverageCounts(c: PolicyCoverage): Record<PrintedKind, Record<ItemStatus, number>> {
  const out = Object.fromEntries(PRINTED_KINDS.map((k) => [k, { cited: 0, exempt: 0, uncited: 0 }])) as Record<PrintedKind, Record<ItemStatus, number>>;
  for (const item of c.items) out[item.kind][item.status]++;
  return out;
}

/** The uncited items as data problems, one per figure, naming the line and what to do. */
export function uncitedProblems(c: PolicyCoverage): DataProblem[] {
  return c.items
    .filter((x) => x.status === 'uncited')
    .map((x) => ({
      file: `policies/${c.policy}/source.txt`,
      field: `第 ${x.line} 行`,
      expected: `被某条数据引用的${PRINTED_KIND_LABEL[x.kind]}，或在 ${IGNORED_FILE} 中写明不引用的理由`,
      found: `未引用的${PRINTED_KIND_LABEL[x.kind]} “${x.text.replace(/[\s\u3000]+/g, ' ')}”`,
    }));
}

/** A one-line summary per policy: printed, cited, exempt, uncited, by kind. */
export function coverageLine(c: PolicyCoverage): string {
  const counts = coverageCounts(c);
  const parts = PRINTED_KINDS.filter((k) => counts[k].cited + counts[k].exempt + counts[k].uncited > 0).map((k) => {
    const n = counts[k];
    return `${PRINTED_KIND_LABEL[k]} ${n.cited + n.exempt + n.uncited}（引用 ${n.cited}，豁免 ${n.exempt}，未引用 ${n.uncited}）`;
  });
  return `${c.policy}：${parts.join('；') || '无'}`;
}
