declare namespace App {
  interface Locals {
    /** Clauses whose words this page already shows (see src/lib/quote-once.ts). */
    shownQuotes?: Set<string>;
    /** The page's h1: a clause that only restates it is shown as a link, not a quote box. */
    pageHeading?: string;
  }
}
