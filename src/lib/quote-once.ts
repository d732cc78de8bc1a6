/**
 * “A quote appears once per page, and never merely restates the heading”: the first citation of a clause on a page shows its words, later
 * ones only link to the line. The set of clauses already shown lives in the page's render-scoped
 * `Astro.locals`, so it is forgotten between pages. Components render in document order (their
 * front matter is synchronous), so the first occurrence is the one that keeps the words.
 */
export function claimQuote(locals: App.Locals, policy: string, text: string): boolean {
  if (locals.pageHeading && restates(text, locals.pageHeading)) return false;
  const shown = (locals.shownQuotes ??= new Set<string>());
  const key = `${policy}\u0000${text}`;
  if (shown.has(key)) return false;
  shown.add(key);
  return true;
}

const squash = (s: string) => s.replace(/[\s“”"。，、；：:（）()【】\-—·.,]/g, '');
/** A clause's numbering (（二）, 1., ①) says nothing: “（二）智能化升级。” restates the heading 智能化升级. */
const unnumbered = (s: string) => squash(s).replace(/^(?:[一二三四五六七八九十]+|\d+|[①-⑳])+/, '');

/**
 * True when a clause's words are only the page's heading (or part of it): such a box says nothing the
 * heading does not, so the page shows the link to the line alone.
 */
export function restates(quote: string, heading: string): boolean {
  const q = unnumbered(quote);
  const h = unnumbered(heading);
  return q.length > 0 && (q === h || h.includes(q));
}

/** Declares the page's heading, before any quote renders (call it in the page's front matter). */
export function setPageHeading(locals: App.Locals, heading: string): void {
  locals.pageHeading = heading;
}
