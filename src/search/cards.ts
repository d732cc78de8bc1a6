/**
 * What a result card says, as plain data: the page kind, the policy and province it belongs to, and
 * the one fact that answers the usual question for that kind (a direction's round status and maximum
 * support, a person's department and phones). Pure: the DOM layer (page.ts) only renders it.
 */
import { roundStatus, type RoundState } from '../model/round.ts';
import { PAGE_KIND_LABEL, type PageKind, type PhoneLink, type SearchDoc, type SearchPolicy } from './types.ts';

export interface CardView {
  url: string;
  kind: PageKind;
  kindLabel: string;
  title: string;
  /** 山西 2026 技改资金事项类项目申报, or 5 份政策 for site-wide pages. */
  policyLine: string;
  /** 山西, or 山西、江苏. */
  provinceLine: string;
  sub?: string;
  /** The page's summary, cut to one or two lines on a phone. */
  summary?: string;
  status?: { state: RoundState; text: string };
  maxSupport?: string;
  phones?: PhoneLink[];
  related?: string[];
}

const SUMMARY_CHARS = 60;

/** At most `n` characters, with an ellipsis when cut. */
export function clip(text: string, n: number): string {
  const chars = [...text];
  return chars.length <= n ? text : chars.slice(0, n).join('') + '…';
}

export function cardView(doc: SearchDoc, policyOf: (id: string) => SearchPolicy | undefined, allPolicies: number, today: string): CardView {
  const policies = doc.policies.map(policyOf).filter((p): p is SearchPolicy => p !== undefined);
  const provinces = [...new Set(policies.map((p) => p.province))];
  const policyLine =
    policies.length === 0 ? '全站' : policies.length === 1 ? policies[0]!.shortTitle : policies.length >= allPolicies ? `全部 ${allPolicies} 份政策` : policies.map((p) => p.shortTitle).join('；');
  const view: CardView = {
    url: doc.url,
    kind: doc.kind,
    kindLabel: PAGE_KIND_LABEL[doc.kind],
    title: doc.title,
    policyLine,
    provinceLine: provinces.length ? provinces.join('、') : '山西、江苏',
  };
  if (doc.sub) view.sub = doc.sub;
  if (doc.summary) view.summary = clip(doc.summary, SUMMARY_CHARS);
  if (doc.related?.length) view.related = doc.related;
  if (doc.phones?.length) view.phones = doc.phones;
  if (doc.maxSupport) view.maxSupport = doc.maxSupport;
  if ((doc.kind === 'direction' || doc.kind === 'policy' || doc.kind === 'programme') && policies.length === 1) {
    const p = policies[0]!;
    const s = roundStatus({ fundingCall: p.fundingCall, deadline: p.deadline }, today);
    view.status = { state: s.state, text: s.text };
  }
  return view;
}

let shanghaiDay: Intl.DateTimeFormat | undefined;
/** Today in Asia/Shanghai (YYYY-MM-DD), whatever the reader's timezone. */
export function todayShanghai(now: Date = new Date()): string {
  shanghaiDay ??= new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
  return shanghaiDay.format(now);
}
