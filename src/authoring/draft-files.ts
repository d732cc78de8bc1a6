/**
 * Turns a {@link Draft} into the files `npm run new-policy` writes: a policy.yaml skeleton and the
 * draft/ folder (section tree, candidate facts, contacts, one proposed file per direction). Returns
 * path → text, so the CLI only writes and tests can read without a disk. Pure: no I/O.
 */
import { stringify } from 'yaml';
import type { CandidateFact, Draft } from './extract.ts';
import { PRINTED_KIND_LABEL } from './patterns.ts';
import type { Section } from '../lib/sections.ts';

const UNITS = new Set(['万元', '%', '个', '项', '家', '年', '吨', '万吨', '人', '件', '次']);
const yaml = (v: unknown) => stringify(v, { lineWidth: 0 });

export interface SkeletonInput {
  id: string;
  seedFile: string;
  sha256: string;
  source: string;
}

/** The policy.yaml skeleton: what the front matter gives, cited; the rest left for the author. */
export function policySkeleton(draft: Draft, input: SkeletonInput): string {
  const { front } = draft;
  const count = (s: string) => input.source.split(s).length - 1;
  const province = count('山西') > count('江苏') ? '山西' : count('江苏') > 0 ? '江苏' : undefined;
  const yearText = front.docNumber?.text.match(/[〔［[]\s*(\d{4})/)?.[1] ?? front.issued?.date?.iso.slice(0, 4);
  const kind = /实施意见/.test(front.title?.text ?? '') ? 'implementation-opinion' : /申报/.test(input.source) ? 'funding-call' : 'work-notice';
  const programmes = [...new Map(draft.directions.filter((d) => d.programme).map((d) => [d.programme!.at, d.programme!])).values()];
  const dates: unknown[] = [];
  const day = (id: string, kindName: string, label: string, f: CandidateFact | undefined) => {
    if (f?.date && /^\d{4}-\d{2}-\d{2}$/.test(f.date.iso)) dates.push({ id, kind: kindName, shape: 'day', label, date: f.date.iso, quote: f.quote, at: f.at });
  };
  day('issued', 'issued', '发文日期', front.issued);
  day('deadline', 'deadline', '申报截止', front.deadline);
  const body: Record<string, unknown> = {
    id: input.id,
    ...(province ? { province } : {}),
    ...(yearText ? { year: Number(yearText) } : {}),
    kind,
    ...(front.title ? { title: front.title } : {}),
    ...(front.issuer ? { issuer: front.issuer } : {}),
    ...(front.docNumber ? { docNumber: front.docNumber } : {}),
    ...(front.addressees ? { addressees: front.addressees } : {}),
    programmes: programmes.map((p, i) => ({ id: `programme-${i + 1}`, name: p.name, level: '专项', order: i + 1, quote: p.name, at: p.at })),
    dates,
    source: { seedFile: input.seedFile, sha256: input.sha256 },
  };
  const missing = ['province', 'year', 'title', 'issuer', 'docNumber', 'addressees'].filter((k) => !(k in body));
  return [
    `# 由 npm run new-policy 从 source.txt 生成的骨架。每一项都须与原文核对；引文（quote）须逐字摘自 source.txt。`,
    `# 还须补写：shortTitle（本站短名）${missing.length ? '、' + missing.join('、') + '（原文未载明的写 { notStated: true, note: … }）' : ''}。`,
    `# 专项（programmes）的 id 请改成有意义的小写英文 id；候选事实见 draft/facts.yaml。`,
    yaml(body),
  ].join('\n');
}

/** Every file of the draft/ folder, keyed by path relative to draft/. */
export function draftFiles(draft: Draft): Map<string, string> {
  const files = new Map<string, string>();
  const byKind = new Map<string, CandidateFact[]>();
  for (const f of draft.facts) byKind.set(f.kind, [...(byKind.get(f.kind) ?? []), f]);
  const label = (k: string) => (PRINTED_KIND_LABEL as Record<string, string>)[k] ?? (k === 'quota' ? '支持数量' : '门槛');
  const counts = [...byKind].map(([k, v]) => `${label(k)} ${v.length}`).join('，');
  files.set(
    'README.md',
    [
      '# 起草稿（完成后删除本文件夹）',
      '',
      `自动读出：${draft.sections.length} 个顶层章节，${counts}，${draft.contacts.length} 位联系人，${draft.directions.length} 个候选方向。`,
      '',
      '1. `sections.yaml`：章节树，`at` 即数据里的出处写法。',
      '   `tables.yaml`：原文中的表格按行重建（转换时拆到多行的单元格已合并），每行带出处。',
      '2. `facts.yaml`：原文印有的每个电话、邮箱、日期、文号、金额、百分比、支持数量和门槛，各带逐字引文、出处和行号；能对上已有问卷字段的写了 `field`。',
      '3. `contacts.yaml`：从联系表和“联系人：”行读出的人。核对后补上 id、organisation、level、directions，移到 `../contacts.yaml`。',
      '4. `directions/`：每个像方向的标题一个文件，带本节内的门槛（已匹配字段的写成 threshold 条件）和支持数量。核对、补写 summary、support，改好 id 后移到 `../directions/`。',
      '5. 运行 `npm run check:data`，按提示逐条修正，直到通过；最后一关是原文覆盖：每个印出的数字都要被数据引用，或在 `../ignored.yaml` 写明理由。',
      '',
    ].join('\n'),
  );
  files.set('sections.yaml', yaml({ sections: draft.sections.map(sectionOut) }));
  files.set('tables.yaml', `# 原文中的表格，按行重建（拆行的单元格已合并），每行带出处。\n${yaml({ tables: draft.tables })}`);
  const factOut = (f: CandidateFact) => ({
    text: f.text,
    ...(f.value !== undefined ? { value: f.value } : {}),
    ...(f.unit ? { unit: f.unit } : {}),
    ...(f.op ? { op: f.op } : {}),
    ...(f.date ? { date: f.date.iso, yearPrinted: f.date.yearPrinted, inclusive: f.date.inclusive, ...(f.date.side ? { side: f.date.side } : {}) } : {}),
    ...(f.field ? { field: f.field } : {}),
    quote: f.quote,
    at: f.at,
    line: f.line,
  });
  const facts: Record<string, unknown> = {};
  for (const k of ['phone', 'email', 'date', 'docNumber', 'amount', 'percentage', 'quota', 'threshold']) facts[k] = (byKind.get(k) ?? []).map(factOut);
  files.set('facts.yaml', `# 候选事实（按种类）。value 已换算：金额为万元；日期保留 前/后/（含）。\n${yaml(facts)}`);
  files.set(
    'contacts.yaml',
    `# 候选联系人：核对后补上 id、organisation、level、directions 再移到 ../contacts.yaml。\n${yaml({
      contacts: draft.contacts.map((c) => ({ name: c.name, ...(c.department ? { department: c.department } : {}), phones: c.phones, ...(c.email ? { email: c.email } : {}), ...(c.note ? { note: c.note } : {}), quote: c.quote, at: c.at })),
    })}`,
  );
  const programmeIds = new Map<string, string>();
  draft.directions.forEach((d) => {
    if (d.programme && !programmeIds.has(d.programme.at)) programmeIds.set(d.programme.at, `programme-${programmeIds.size + 1}`);
  });
  draft.directions.forEach((d, i) => {
    const id = `direction-${String(i + 1).padStart(2, '0')}`;
    const criteria = d.facts
      .filter((f) => f.kind === 'threshold' && f.field && f.op && f.unit && UNITS.has(f.unit))
      .map((f, k) => ({ id: `c${k + 1}`, label: f.text, kind: 'threshold', field: f.field, op: f.op, value: f.value, unit: f.unit, quote: f.quote, at: f.at }));
    const quota = d.facts.find((f) => f.kind === 'quota');
    const body = {
      id,
      name: d.name,
      quote: d.quote,
      at: d.at,
      programme: d.programme ? programmeIds.get(d.programme.at) : 'programme-1',
      order: i + 1,
      criteria,
      ...(quota ? { quota: { max: quota.value, text: quota.text, quote: quota.quote, at: quota.at } } : {}),
    };
    const hints = d.facts.filter((f) => !criteria.some((c) => c.quote === f.quote && c.label === f.text));
    files.set(
      `directions/${id}.yaml`,
      [
        `# 候选方向（第 ${d.line} 行）。须补写：summary（自己的话，不含数字）、applicants、support；改好 id 和文件名。`,
        ...hints.map((f) => `# 本节还印有 ${label(f.kind)}：${f.text}（${f.at}）“${f.quote.replace(/\s+/g, ' ').slice(0, 60)}”`),
        yaml(body),
      ].join('\n'),
    );
  });
  return files;
}

function sectionOut(s: Section): unknown {
  return { at: s.at, title: s.title, line: s.line, ...(s.children.length ? { children: s.children.map(sectionOut) } : {}) };
}
