/**
 * The crosswalk: reading `policies/crosswalk.yaml`, checking it against the corpus, and the queries the
 * /compare/ pages make of it.
 *
 * The check is pure ({@link checkCrosswalk}): it takes the parsed YAML and the corpus and returns every
 * problem in the loader's {file, field, expected, found} shape, so an author sees them all at once.
 * {@link getCrosswalk} reads the file once per build and throws a {@link DataError} listing the problems,
 * so a bad crosswalk fails the build instead of producing a comparison that silently drops a direction.
 */
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { DataError, describeFound, problemsFromZod, type DataProblem } from '../data/errors.ts';
import { loadCorpusUnchecked, type Corpus, type Policy } from '../data/load.ts';
import { readYaml } from '../data/yaml.ts';
import { quoteFound } from '../data/text.ts';
import { CrosswalkFile, type Crosswalk, type CrosswalkLink, type CrosswalkTheme, type EvolutionEnd } from '../schemas/crosswalk.ts';
import type { Direction } from '../schemas/index.ts';
import { getCorpus } from './corpus.ts';

export type { Crosswalk, CrosswalkTheme };

/** Where the crosswalk lives, relative to the policies folder. */
export const CROSSWALK_FILE = 'crosswalk.yaml';

/** Page slugs under /compare/ that a theme id must not take. */
export const RESERVED_THEME_IDS: ReadonlySet<string> = new Set(['same-answers', 'shanxi-over-time']);

export interface CrosswalkResult {
  /** Present when the file parsed and matched the schema (it may still have integrity problems). */
  crosswalk: Crosswalk | undefined;
  problems: DataProblem[];
}

/**
 * Validates parsed crosswalk data against the corpus. Pure: no I/O.
 *
 * - the schema (ids, shapes, required ends of evolution steps);
 * - every `<policy>/<direction>` resolves, every programme and policy id exists;
 * - every direction of every policy is in at least one theme, or listed once under `noCounterpart`
 *   (and not both);
 * - every cited quote is in its policy's source (whitespace aside), and each difference quotes at
 *   least two of the policies it compares, all of them in the link;
 * - theme and evolution ids are unique, and no theme takes a reserved /compare/ slug.
 */
export function checkCrosswalk(input: unknown, corpus: Corpus, file = `policies/${CROSSWALK_FILE}`): CrosswalkResult {
  const parsed = CrosswalkFile.safeParse(input);
  if (!parsed.success) return { crosswalk: undefined, problems: problemsFromZod(file, input, parsed.error) };
  const cw = parsed.data;
  const problems: DataProblem[] = [];
  const add = (field: string, expected: string, found: unknown) =>
    problems.push({ file, field, expected, found: typeof found === 'string' && found.startsWith('（') ? found : describeFound(found) });

  const policies = new Map(corpus.policies.map((p) => [p.id, p]));
  const policyList = () => [...policies.keys()].join(', ');
  /** Resolves `<policy>/<direction>`, reporting what does not exist. */
  const resolveRef = (ref: string, field: string): { policy: Policy; direction: Direction } | undefined => {
    const [pid = '', did = ''] = ref.split('/');
    const policy = policies.get(pid);
    if (!policy) {
      add(field, `已有的政策 id（${policyList()}）`, ref);
      return undefined;
    }
    const direction = policy.directions.find((d) => d.id === did);
    if (!direction) {
      add(field, `政策 ${pid} 已有的方向 id（${policy.directions.slice(0, 4).map((d) => d.id).join(', ')}…）`, ref);
      return undefined;
    }
    return { policy, direction };
  };
  const checkQuote = (policyId: string, quote: string, field: string) => {
    const policy = policies.get(policyId);
    if (!policy) return add(field.replace(/\.quote$/, '.policy'), `已有的政策 id（${policyList()}）`, policyId);
    if (!quoteFound(quote, policy.sourceText)) add(field, `在 policies/${policyId}/source.txt 中能找到的原文引文（仅忽略空白）`, quote);
  };

  // Themes: ids, references, citations.
  const covered = new Map<string, string>();
  const themeIds = new Set<string>();
  cw.themes.forEach((theme, t) => {
    const at = `themes[${t}]`;
    if (themeIds.has(theme.id)) add(`${at}.id`, '唯一的主题 id', `重复的 “${theme.id}”`);
    themeIds.add(theme.id);
    if (RESERVED_THEME_IDS.has(theme.id)) add(`${at}.id`, `不与 /compare/ 下已有页面重名的 id（${[...RESERVED_THEME_IDS].join(', ')} 已占用）`, theme.id);
    theme.links.forEach((link, l) => {
      const linkPolicies = new Set<string>();
      const inLink = new Set<string>();
      link.directions.forEach((ref, k) => {
        const field = `${at}.links[${l}].directions[${k}]`;
        if (inLink.has(ref)) add(field, '在同一组中只出现一次的方向', `重复的 “${ref}”`);
        inLink.add(ref);
        const hit = resolveRef(ref, field);
        if (!hit) return;
        linkPolicies.add(hit.policy.id);
        if (!covered.has(ref)) covered.set(ref, field);
      });
      link.differences.forEach((diff, i) => {
        const cited = new Set<string>();
        diff.cites.forEach((c, j) => {
          const field = `${at}.links[${l}].differences[${i}].cites[${j}]`;
          checkQuote(c.policy, c.quote, `${field}.quote`);
          if (policies.has(c.policy) && !linkPolicies.has(c.policy)) add(`${field}.policy`, `本组方向所属的政策之一（${[...linkPolicies].join(', ')}）`, c.policy);
          cited.add(c.policy);
        });
        // “Where they differ, the note cites both texts”: a difference is between at least two policies of
        // the link and quotes each side. (A link may span three policies; a difference may concern two.)
        if (linkPolicies.size > 1 && cited.size < 2) add(`${at}.links[${l}].differences[${i}].cites`, `至少两份政策各一条引文（本组政策：${[...linkPolicies].join(', ')}）`, `只引了 ${[...cited].join(', ') || '（无）'}`);
      });
    });
  });

  // Directions with no counterpart: resolve, no duplicates, not also in a theme.
  const marked = new Set<string>();
  cw.noCounterpart.forEach((n, i) => {
    const field = `noCounterpart[${i}].direction`;
    if (marked.has(n.direction)) add(field, '只列一次的方向', `重复的 “${n.direction}”`);
    marked.add(n.direction);
    if (!resolveRef(n.direction, field)) return;
    const inTheme = covered.get(n.direction);
    if (inTheme) add(field, `未归入任何主题的方向（它已在 ${inTheme} 中）`, n.direction);
  });

  // Coverage: every direction is placed somewhere.
  for (const p of corpus.policies) {
    for (const d of p.directions) {
      const ref = `${p.id}/${d.id}`;
      if (!covered.has(ref) && !marked.has(ref)) add('themes', '每个方向归入至少一个主题，或列入 noCounterpart 并说明理由', `未归类的方向 “${ref}”（${d.name}）`);
    }
  }

  // Evolution: ends resolve, quotes are in the sources, time runs forwards.
  const stepIds = new Set<string>();
  const checkEnd = (end: EvolutionEnd, field: string) => {
    const policy = policies.get(end.policy);
    if (!policy) return add(`${field}.policy`, `已有的政策 id（${policyList()}）`, end.policy);
    if (end.programme !== undefined && !policy.programmes.some((g) => g.id === end.programme)) {
      add(`${field}.programme`, `政策 ${policy.id} 的专项 id（${policy.programmes.map((g) => g.id).join(', ')}）`, end.programme);
    }
    if (end.direction !== undefined && !policy.directions.some((d) => d.id === end.direction)) {
      add(`${field}.direction`, `政策 ${policy.id} 已有的方向 id（${policy.directions.slice(0, 4).map((d) => d.id).join(', ')}…）`, end.direction);
    }
    checkQuote(end.policy, end.quote, `${field}.quote`);
  };
  cw.evolution.forEach((step, i) => {
    const at = `evolution[${i}]`;
    if (stepIds.has(step.id)) add(`${at}.id`, '唯一的 id', `重复的 “${step.id}”`);
    stepIds.add(step.id);
    if (step.from) checkEnd(step.from, `${at}.from`);
    if (step.to) checkEnd(step.to, `${at}.to`);
    const fromYear = step.from ? policies.get(step.from.policy)?.year : undefined;
    const toYear = step.to ? policies.get(step.to.policy)?.year : undefined;
    if (fromYear !== undefined && toYear !== undefined && fromYear >= toYear) add(`${at}.to.policy`, `晚于 ${step.from?.policy}（${fromYear}）的政策`, step.to?.policy);
    if (step.absentIn !== undefined) {
      const absent = policies.get(step.absentIn);
      if (!absent) add(`${at}.absentIn`, `已有的政策 id（${policyList()}）`, step.absentIn);
      else if (fromYear !== undefined && absent.year <= fromYear) add(`${at}.absentIn`, `晚于 ${step.from?.policy}（${fromYear}）的政策`, step.absentIn);
    }
  });

  return { crosswalk: cw, problems };
}

/** Reads and checks `<policiesDir>/crosswalk.yaml` against a corpus. Never throws for bad data. */
export function readCrosswalk(policiesDir: string, corpus: Corpus, projectRoot = join(policiesDir, '..')): CrosswalkResult {
  const path = join(policiesDir, CROSSWALK_FILE);
  const file = relative(projectRoot, path) || path;
  if (!existsSync(path)) return { crosswalk: undefined, problems: [{ file, field: '', expected: '比较主题文件（主题、无对应方向、山西历年变化）', found: '（缺失）' }] };
  // Read and validated by the loader's one YAML helper; then checked against the corpus.
  const problems: DataProblem[] = [];
  const input = readYaml(path, CrosswalkFile, projectRoot, problems);
  if (input === undefined) return { crosswalk: undefined, problems };
  return checkCrosswalk(input, corpus, file);
}

/**
 * Every crosswalk problem for a policies folder, for scripts (`npx tsx`): loads the corpus without
 * throwing and checks the crosswalk against whatever loaded. Add to scripts/check-data.ts with
 * `problems.push(...crosswalkProblems(dir, corpus, root))`.
 */
export function crosswalkProblems(policiesDir = 'policies', corpus?: Corpus, projectRoot?: string): DataProblem[] {
  const dir = resolve(policiesDir);
  const root = projectRoot ?? resolve(dir, '..');
  return readCrosswalk(dir, corpus ?? loadCorpusUnchecked(dir, root).corpus, root).problems;
}

let cached: Crosswalk | undefined;

/** The checked crosswalk for the build's corpus, read once. Throws a DataError listing every problem. */
export function getCrosswalk(): Crosswalk {
  if (cached) return cached;
  const { crosswalk, problems } = readCrosswalk(resolve(process.env.POLICIES_DIR ?? 'policies'), getCorpus(), process.cwd());
  if (problems.length > 0 || !crosswalk) throw new DataError(problems);
  cached = crosswalk;
  return cached;
}

/** A direction resolved from `<policy>/<direction>`. */
export interface ResolvedDirection {
  ref: string;
  policy: Policy;
  direction: Direction;
}

/** Resolves a reference against a corpus; the check guarantees it exists, so a miss is a bug. */
const directionIndexes = new WeakMap<Corpus, Map<string, { policy: Policy; direction: Direction }>>();

/**
 * A crosswalk reference (`<policy>/<direction>`) resolved through an index built once per corpus: every
 * direction page resolves its similar directions, and a scan of the corpus per reference made the build
 * grow with the square of the corpus.
 */
export function resolveDirection(corpus: Corpus, ref: string): ResolvedDirection {
  let index = directionIndexes.get(corpus);
  if (!index) {
    index = new Map(corpus.policies.flatMap((policy) => policy.directions.map((direction) => [`${policy.id}/${direction.id}`, { policy, direction }] as const)));
    directionIndexes.set(corpus, index);
  }
  const { policy, direction } = index.get(ref) ?? {};
  if (!policy || !direction) throw new Error(`比较主题引用了不存在的方向：${ref}`);
  return { ref, policy, direction };
}

/** The distinct directions of a theme, in corpus order (policy order, then the text's order). */
export function themeDirections(corpus: Corpus, theme: CrosswalkTheme): ResolvedDirection[] {
  const refs = new Set(theme.links.flatMap((l) => l.directions));
  const out: ResolvedDirection[] = [];
  for (const policy of corpus.policies) {
    for (const direction of policy.directions) {
      const ref = `${policy.id}/${direction.id}`;
      if (refs.has(ref)) out.push({ ref, policy, direction });
    }
  }
  return out;
}

/** Themes a direction belongs to. */
const linkIndexes = new WeakMap<Crosswalk, Map<string, Array<{ theme: CrosswalkTheme; link: CrosswalkLink }>>>();

/** The comparison groups a direction is in, with their themes, in crosswalk order (indexed once per crosswalk). */
export function linksOf(crosswalk: Crosswalk, ref: string): ReadonlyArray<{ theme: CrosswalkTheme; link: CrosswalkLink }> {
  let index = linkIndexes.get(crosswalk);
  if (!index) {
    index = new Map();
    for (const theme of crosswalk.themes) {
      for (const link of theme.links) {
        for (const r of new Set(link.directions)) {
          const list = index.get(r);
          if (list) list.push({ theme, link });
          else index.set(r, [{ theme, link }]);
        }
      }
    }
    linkIndexes.set(crosswalk, index);
  }
  return index.get(ref) ?? [];
}

export function themesOf(crosswalk: Crosswalk, ref: string): CrosswalkTheme[] {
  return [...new Set(linksOf(crosswalk, ref).map((x) => x.theme))];
}

/** Number of directions of each policy in each theme: `counts.get(themeId)?.get(policyId)`. */
export function themePolicyCounts(corpus: Corpus, crosswalk: Crosswalk): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const theme of crosswalk.themes) {
    const row = new Map<string, number>(corpus.policies.map((p) => [p.id, 0]));
    for (const { policy } of themeDirections(corpus, theme)) row.set(policy.id, (row.get(policy.id) ?? 0) + 1);
    out.set(theme.id, row);
  }
  return out;
}

/** Provinces with at least one direction in a theme, and those with none (no counterpart there). */
export function themeProvinces(corpus: Corpus, theme: CrosswalkTheme): { present: string[]; missing: string[] } {
  const all = [...new Set(corpus.policies.map((p) => p.province))];
  const present = new Set(themeDirections(corpus, theme).map((r) => r.policy.province));
  return { present: all.filter((p) => present.has(p)), missing: all.filter((p) => !present.has(p)) };
}

/** A group of comparable directions that only one province has: where the other has no counterpart. */
export interface OneSidedLink {
  theme: CrosswalkTheme;
  link: CrosswalkTheme['links'][number];
  present: string;
  missing: string[];
}

/** Links whose directions all come from one province, theme by theme. */
export function oneSidedLinks(corpus: Corpus, crosswalk: Crosswalk): OneSidedLink[] {
  const all: string[] = [...new Set(corpus.policies.map((p) => p.province))];
  const provinceOf = new Map<string, string>(corpus.policies.map((p) => [p.id, p.province]));
  const out: OneSidedLink[] = [];
  for (const theme of crosswalk.themes) {
    for (const link of theme.links) {
      const present = [...new Set(link.directions.map((ref) => provinceOf.get(ref.split('/')[0] ?? '')))].filter((p): p is string => p !== undefined);
      if (present.length === 1) out.push({ theme, link, present: present[0]!, missing: all.filter((p) => p !== present[0]) });
    }
  }
  return out;
}
