/** Calendar arithmetic on ISO dates: one definition, in the model (kept here for the engine's importers). */
export { daysInMonth, isIsoDate, isoOf, minusMonths } from '../model/dates.ts';
