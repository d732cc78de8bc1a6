/**
 * The directions finder's logic, pure and DOM-free so unit tests reach it; the page's script only reads
 * rows from data attributes, calls these, and hides what does not match. Without JavaScript the page is
 * the full list.
 */
import { roundStatus } from '../../model/round.ts';

export interface DirectionRow {
  province: string;
  policy: string;
  /** The industries a direction concerns, or 'all' when it is open to every industry. */
  industries: readonly string[] | 'all';
  /** 支持方式: one or, where the text says “贴息或补助”, several. */
  methods: readonly string[];
  applyFree: boolean;
  /** For the round status, computed on the day the filter runs. */
  fundingCall: boolean;
  deadline: string | undefined;
  /** Name, programme and summary, normalised. */
  text: string;
}

/** 本轮状态 as a filter value: 申报中 (open or closing today), 已截止, 未载明截止, 指导性文件. */
export type StatusFilter = '' | 'open' | 'closed' | 'no-deadline' | 'guidance';

export interface DirectionQuery {
  q: string;
  province: string;
  policy: string;
  industry: string;
  method: string;
  /** '' any, '1' only 免申即享. */
  free: string;
  status: StatusFilter | string;
}

export const QUERY_FIELDS = ['q', 'province', 'policy', 'industry', 'method', 'free', 'status'] as const satisfies ReadonlyArray<keyof DirectionQuery>;
/** The filters folded under “更多筛选” on a phone: all but the name box. */
export const MORE_FILTERS = QUERY_FIELDS.filter((f) => f !== 'q');
export const EMPTY_QUERY: DirectionQuery = { q: '', province: '', policy: '', industry: '', method: '', free: '', status: '' };

/** Whitespace removed and lower-cased, as the contact filter does. */
export const normalise = (s: string): string => s.replace(/[\s\u3000\u00a0]+/g, '').toLowerCase();

/** The status filter value of a row on `today`. */
export function statusOf(row: Pick<DirectionRow, 'fundingCall' | 'deadline'>, today: string): Exclude<StatusFilter, ''> {
  const s = roundStatus(row, today);
  // 今天截止 still takes applications: it counts as 申报中, as isOpen says.
  return s.state === 'today' ? 'open' : s.state;
}

/** True when the row matches every filter that is set. “其他” and a direction open to every industry match any industry. */
export function matchesDirection(row: DirectionRow, query: DirectionQuery, today: string): boolean {
  const q = normalise(query.q);
  if (q && !row.text.includes(q)) return false;
  if (query.province && row.province !== query.province) return false;
  if (query.policy && row.policy !== query.policy) return false;
  if (query.industry && row.industries !== 'all' && !row.industries.includes(query.industry)) return false;
  if (query.method && !row.methods.includes(query.method)) return false;
  if (query.free === '1' && !row.applyFree) return false;
  if (query.status && statusOf(row, today) !== query.status) return false;
  return true;
}

/**
 * How many rows each value of one filter would show, the other filters staying as they are: the
 * counts beside every option, updated as the filters change.
 */
export function facetCounts(rows: readonly DirectionRow[], query: DirectionQuery, field: Exclude<keyof DirectionQuery, 'q'>, values: readonly string[], today: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, rows.filter((r) => matchesDirection(r, { ...query, [field]: v }, today)).length);
  return counts;
}
