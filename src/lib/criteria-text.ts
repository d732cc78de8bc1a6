import type { Criterion, Field } from '../schemas/index.ts';
import { formatWan } from './format.ts';

const OP: Record<'gte' | 'gt' | 'lte' | 'lt', string> = { gte: '≥', gt: '>', lte: '≤', lt: '<' };
const INCLUSIVE: Record<'gte' | 'gt' | 'lte' | 'lt', string> = { gte: '（含）', gt: '（不含）', lte: '（含）', lt: '（不含）' };

/** The typed form of a criterion in one line, e.g. “项目总投资 ≥ 3000万元（含）”. */
export function criterionFormula(c: Criterion, fields: ReadonlyMap<string, Field>): string | undefined {
  const label = (id: string) => fields.get(id)?.label.replace(/[？?]$/, '') ?? id;
  switch (c.kind) {
    case 'threshold':
      return `${label(c.field)} ${OP[c.op]} ${c.unit === '万元' ? formatWan(c.value) : `${c.value}${c.unit}`}${INCLUSIVE[c.op]}`;
    case 'boolean':
      return `${label(c.field)}：${c.expected ? '是' : '否'}`;
    case 'oneOf':
      return `${label(c.field)}：${c.values.join('、')}之一`;
    case 'dateWindow':
      return `${label(c.field)}：${c.from ? `${c.from}${c.fromInclusive ? '（含）' : '（不含）'}起` : ''}${c.to ? `至 ${c.to}${c.toInclusive ? '（含）' : '（不含）'}` : ''}`;
    case 'withinYears':
      return `${label(c.field)}：距申报（评估日）不超过 ${c.years} 年`;
    case 'all':
      return '以下条件须全部满足';
    case 'any':
      return '以下条件满足其一即可';
    case 'not':
      return '不得符合以下情形';
    case 'confirm':
      return undefined;
  }
}
