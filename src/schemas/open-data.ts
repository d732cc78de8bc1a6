import { z } from 'zod';
import { CombinationRule } from './rule.ts';
import { Contact } from './contact.ts';
import { Direction } from './direction.ts';
import { Field } from './field.ts';
import { KeyDate } from './key-date.ts';
import { PolicyFile } from './policy.ts';

/**
 * The shape of `dist/data/policies.json` and `dist/data/<id>.json`. It is the data files as validated,
 * plus a few conveniences computed at build time (noted on each field).
 */
const ExportedDate = z.intersection(
  KeyDate,
  z.object({
    /**
     * Convenience: the first day of the event (day: the date; window: its start; recurring: its first
     * occurrence); null for a duty whose text gives no start.
     */
    date: z.string().nullable(),
  }),
);

export const ExportedContact = Contact.extend({
  /** Convenience: the printed name without padding spaces (“郭  毅” → “郭毅”). */
  displayName: z.string(),
});

export const ExportedPolicy = PolicyFile.omit({ dates: true }).extend({
  /** Every date of the policy and of its directions, each with a `date`. */
  dates: z.array(ExportedDate),
  directions: z.array(Direction),
  contacts: z.array(ExportedContact),
  rules: z.array(CombinationRule),
  /** Profile fields this policy adds to the shared registry. */
  fields: z.array(Field),
  /** Site path of the verbatim original. */
  sourceUrl: z.string(),
});

export const OpenData = z.object({
  /** Build date, ISO, Asia/Shanghai. */
  generated: z.string(),
  /** The shared profile-field registry. */
  fields: z.array(Field),
  policies: z.array(ExportedPolicy),
});
export type OpenData = z.output<typeof OpenData>;
export type ExportedPolicy = z.output<typeof ExportedPolicy>;

