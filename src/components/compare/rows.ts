/**
 * The side-by-side table of a theme page, as data: one column per direction, one row per aspect, each
 * cell a list of entries. Every figure is an entry with the link to its quote; silence is an entry too
 * (原文未载明), never an empty cell. Cells whose content differs from the rest of their row are marked,
 * computed here so the page only renders.
 */
import { allCriteria } from '../../model/criteria.ts';
import type { Policy } from '../../data/load.ts';
import { quoteHref, directionUrl } from '../../lib/citations.ts';
import { criterionFormula } from '../../lib/criteria-text.ts';
import { describeKeyDate } from '../../lib/dates.ts';
import { supportMethods } from '../../model/support.ts';
import { formatWan } from '../../lib/format.ts';
import { displayName } from '../../data/text.ts';
import { applicableCriteria } from '../../model/criteria.ts';
import { DATE_KIND_LABEL, NOT_STATED, SUPPORT_METHOD_LABEL, type Direction, type Field } from '../../schemas/index.ts';

/** One thing shown in a cell. */
export interface Entry {
  text: string;
  /** Link to the quote (figures and facts) or, for counts, to the section of the direction page. */
  href?: string;
  /** `fig`: a cited fact; `count`: a number we counted; `silent`: the text says nothing. */
  kind: 'fig' | 'count' | 'silent';
  /** Small print after the entry, e.g. （全政策）. */
  note?: string;
}

export interface Column {
  policy: Policy;
  direction: Direction;
}

export interface Row {
  id: string;
  label: string;
  cells: Entry[][];
  /** Per cell: whether its content differs from the row's common value. */
  differs: boolean[];
}

const silent = (text: string = NOT_STATED): Entry => ({ text, kind: 'silent' });

/** Applicants: the printed wording, or the silence note. */
function applicants(c: Column): Entry[] {
  const a = c.direction.applicants;
  return ['text' in a ? { text: a.text, href: quoteHref(c.policy, a.quote), kind: 'fig' } : silent(a.note ? `${NOT_STATED}（${a.note}）` : NOT_STATED)];
}

/** Every threshold that applies, the policy-wide ones marked. */
function thresholds(c: Column, fields: ReadonlyMap<string, Field>): Entry[] {
  const own = new Set(allCriteria(c.direction.criteria));
  const list = allCriteria(applicableCriteria(c.policy, c.direction)).filter((x) => x.kind === 'threshold');
  if (list.length === 0) return [silent('原文未载明数量门槛')];
  return list.map((x) => ({ text: criterionFormula(x, fields) ?? x.label, href: quoteHref(c.policy, x.quote), kind: 'fig', ...(own.has(x) ? {} : { note: '（全政策）' }) }));
}

function method(c: Column): Entry[] {
  const { policy, direction: d } = c;
  if (!d.support) return [silent(policy.kind === 'funding-call' ? '原文未载明支持方式' : '指导性文件，无资金支持')];
  const out: Entry[] = [{ text: supportMethods(d.support).map((m) => SUPPORT_METHOD_LABEL[m]).join('或'), href: quoteHref(policy, d.support.methodQuote), kind: 'fig' }];
  if (d.applyFree) out.push({ text: '免申即享', href: quoteHref(policy, d.applyFree.quote), kind: 'fig' });
  if (d.schemeSeparately) out.push({ text: '具体方案另行通知', href: quoteHref(policy, d.schemeSeparately.quote), kind: 'fig' });
  return out;
}

function rate(c: Column): Entry[] {
  const f = c.direction.support?.formula;
  if (!f) return [silent('—')];
  if (f.kind === 'rate') return [{ text: `${f.part.baseLabel}的 ${f.part.ratePct}%`, href: quoteHref(c.policy, f.part.quote), kind: 'fig' }];
  if (f.kind === 'parts') return f.parts.map((p) => ({ text: `${p.baseLabel}的 ${p.ratePct}%`, href: quoteHref(c.policy, p.quote), kind: 'fig' }));
  if (f.kind === 'upTo' && f.baseLabel) return [{ text: `按${f.baseLabel}（原文未载明比例）`, href: quoteHref(c.policy, f.quote), kind: 'silent' }];
  return [silent('原文未载明比例')];
}

/** Caps, fixed amounts and tier amounts: everything the text says about how much. */
function amounts(c: Column): Entry[] {
  const f = c.direction.support?.formula;
  if (!f) return [silent('—')];
  const out: Entry[] = [];
  if (f.kind === 'fixed') out.push({ text: `定额 ${formatWan(f.amountWan)}`, href: quoteHref(c.policy, f.quote), kind: 'fig' });
  if (f.kind === 'upTo') out.push({ text: `最高 ${formatWan(f.capWan)}`, href: quoteHref(c.policy, f.quote), kind: 'fig' });
  if (f.kind === 'tiers') {
    for (const t of f.tiers) out.push(t.amountWan !== undefined ? { text: `${t.label}：${formatWan(t.amountWan)}`, href: quoteHref(c.policy, t.quote), kind: 'fig' } : { text: `${t.label}：原文未载明金额`, href: quoteHref(c.policy, t.quote), kind: 'silent' });
  }
  if ((f.kind === 'rate' || f.kind === 'parts' || f.kind === 'tiers') && f.capWan !== undefined && f.capQuote) {
    out.push({ text: `最高 ${formatWan(f.capWan)}`, href: quoteHref(c.policy, f.capQuote), kind: 'fig' });
  }
  if ((f.kind === 'rate' || f.kind === 'parts') && f.capWan === undefined) out.push(silent('原文未载明上限'));
  if (f.kind === 'notStated') out.push({ text: '原文未载明金额', href: quoteHref(c.policy, f.quote), kind: 'silent' });
  // A formula kind this table does not know yet still shows a cell, never an empty one.
  return out.length > 0 ? out : [silent('原文未载明金额')];
}

function payments(c: Column): Entry[] {
  const list = c.direction.support?.payments ?? [];
  if (!c.direction.support) return [silent('—')];
  if (list.length === 0) return [silent('原文未载明分期')];
  return list.map((p) => ({
    text: `${p.label}${p.sharePct !== undefined ? ` ${p.sharePct}%` : ''}${p.amountWan !== undefined ? ` ${formatWan(p.amountWan)}` : ''}`,
    href: quoteHref(c.policy, p.quote),
    kind: 'fig',
  }));
}

function quota(c: Column): Entry[] {
  const q = c.direction.quota;
  return ['quote' in q ? { text: q.text, href: quoteHref(c.policy, q.quote), kind: 'fig' } : silent('原文未载明数量')];
}

/** Date-window criteria, then the dates that apply (the direction's and the policy's), issue dates aside. */
function windows(c: Column, fields: ReadonlyMap<string, Field>): Entry[] {
  const { policy, direction: d } = c;
  const out: Entry[] = allCriteria(applicableCriteria(policy, d))
    .filter((x) => x.kind === 'dateWindow')
    .map((x) => ({ text: criterionFormula(x, fields) ?? x.label, href: quoteHref(policy, x.quote), kind: 'fig' }));
  const dates = [...d.dates, ...policy.dates.filter((k) => k.directions.length === 0 || k.directions.includes(d.id))].filter((k) => k.kind !== 'issued');
  for (const k of dates) out.push({ text: `${k.label}：${describeKeyDate(k)}`, href: quoteHref(policy, k.quote), kind: 'fig', note: `（${DATE_KIND_LABEL[k.kind]}）` });
  return out.length > 0 ? out : [silent('原文未载明时间要求')];
}

function materials(c: Column): Entry[] {
  const own = c.direction.materials.length;
  const common = c.policy.materials.length;
  if (own + common === 0) return [silent('原文未载明材料')];
  return [{ text: `本方向 ${own} 项 + 通用 ${common} 项`, href: `${directionUrl(c.policy.id, c.direction.id)}#materials`, kind: 'count' }];
}

/** The departments of the contacts who handle the direction, each linked to the contact row it comes from. */
function departments(c: Column): Entry[] {
  const seen = new Map<string, Entry>();
  for (const person of c.policy.contacts) {
    if (!person.directions.includes(c.direction.id)) continue;
    const name = `${displayName(person.organisation)} ${displayName(person.department)}`;
    if (!seen.has(name)) seen.set(name, { text: name, href: quoteHref(c.policy, person.quote), kind: 'fig' });
  }
  return seen.size > 0 ? [...seen.values()] : [silent('原文未载明受理处室')];
}

/** What two cells are compared on: their texts, in order. */
export function cellKey(cell: readonly Entry[]): string {
  return cell.map((e) => e.text).join('\u0000');
}

/**
 * Which cells of a row differ from the row's common value. The common value is the one most cells
 * share, if exactly one value is the most shared by at least two cells; cells holding it are not
 * marked. Otherwise (every cell different, or a tie) every cell is marked. A uniform row marks none.
 */
export function differingCells(keys: readonly string[]): boolean[] {
  if (keys.length < 2 || keys.every((k) => k === keys[0])) return keys.map(() => false);
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  const top = Math.max(...counts.values());
  const modes = [...counts].filter(([, n]) => n === top).map(([k]) => k);
  const common = top >= 2 && modes.length === 1 ? modes[0] : undefined;
  return keys.map((k) => k !== common);
}

/** The rows of a theme's table for its columns. */
export function compareRows(columns: readonly Column[], fields: ReadonlyMap<string, Field>): Row[] {
  const specs: Array<{ id: string; label: string; cell: (c: Column) => Entry[] }> = [
    { id: 'applicants', label: '申报主体', cell: applicants },
    { id: 'thresholds', label: '数量门槛（含单位）', cell: (c) => thresholds(c, fields) },
    { id: 'method', label: '支持方式', cell: method },
    { id: 'rate', label: '支持比例', cell: rate },
    { id: 'amounts', label: '上限、定额与分档金额', cell: amounts },
    { id: 'payments', label: '分期拨付', cell: payments },
    { id: 'quota', label: '支持数量', cell: quota },
    { id: 'windows', label: '时间要求与日期', cell: (c) => windows(c, fields) },
    { id: 'materials', label: '申报材料（项数）', cell: materials },
    { id: 'departments', label: '受理处室', cell: departments },
  ];
  return specs.map((s) => {
    const cells = columns.map(s.cell);
    return { id: s.id, label: s.label, cells, differs: differingCells(cells.map(cellKey)) };
  });
}
