/**
 * vCard 3.0 (RFC 2426) export of the directory: one card per contact row, so a person listed by two
 * documents gets two cards, each with its own document's number (never merged).
 */
import type { ContactEntry, PhoneView } from './contacts.ts';
import { contentLines, escapeText } from './ics.ts';

/**
 * The dialable form of a number: as printed, except that a bare local number printed after another
 * number (“0515-88190572 86660568”) carries the area code printed before it, so a phone can dial it.
 */
export function dialable(p: PhoneView): string {
  if (p.digits === p.text) return p.text;
  if (/^\d{7,8}$/.test(p.text)) return `${p.digits.slice(0, p.digits.length - p.text.length)}-${p.text}`;
  return p.text;
}

export function contactNote(e: ContactEntry): string {
  const c = e.contact;
  const parts = [`${e.policy.shortTitle}（${e.policy.year}年，${e.levelLabel}）`];
  if (e.directions.length > 0) parts.push(`负责方向：${e.directions.map((d) => d.name).join('、')}`);
  if (c.scope.length > 0) parts.push(`负责产业链/行业：${c.scope.join('、')}`);
  if (c.note) parts.push(`备注：${c.note}`);
  parts.push(`出处：${c.at}`);
  return parts.join('\n');
}

function card(e: ContactEntry): string[] {
  const c = e.contact;
  // The whole name goes in the family-name slot: splitting 姓 from 名 would be a guess (复姓 exist).
  const lines = [
    'BEGIN:VCARD',
    'VERSION:3.0',
    `UID:${e.anchor}@zhuanxiang-zijin.policy-atlas`,
    `FN:${escapeText(e.officeOnly ? c.department : e.displayName)}`,
    e.officeOnly ? 'N:;;;;' : `N:${escapeText(e.displayName)};;;;`,
    `ORG:${escapeText(c.organisation)};${escapeText(c.department)}`,
    ...(e.officeOnly ? ['X-ABShowAs:COMPANY'] : []),
    ...e.phones.map((p) => `TEL;TYPE=WORK,VOICE:${dialable(p)}`),
    ...(c.email ? [`EMAIL;TYPE=INTERNET,WORK:${c.email}`] : []),
    `NOTE:${escapeText(contactNote(e))}`,
    `CATEGORIES:${escapeText(e.policy.shortTitle)}`,
    'END:VCARD',
  ];
  return lines;
}

export function toVcf(entries: readonly ContactEntry[]): string {
  return contentLines(entries.flatMap(card));
}
