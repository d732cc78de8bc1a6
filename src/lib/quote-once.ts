/**
 * “A quote appears once per page”: the first citation of a clause on a page shows its words, later
 * ones only link to the line. The set of clauses already shown lives in the page's render-scoped
 * `Astro.locals`, so it is forgotten between pages. Components render in document order (their
 * front matter is synchronous), so the first occurrence is the one that keeps the words.
 */
export function claimQuote(locals: App.Locals, policy: string, text: string): boolean {
  const shown = (locals.shownQuotes ??= new Set<string>());
  const key = `${policy}\u0000${text}`;
  if (shown.has(key)) return false;
  shown.add(key);
  return true;
}
