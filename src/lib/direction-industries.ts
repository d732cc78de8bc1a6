/**
 * Which industries (the self-check's 所属行业 options) a direction concerns, for the directions finder.
 * Derived, never typed: from an `industry` criterion's list where the text restricts by industry;
 * otherwise from the industries the direction's name, printed industry list, applicants and criteria
 * and applicants name (仿制药 → 现代医药, 冶金 → 钢铁). A direction that names none is open to every
 * industry. “其他” is never inferred: it matches the directions open to every industry.
 */
import type { Direction } from '../schemas/index.ts';
import type { Criterion } from '../schemas/index.ts';
import { applicableCriteria } from '../model/criteria.ts';
import type { Policy } from './corpus.ts';

/** Words the texts use for each industry option, where they differ from the option's own name. */
const ALIASES: Readonly<Record<string, readonly RegExp[]>> = {
  钢铁: [/钢铁/, /冶金/, /炼铁/, /炼钢/],
  有色: [/有色/, /电解铝/],
  建材: [/建材/, /水泥/],
  焦化: [/焦化/, /焦炭/],
  化工: [/(?<!煤)化工/],
  传统装备制造: [/(?<!高端)装备制造/],
  高端装备制造: [/高端装备/, /工业母机/],
  食品: [/食品/],
  轻工: [/轻工/, /轻纺/, /造纸/],
  纺织: [/纺织/, /轻纺/],
  新材料: [/新材料/],
  废弃资源综合利用: [/资源综合利用/, /废弃资源/],
  现代煤化工: [/煤化工/],
  电子信息: [/电子信息/, /集成电路/, /芯片/],
  新能源汽车: [/新能源汽车/],
  现代医药: [/医药/, /药品/, /仿制药/, /创新药/, /新药/, /医疗器械/],
  数字产业: [/数字产业/, /数字核心产业/, /信创/, /数据中心/],
  软件和信息技术服务: [/软件/],
};

/** `'all'` when the direction names no industry; else the options it concerns, in the options' order. */
export function directionIndustries(policy: Policy, d: Direction, options: readonly string[]): readonly string[] | 'all' {
  const allowed = industryCriteria(applicableCriteria(policy, d), options);
  if (allowed) return allowed;
  // “制造业领域企业” with a few sectors named beside it is open to all of manufacturing.
  if ('text' in d.applicants && /制造业(?:领域|企业)/.test(d.applicants.text)) return 'all';
  // Criteria labels are not scanned: “工业软件”, “化工园区” there describe a project, not whom it is for.
  const text = [d.name, ...d.industries, 'text' in d.applicants ? d.applicants.text : ''].join('\n');
  const named = options.filter((o) => ALIASES[o]?.some((re) => re.test(text)));
  return named.length > 0 ? named : 'all';
}

/**
 * The options an `industry` criterion allows, negation included (“不含消费品工业” is every other
 * option); undefined when no criterion reads the industry. Several criteria narrow the set together.
 */
function industryCriteria(criteria: readonly Criterion[], options: readonly string[]): string[] | undefined {
  let allowed: string[] | undefined;
  const visit = (c: Criterion, negated: boolean) => {
    if (c.kind === 'oneOf' && c.field === 'industry') {
      const set = options.filter((o) => c.values.includes(o) !== negated && o !== '其他');
      allowed = allowed ? allowed.filter((o) => set.includes(o)) : set;
    } else if (c.kind === 'all' || c.kind === 'any') for (const x of c.items) visit(x, negated);
    else if (c.kind === 'not') visit(c.item, !negated);
  };
  for (const c of criteria) visit(c, false);
  return allowed;
}
