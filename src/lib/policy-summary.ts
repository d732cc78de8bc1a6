import { policyDeadline as engineDeadline } from '../engine/asof.ts';
import type { Policy } from './corpus.ts';

/**
 * The application deadline (申报截止), if the text prints one. Only funding calls have one: a work
 * notice's “2月14日前” is a reporting duty, not an application deadline. The date itself is the
 * engine's, so pages and the self-check's default as-of date always agree.
 */
export function policyDeadline(p: Policy): string | undefined {
  return p.kind === 'funding-call' ? (engineDeadline(p) ?? undefined) : undefined;
}
