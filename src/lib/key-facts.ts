/**
 * The key facts of a direction (最高支持, 支持方式, 支持数量, 申报主体, 本轮状态, 免申即享, main contacts),
 * each with the link to the clause that states it. Build-time and pure: the panel renders it, the
 * directions finder filters on it, and the tests read the same figures.
 */
import type { Contact, Direction, Support } from '../schemas/index.ts';
import { NOT_STATED, SUPPORT_METHOD_LABEL } from '../schemas/index.ts';
import { NO_AMOUNT } from '../engine/support.ts';
import { displayName } from '../data/text.ts';
import { quoteHref } from './citations.ts';
import type { Policy } from './corpus.ts';
import { formatWan } from './format.ts';
import { supportMethods } from '../model/support.ts';
import { lastDay } from './dates.ts';
import { policyDeadline } from './policy-summary.ts';
import { CONTACT_LEVEL_LABEL, phoneViews, isOfficeOnly } from './contacts.ts';

/** A fact as shown, with the link to its clause (absent where the text is silent). */
export interface CitedFact {
  text: string;
  href?: string;
  notStated?: boolean;
}

export { CONTACT_LEVEL_LABEL };

export interface MainContact {
  level: string;
  /** Department, and the person where the text prints one: 投资处 · 孟庆春. */
  who: string;
  phone: { text: string; href: string };
  cite: string;
}

export interface DirectionKeyFacts {
  /** The highest amount, or 原文未载明金额. */
  maxSupport: CitedFact;
  /** The formula in one line: 按项目总投资的 10%，单个项目最高 3000万元. */
  formula: string;
  method: CitedFact;
  quota: CitedFact;
  applicants: CitedFact;
  /** For the round status: guidance documents are never open. */
  guidance: boolean;
  deadline: string | undefined;
  /** The clause that sets the deadline. */
  deadlineHref: string | undefined;
  applyFree?: CitedFact;
  contacts: MainContact[];
}

/** The highest printed amount and the formula in one line. Nothing is estimated. */
export function supportSummary(policy: Policy, support: Support | undefined): { max: CitedFact; formula: string } {
  if (!support) return { max: { text: NO_AMOUNT, notStated: true }, formula: '指导性文件，原文未载明资金支持' };
  const f = support.formula;
  const href = (q: string) => quoteHref(policy, q);
  switch (f.kind) {
    case 'rate': {
      const rate = `按${f.part.baseLabel}的 ${f.part.ratePct}% 支持`;
      return f.capWan !== undefined
        ? { max: { text: formatWan(f.capWan), href: href(f.capQuote ?? f.part.quote) }, formula: `${rate}，最高 ${formatWan(f.capWan)}` }
        : { max: { text: NO_AMOUNT, notStated: true }, formula: `${rate}；原文未载明上限` };
    }
    case 'parts': {
      const parts = f.parts.map((p) => `${p.baseLabel}的 ${p.ratePct}%`).join(' + ');
      return f.capWan !== undefined
        ? { max: { text: formatWan(f.capWan), href: href(f.capQuote ?? f.parts[0]!.quote) }, formula: `${parts}，合计最高 ${formatWan(f.capWan)}` }
        : { max: { text: NO_AMOUNT, notStated: true }, formula: `${parts}；原文未载明合计上限` };
    }
    case 'fixed':
      return { max: { text: formatWan(f.amountWan), href: href(f.quote) }, formula: `定额 ${formatWan(f.amountWan)}` };
    case 'tiers': {
      const stated = f.tiers.filter((t) => t.amountWan !== undefined);
      const top = stated.sort((a, b) => b.amountWan! - a.amountWan!)[0];
      const formula = `分 ${f.tiers.length} 档${f.tiers.length > stated.length ? `（${f.tiers.length - stated.length} 档原文未载明金额）` : ''}`;
      if (f.capWan !== undefined) return { max: { text: formatWan(f.capWan), href: href(f.capQuote ?? f.tiers[0]!.quote) }, formula: `${formula}，最高 ${formatWan(f.capWan)}` };
      if (top) return { max: { text: formatWan(top.amountWan!), href: href(top.quote) }, formula: `${formula}，最高一档（${top.label}）${formatWan(top.amountWan!)}` };
      return { max: { text: NO_AMOUNT, notStated: true }, formula };
    }
    case 'upTo':
      return { max: { text: formatWan(f.capWan), href: href(f.quote) }, formula: `${f.baseLabel ? `按${f.baseLabel}支持，` : ''}最高不超过 ${formatWan(f.capWan)}` };
    case 'notStated':
      return { max: { text: NO_AMOUNT, notStated: true, href: href(f.quote) }, formula: '原文未给出金额，本站不作估算' };
  }
}

/** The contacts the text names for a direction: the provincial one first, then the city bureau's. */
export function mainContacts(policy: Policy, d: Direction): MainContact[] {
  const rows = policy.contacts.filter((c) => c.directions.includes(d.id) && c.phones.length > 0);
  const pick = (level: Contact['level']) => rows.find((c) => c.level === level);
  return [pick('province'), pick('city')]
    .filter((c): c is Contact => c !== undefined)
    .map((c) => {
      const phone = phoneViews(c.phones)[0]!;
      const person = isOfficeOnly(c) ? undefined : displayName(c.name);
      const dept = c.department.includes(NOT_STATED) ? undefined : c.department;
      return {
        level: CONTACT_LEVEL_LABEL[c.level],
        who: [dept, person].filter(Boolean).join(' · ') || '原文未载明处室',
        phone: { text: phone.text, href: phone.href },
        cite: quoteHref(policy, c.quote),
      };
    });
}

/** The link to the clause that prints a policy's deadline (the engine's date, found among the cited dates). */
export function deadlineClause(policy: Policy, deadline: string | undefined): string | undefined {
  if (!deadline) return undefined;
  const all = [...policy.dates, ...policy.directions.flatMap((d) => d.dates)];
  const hit = all.find((k) => k.kind === 'deadline' && lastDay(k) === deadline);
  return hit ? quoteHref(policy, hit.quote) : undefined;
}

export function directionKeyFacts(policy: Policy, d: Direction): DirectionKeyFacts {
  const { max, formula } = supportSummary(policy, d.support);
  const guidance = policy.kind !== 'funding-call';
  const deadline = policyDeadline(policy);
  return {
    maxSupport: max,
    formula,
    method: d.support
      ? { text: supportMethods(d.support).map((m) => SUPPORT_METHOD_LABEL[m]).join('或'), href: quoteHref(policy, d.support.methodQuote) }
      : { text: '原文未载明（指导性文件）', notStated: true },
    quota: 'quote' in d.quota ? { text: d.quota.text, href: quoteHref(policy, d.quota.quote) } : { text: '原文未载明支持数量', notStated: true },
    applicants: 'text' in d.applicants ? { text: d.applicants.text, href: quoteHref(policy, d.applicants.quote) } : { text: '原文未载明申报主体', notStated: true },
    guidance,
    deadline,
    deadlineHref: deadlineClause(policy, deadline),
    ...(d.applyFree ? { applyFree: { text: '免申即享：无须企业申报', href: quoteHref(policy, d.applyFree.quote) } } : {}),
    contacts: mainContacts(policy, d),
  };
}

export interface PolicyKeyFacts {
  guidance: boolean;
  deadline: string | undefined;
  deadlineHref: string | undefined;
  /** The highest printed amount of any direction, with that direction's name. */
  maxSupport: CitedFact & { direction?: string };
  directions: number;
  applyFree: number;
  title: CitedFact;
  docNumber: CitedFact;
  issuer: CitedFact;
  contacts: number;
}

const stated = (policy: Policy, v: Policy['title'], silent: string): CitedFact =>
  'text' in v ? { text: v.text, href: quoteHref(policy, v.quote) } : { text: silent, notStated: true };

export function policyKeyFacts(policy: Policy): PolicyKeyFacts {
  const deadline = policyDeadline(policy);
  let best: { wan: number; fact: CitedFact; direction: string } | undefined;
  for (const d of policy.directions) {
    const { max } = supportSummary(policy, d.support);
    const wan = d.support ? maxPrinted(d.support) : undefined;
    if (wan !== undefined && (!best || wan > best.wan)) best = { wan, fact: max, direction: d.name };
  }
  return {
    guidance: policy.kind !== 'funding-call',
    deadline,
    deadlineHref: deadlineClause(policy, deadline),
    maxSupport: best ? { ...best.fact, direction: best.direction } : { text: NO_AMOUNT, notStated: true },
    directions: policy.directions.length,
    applyFree: policy.directions.filter((d) => d.applyFree).length,
    title: stated(policy, policy.title, '原文未载明标题'),
    docNumber: stated(policy, policy.docNumber, '原文未载明发文字号'),
    issuer: stated(policy, policy.issuer, '原文未载明发文单位'),
    contacts: policy.contacts.length,
  };
}

/** The highest amount a support formula prints (its cap, fixed amount or top tier), in 万元. */
function maxPrinted(s: Support): number | undefined {
  const f = s.formula;
  switch (f.kind) {
    case 'rate':
    case 'parts':
      return f.capWan;
    case 'fixed':
      return f.amountWan;
    case 'tiers':
      return f.capWan ?? (Math.max(...f.tiers.map((t) => t.amountWan ?? 0)) || undefined);
    case 'upTo':
      return f.capWan;
    case 'notStated':
      return undefined;
  }
}
