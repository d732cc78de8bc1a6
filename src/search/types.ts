/**
 * The search index file (/search/index.json) as the build writes it and the browser reads it. Pure types:
 * the build (src/lib/search-docs.ts) and the browser (src/search/engine.ts) share them.
 */
import type { LexiconData } from './text.ts';

/** What kind of page a hit is; the card shows its label (PAGE_KIND_LABEL). */
export type PageKind = 'direction' | 'programme' | 'person' | 'policy' | 'source' | 'compare' | 'timeline' | 'directory';

export const PAGE_KIND_LABEL: Record<PageKind, string> = {
  direction: '方向',
  programme: '专项',
  person: '联系人',
  policy: '政策',
  source: '原文',
  compare: '比较',
  timeline: '时间线',
  directory: '目录',
};

export interface PhoneLink {
  /** As printed. */
  text: string;
  /** `tel:` href. */
  href: string;
}

/** A page as its result card shows it. Only what the card needs: the text lives in the index. */
export interface SearchDoc {
  id: number;
  url: string;
  kind: PageKind;
  title: string;
  /** Policy ids the page belongs to (several for comparisons, people, directories; none for the site-wide ones). */
  policies: string[];
  /** A second line: the programme of a direction, the departments of a person, a theme's summary. */
  sub?: string;
  /** What the page is about, in our words (a direction's or programme's summary). */
  summary?: string;
  /** A direction's maximum support as printed (3000万元), or 原文未载明金额; absent for other kinds. */
  maxSupport?: string;
  /** A person's phones. */
  phones?: PhoneLink[];
  /** A person's or a page's directions, by name (at most a few). */
  related?: string[];
}

/** A policy as cards name it, and what its round status needs. */
export interface SearchPolicy {
  id: string;
  shortTitle: string;
  province: string;
  year: number;
  fundingCall: boolean;
  deadline: string | null;
}

/** The fields the index holds per page, most telling first; boosts in engine.ts. */
export const INDEX_FIELDS = ['title', 'keys', 'phones', 'body'] as const;
export type IndexField = (typeof INDEX_FIELDS)[number];

export interface SearchPayload {
  /** When the index was built (ISO, Asia/Shanghai date). */
  built: string;
  lexicon: LexiconData;
  policies: SearchPolicy[];
  docs: SearchDoc[];
  /** MiniSearch's own serialisation (JSON.stringify of the index). */
  index: unknown;
  /** Base weight per page kind (evidence pages rank below the answer pages). */
  kindWeight: Record<PageKind, number>;
}
