declare namespace App {
  interface Locals {
    /** Clauses whose words this page already shows (see src/lib/quote-once.ts). */
    shownQuotes?: Set<string>;
  }
}
