import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { CombinationRule, Contact, Direction, PolicyFile, type Criterion, type Field, type KeyDate } from '../schemas/index.ts';
import { walkCitations } from './citation-walk.ts';
import type { DataProblem } from './errors.ts';
import { describeFound } from './errors.ts';
import { originOf } from './origin.ts';
import type { Corpus, Policy } from './types.ts';
import { Unit } from '../schemas/units.ts';
import { SUPPORT_METHOD_LABEL } from '../schemas/support.ts';
import { dateBound, numberBound, sideOf } from '../model/reading-rules.ts';
import { numbersInQuote, quoteFound, stripSpace, unitsAfterNumber } from './text.ts';

/**
 * Integrity and citation checks over a schema-valid corpus. Each problem names the file and field.
 * - every `quote` is in its source (whitespace aside) and every figure of a fact is in its quote;
 * - ids are unique and every reference resolves;
 * - date windows run forwards; source.txt matches its recorded hash.
 */
export function checkCorpus(corpus: Corpus): DataProblem[] {
  const problems: DataProblem[] = [];
  const fieldIds = new Map<string, Field>();
  for (const f of corpus.fields) {
    if (fieldIds.has(f.id)) problems.push({ file: originOf(f, 'policies/**/fields.yaml'), field: `fields.${f.id}`, expected: '唯一的字段 id', found: `重复的 “${f.id}”` });
    fieldIds.set(f.id, f);
  }
  for (const f of corpus.fields) {
    if (f.type === 'derived') {
      for (const dep of f.derive.of) {
        if (!fieldIds.has(dep)) problems.push({ file: originOf(f, 'policies/**/fields.yaml'), field: `fields.${f.id}.derive.of`, expected: '已登记的字段 id', found: describeFound(dep) });
      }
    }
  }
  const policyIds = new Set<string>();
  for (const p of corpus.policies) {
    if (policyIds.has(p.id)) problems.push({ file: `policies/${p.id}/policy.yaml`, field: 'id', expected: '唯一的政策 id', found: describeFound(p.id) });
    policyIds.add(p.id);
    problems.push(...checkPolicy(p, fieldIds));
  }
  return problems;
}

function checkPolicy(p: Policy, fields: Map<string, Field>): DataProblem[] {
  const problems: DataProblem[] = [];
  const base = `policies/${p.id}`;
  const policyFile = `${base}/policy.yaml`;
  const add = (file: string, field: string, expected: string, found: unknown) =>
    problems.push({ file, field, expected, found: typeof found === 'string' && found.startsWith('（') ? found : describeFound(found) });

  const hash = createHash('sha256').update(p.sourceText).digest('hex');
  if (hash !== p.source.sha256) add(`${base}/source.txt`, '', `与 policy.yaml 记录的 sha256 ${p.source.sha256.slice(0, 12)}… 一致的原文（不得改动原文）`, `sha256 ${hash.slice(0, 12)}…`);

  // Citations: every object that carries a quote, anywhere in the policy's data.
  const cite = (file: string, schema: z.ZodType, root: unknown, prefix: string) =>
    walkCitations(schema, root, prefix, (path, quote) => {
      if (!quoteFound(quote, p.sourceText)) add(file, path, '在 source.txt 中能找到的原文引文（仅忽略空白）', quote);
    });
  const { directions, contacts, rules, fields: _f, sourceText: _s, ...meta } = p;
  cite(policyFile, PolicyFile, meta, '');
  for (const d of directions) cite(originOf(d, `${base}/directions/${d.id}.yaml`), Direction, d, '');
  // Contacts and rules may be split over several files (rules.yaml, rules-b.yaml): each is checked
  // under its own file, at its index in that file.
  const contactsAt = located(contacts, `${base}/contacts.yaml`);
  const rulesAt = located(rules, `${base}/rules.yaml`);
  for (const { item, file, index } of contactsAt) cite(file, Contact, item, `contacts[${index}]`);
  for (const { item, file, index } of rulesAt) cite(file, CombinationRule, item, `rules[${index}]`);

  // Unique ids.
  const unique = (file: string, field: string, ids: string[]) => {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) add(file, field, '唯一的 id', `重复的 “${id}”`);
      seen.add(id);
    }
  };
  unique(policyFile, 'programmes', p.programmes.map((x) => x.id));
  unique(`${base}/directions`, 'id', directions.map((d) => d.id));
  unique(contactsAt[0]?.file ?? `${base}/contacts.yaml`, 'contacts', contacts.map((c) => c.id));
  unique(rulesAt[0]?.file ?? `${base}/rules.yaml`, 'rules', rules.map((r) => r.id));
  unique(policyFile, 'provisions', p.provisions.map((x) => x.id));
  unique(`${base}/**`, 'dates', [...p.dates, ...directions.flatMap((d) => d.dates)].map((x) => x.id));
  unique(policyFile, 'eligibility', allCriteria(p.eligibility).map((c) => c.id));

  const directionIds = new Set(directions.map((d) => d.id));
  const programmeIds = new Set(p.programmes.map((x) => x.id));
  const refDirections = (file: string, field: string, ids: readonly string[]) =>
    ids.forEach((id, i) => {
      if (!directionIds.has(id)) add(file, `${field}[${i}]`, `本政策已有的方向 id（${[...directionIds].slice(0, 4).join(', ')}…）`, id);
    });

  for (const { item: c, file, index: i } of contactsAt) {
    refDirections(file, `contacts[${i}].directions`, c.directions);
    const q = stripSpace(c.quote);
    if (!q.includes(stripSpace(c.name))) add(file, `contacts[${i}].name`, '出现在该联系人引文中的姓名', c.name);
    c.phones.forEach((ph, j) => {
      if (!q.includes(ph)) add(file, `contacts[${i}].phones[${j}]`, '出现在该联系人引文中的电话', ph);
    });
    if (c.email && !q.includes(c.email)) add(file, `contacts[${i}].email`, '出现在该联系人引文中的邮箱', c.email);
  }
  for (const { item: r, file, index: i } of rulesAt) refDirections(file, `rules[${i}].directions`, r.directions);
  p.dates.forEach((d, i) => checkDate(d, policyFile, `dates[${i}]`, refDirections, add));
  // The as-of date the text implies is a printed date like any other: its year, month and day in its quote.
  if (p.asOf) checkDate({ ...p.asOf, id: 'as-of', kind: 'statistics-period', shape: 'day', directions: [], yearFromIssueDate: false }, policyFile, 'asOf', refDirections, add);
  checkCriteria(p.eligibility, policyFile, 'eligibility', fields, refDirections, add);

  for (const d of directions) {
    const file = originOf(d, `${base}/directions/${d.id}.yaml`);
    if (!programmeIds.has(d.programme)) add(file, 'programme', `policy.yaml 中的专项 id（${[...programmeIds].join(', ')}）`, d.programme);
    unique(file, 'criteria', allCriteria(d.criteria).map((c) => c.id));
    unique(file, 'materials', d.materials.map((m) => m.id));
    checkCriteria(d.criteria, file, 'criteria', fields, refDirections, add);
    d.dates.forEach((k, i) => checkDate(k, file, `dates[${i}]`, refDirections, add));
    if ('quote' in d.quota) {
      const q = d.quota;
      for (const key of ['max', 'min', 'target'] as const) {
        const v = q[key];
        if (v !== undefined && !numbersInQuote(q.quote).has(v)) add(file, `quota.${key}`, '出现在支持数量引文中的数字', v);
      }
    }
    if (d.support) {
      const f = d.support.formula;
      // A method the applicant may choose instead must be named in the method's clause (“贴息或补助”).
      (d.support.alsoMethods ?? []).forEach((m, i) => {
        if (!stripSpace(d.support!.methodQuote).includes(SUPPORT_METHOD_LABEL[m])) add(file, `support.alsoMethods[${i}]`, `支持方式引文中印有的方式（${SUPPORT_METHOD_LABEL[m]}）`, d.support!.methodQuote);
      });
      const num = (path: string, v: number | undefined, quote: string | undefined) => {
        if (v === undefined) return;
        if (quote === undefined) return add(file, path, '同时给出引文（capQuote）', '（缺失）');
        if (!numbersInQuote(quote).has(v)) add(file, path, '出现在其引文中的数字', v);
      };
      const rate = (path: string, part: { base: string; ratePct: number; quote: string }) => {
        num(`${path}.ratePct`, part.ratePct, part.quote);
        if (!fields.has(part.base)) add(file, `${path}.base`, '已登记的字段 id', part.base);
      };
      if (f.kind === 'rate') {
        rate('support.formula.part', f.part);
        num('support.formula.capWan', f.capWan, f.capQuote);
      } else if (f.kind === 'parts') {
        f.parts.forEach((part, i) => rate(`support.formula.parts[${i}]`, part));
        num('support.formula.capWan', f.capWan, f.capQuote);
      } else if (f.kind === 'fixed') num('support.formula.amountWan', f.amountWan, f.quote);
      else if (f.kind === 'upTo') {
        num('support.formula.capWan', f.capWan, f.quote);
        if (f.base !== undefined && !fields.has(f.base)) add(file, 'support.formula.base', '已登记的字段 id', f.base);
      }
      else if (f.kind === 'tiers') {
        f.tiers.forEach((t, i) => num(`support.formula.tiers[${i}].amountWan`, t.amountWan, t.quote));
        num('support.formula.capWan', f.capWan, f.capQuote);
      }
      d.support.payments.forEach((pay, i) => {
        num(`support.payments[${i}].sharePct`, pay.sharePct, pay.quote);
        num(`support.payments[${i}].amountWan`, pay.amountWan, pay.quote);
      });
    }
  }
  return problems;
}

/** Each item with the file it came from and its index within that file. */
function located<T extends object>(items: readonly T[], fallback: string): { item: T; file: string; index: number }[] {
  const counts = new Map<string, number>();
  return items.map((item) => {
    const file = originOf(item, fallback);
    const index = counts.get(file) ?? 0;
    counts.set(file, index + 1);
    return { item, file, index };
  });
}

type Add = (file: string, field: string, expected: string, found: unknown) => void;
type RefCheck = (file: string, field: string, ids: readonly string[]) => void;

function checkDate(d: KeyDate, file: string, path: string, refDirections: RefCheck, add: Add) {
  refDirections(file, `${path}.directions`, d.directions);
  const nums = numbersInQuote(d.quote);
  const parts = (iso: string, name: string) => {
    const [y, m, day] = iso.split('-').map(Number) as [number, number, number];
    if (!d.yearFromIssueDate && !nums.has(y)) add(file, `${path}.${name}`, `引文中印有的年份 ${y}`, d.quote);
    if (!nums.has(m) || !nums.has(day)) add(file, `${path}.${name}`, `引文中印有的月、日（${m}月${day}日）`, d.quote);
  };
  if (d.shape === 'day') parts(d.date, 'date');
  if (d.shape === 'window') {
    parts(d.start, 'start');
    parts(d.end, 'end');
    if (d.start > d.end) add(file, `${path}.end`, `不早于开始日 ${d.start} 的结束日`, d.end);
  }
  if (d.shape === 'recurring' && d.from && d.until && d.until < d.from) add(file, `${path}.until`, `不早于 ${d.from} 的日期`, d.until);
  if (d.shape === 'years') {
    for (const [key, y] of [['startYear', d.startYear], ['endYear', d.endYear]] as const) {
      if (!nums.has(y)) add(file, `${path}.${key}`, `引文中印有的年份 ${y}`, d.quote);
    }
    if (d.startYear > d.endYear) add(file, `${path}.endYear`, `不早于 ${d.startYear} 的年份`, d.endYear);
  }
}

function checkCriteria(list: Criterion[], file: string, path: string, fields: Map<string, Field>, refDirections: RefCheck, add: Add) {
  list.forEach((c, i) => checkCriterion(c, file, `${path}[${i}]`, fields, refDirections, add));
}

function checkCriterion(c: Criterion, file: string, path: string, fields: Map<string, Field>, refDirections: RefCheck, add: Add) {
  if (c.exceptDirections) refDirections(file, `${path}.exceptDirections`, c.exceptDirections);
  if (c.kind === 'all' || c.kind === 'any') return checkCriteria(c.items, file, `${path}.items`, fields, refDirections, add);
  if (c.kind === 'not') return checkCriterion(c.item, file, `${path}.item`, fields, refDirections, add);
  if (c.kind === 'confirm') return;
  const field = fields.get(c.field);
  if (!field) return add(file, `${path}.field`, '已登记的字段 id（policies/fields.yaml 或本政策 fields.yaml）', c.field);
  const nums = numbersInQuote(c.quote);
  if (c.kind === 'threshold') {
    if (field.type !== 'number' && field.type !== 'derived') add(file, `${path}.field`, '数值型字段', `${c.field}（${field.type}）`);
    else if (field.unit !== c.unit) add(file, `${path}.unit`, `与字段 ${c.field} 一致的单位 “${field.unit}”`, c.unit);
    if (!nums.has(c.value)) add(file, `${path}.value`, '出现在该条件引文中的数字', c.value);
    checkNumberWording(c, file, path, add);
    // Amounts are converted (1亿元 → 10000 万元), so only other units must be printed as stored.
    const printed = c.unit === '万元' ? [] : unitsAfterNumber(c.quote, c.value, Unit.options);
    if (printed.length > 0 && !printed.includes(c.unit)) add(file, `${path}.unit`, `引文中数字 ${c.value} 后印的单位 “${printed[0]}”`, c.unit);
  }
  if (c.kind === 'boolean' && field.type !== 'boolean') add(file, `${path}.field`, '是/否字段', `${c.field}（${field.type}）`);
  if (c.kind === 'oneOf') {
    if (field.type !== 'choice') add(file, `${path}.field`, '选择型字段', `${c.field}（${field.type}）`);
    else c.values.forEach((v, j) => {
      if (!field.options.includes(v)) add(file, `${path}.values[${j}]`, `字段 ${c.field} 的选项之一`, v);
    });
  }
  if (c.kind === 'dateWindow' || c.kind === 'withinYears') {
    if (field.type !== 'date') add(file, `${path}.field`, '日期字段', `${c.field}（${field.type}）`);
  }
  if (c.kind === 'withinYears' && !nums.has(c.years)) add(file, `${path}.years`, '出现在该条件引文中的年数', c.years);
  if (c.kind === 'dateWindow') {
    for (const [key, iso] of [['from', c.from], ['to', c.to]] as const) {
      if (!iso) continue;
      checkDateWording(c, key, iso, file, path, add);
      const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
      if (!nums.has(y) || !nums.has(m) || !nums.has(d)) add(file, `${path}.${key}`, `引文中印有的日期 ${iso}`, c.quote);
    }
  }
}

const LOWER: ReadonlySet<string> = new Set(['gte', 'gt']);

/**
 * A threshold's `op` must say what its words say, as the reading rules read them (README, 读法): 以上 and
 * 不低于 are ≥, 超过 is >, 不超过 and 以内 are ≤, 未满 is <. A bound worded no way the rules know is reported,
 * so a new phrase gets a rule instead of a silent reading.
 */
function checkNumberWording(c: Extract<Criterion, { kind: 'threshold' }>, file: string, path: string, add: Add) {
  const b = numberBound(c.quote, c.value);
  if (!b) return add(file, `${path}.quote`, `数字 ${c.value} 前后有读法表中的边界用语（以上、不低于、不超过、未满、超过、（含）…）`, c.quote);
  const side = sideOf(b);
  const lower = LOWER.has(c.op);
  if ((side === 'lower' && !lower) || (side === 'upper' && lower)) return add(file, `${path}.op`, `与“${b.phrase}”方向一致的比较（${side === 'lower' ? 'gte/gt' : 'lte/lt'}）`, c.op);
  if (b.reading === 'inclusive' && (c.op === 'gt' || c.op === 'lt')) add(file, `${path}.op`, `“${b.phrase}”含本数：${lower ? 'gte' : 'lte'}`, c.op);
  if (b.reading === 'exclusive' && (c.op === 'gte' || c.op === 'lte')) add(file, `${path}.op`, `“${b.phrase}”不含本数：${lower ? 'gt' : 'lt'}`, c.op);
}

/** A window end printed with （含） must be inclusive in the data; other phrases are read by the engine. */
function checkDateWording(c: Extract<Criterion, { kind: 'dateWindow' }>, key: 'from' | 'to', iso: string, file: string, path: string, add: Add) {
  const b = dateBound(c.quote, iso, key);
  if (!b) return add(file, `${path}.quote`, `日期 ${iso} 后有读法表中的用语（（含）、前、以前、后、以后、截至、至）`, c.quote);
  const inclusive = key === 'from' ? c.fromInclusive : c.toInclusive;
  if (b.reading === 'inclusive' && inclusive === false) add(file, `${path}.${key}Inclusive`, `“${b.phrase}”含当日：true`, inclusive);
}

/** Every criterion in a tree, depth first (one definition, in the model). */
export { allCriteria } from '../model/criteria.ts';
import { allCriteria } from '../model/criteria.ts';
