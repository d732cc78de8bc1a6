/**
 * Every URL of the site, built in one place. Pages, components, exports, the open data and browser code
 * import these builders, so a route changes in one line. Zod-free and pure: safe in the browser bundle.
 *
 * All paths end in `/` (the site is built with `trailingSlash: 'always'`, `build.format: 'directory'`).
 */

export const homeUrl = () => '/';
export const directionsUrl = () => '/directions/';
export const searchUrl = (query?: string) => (query ? `/search/?q=${encodeURIComponent(query)}` : '/search/');
/** The search index, cards and dictionary the search page fetches (src/pages/search/index.json.ts). */
export const searchIndexUrl = () => '/search/index.json';
export const dataUrl = () => '/data/';

export const policyUrl = (policy: string) => `/policies/${policy}/`;
/** The anchor of a programme's section on its policy page. */
export const programmeUrl = (policy: string, programme: string) => `${policyUrl(policy)}#programme-${programme}`;
export const directionUrl = (policy: string, direction: string) => `/policies/${policy}/directions/${direction}/`;
export const checklistUrl = (policy: string, direction: string) => `${directionUrl(policy, direction)}checklist/`;

/** The original text; with `anchor` (e.g. `L123`), the exact line of a quote. */
export const sourceUrl = (policy: string, anchor?: string) => `/policies/${policy}/source/${anchor ? `#${anchor}` : ''}`;

export const contactsUrl = (anchor?: string) => `/contacts/${anchor ? `#${anchor}` : ''}`;
export const personUrl = (slug: string) => `/contacts/people/${slug}/`;

export const timelineUrl = (policy?: string) => (policy ? `/timeline/${policy}/` : '/timeline/');

export const compareUrl = (theme?: string) => (theme ? `/compare/${theme}/` : '/compare/');
export const sameAnswersUrl = () => '/compare/same-answers/';
export const shanxiOverTimeUrl = () => '/compare/shanxi-over-time/';

/**
 * The self-check, optionally scoped: to one direction (自查本方向), one policy, or one province. The
 * scope travels in the query string so the page can open straight at the first question.
 */
export type SelfCheckTarget = { policy: string; direction?: string } | { province: string } | undefined;
export function selfCheckUrl(target?: SelfCheckTarget): string {
  if (!target) return '/self-check/';
  if ('province' in target) return `/self-check/?scope=${encodeURIComponent(`province:${target.province}`)}`;
  const key = target.direction ? `direction:${target.policy}/${target.direction}` : `policy:${target.policy}`;
  return `/self-check/?scope=${encodeURIComponent(key)}`;
}

/**
 * The self-check's data files: the small index fetched first (shared questions, provinces), a province's
 * list of policies (for a province or the whole corpus), and one criteria file per policy in scope.
 */
export const selfCheckDataUrl = {
  index: () => '/self-check/index.json',
  province: (province: string) => `/self-check/provinces/${encodeURIComponent(province)}.json`,
  policy: (policy: string) => `/self-check/policies/${policy}.json`,
};

export const openDataUrl = {
  all: () => '/data/policies.json',
  policy: (policy: string) => `/data/${policy}.json`,
  schema: () => '/data/schema.json',
  /** A flat table: directions, criteria, support, dates, rules, crosswalk, contacts. */
  table: (name: string) => `/data/${name}.csv`,
  workbook: () => '/data/tables.xlsx',
  codebook: () => '/data/codebook/',
};

export const exportUrl = {
  contactsCsv: (policy?: string) => `/exports/contacts${policy ? `-${policy}` : ''}.csv`,
  contactsVcf: (policy?: string) => `/exports/contacts${policy ? `-${policy}` : ''}.vcf`,
  timelineIcs: (policy?: string) => `/exports/timeline${policy ? `-${policy}` : ''}.ics`,
};
