import { z } from 'zod';

/**
 * The flat tables of the open data (dist/data/<table>.csv and one sheet each in tables.xlsx): one row
 * per item, a stable `id`, and the citation (`quote`, `locator`) of the item. Each column's meaning,
 * unit and type live here, on the column, so the codebook (/data/codebook/) is generated from them.
 *
 * Cells are strings, numbers, booleans or null (an empty cell). Lists are joined with “；” (the comma is
 * the CSV separator).
 */

const text = (description: string) => z.string().describe(description);
const maybeText = (description: string) => z.string().nullable().describe(description);
const num = (description: string, unit?: string) => z.number().nullable().meta({ description, ...(unit ? { unit } : {}) });
const count = (description: string, unit?: string) => z.number().int().meta({ description, ...(unit ? { unit } : {}) });
const flag = (description: string) => z.boolean().describe(description);
const maybeFlag = (description: string) => z.boolean().nullable().describe(description);

const policy = text('政策 id（见 directions.csv 的 policy，或 policies.json 的 policies[].id）');
const quote = text('原文引文：从该政策 source.txt 逐字摘录（仅空白可能不同），多行合并为一行');
const locator = text('出处位置：引文在原文中的章节路径，如 “附件1 / 六 / （四）”');

export const DirectionRow = z.object({
  id: text('行 id：“<政策 id>/<方向 id>”，跨版本稳定'),
  policy,
  direction: text('方向 id，在同一政策内唯一'),
  province: text('省份'),
  year: count('文件年份', '年'),
  policy_kind: text('文件类型：funding-call 资金申报通知，implementation-opinion 实施意见，work-notice 工作通知'),
  programme: text('所属专项 id'),
  programme_name: text('所属专项名称，按原文'),
  order: count('在专项内的顺序（原文顺序）'),
  name: text('方向名称，按原文'),
  summary: text('支持内容的白话概述（本站撰写）'),
  applicants: maybeText('申报主体，按原文；空表示原文未载明'),
  support_method: maybeText('支持方式：subsidy 补助，interest-subsidy 贴息，reward 奖励，risk-compensation 风险补偿，service-purchase 政府购买服务；空表示无资金（指导性文件）'),
  support_formula: maybeText('金额计算方式：rate 比例，fixed 定额，parts 多部分合计，tiers 分档，upTo 不超过上限，notStated 原文未载明金额（明细见 support.csv）'),
  quota: maybeText('支持数量的表述，按原文；空表示原文未载明'),
  criteria_count: count('叶条件数（本方向自己的；政策级条件见 criteria.csv 中 direction 为空的行）', '条'),
  apply_free: flag('免申即享 / 无须申报'),
  scheme_separately: flag('具体方案另行通知'),
  guidance_only: flag('仅为指导方向（自查结论不会是“符合”）'),
  industries: text('该方向点名的行业，按原文，以“；”分隔'),
  url: text('本站方向页的路径'),
  quote,
  locator,
});

export const CriterionRow = z.object({
  id: text('行 id：“<政策 id>/<方向 id>/<条件 id>”，政策级条件为 “<政策 id>/*/<条件 id>”'),
  policy,
  direction: maybeText('方向 id；空表示政策级条件（适用于该政策全部方向，except_directions 除外）'),
  criterion: text('条件 id'),
  top: text('所属顶层条件 id（叶条件本身在顶层时即为其 id）'),
  parent: maybeText('直接上级组合条件的 id；空表示位于顶层'),
  group_kind: maybeText('直接上级组合条件的类型：all 须同时满足，any 满足其一即可，not 不得满足；空表示位于顶层'),
  negated: flag('是否处在奇数层 not 之下（即原文为“不得…”）'),
  kind: text('条件类型：threshold 数值门槛，boolean 是/否，oneOf 列表之一，dateWindow 日期窗口，withinYears 距申报时间若干年内，confirm 待确认'),
  field: maybeText('判断的自查字段 id（见 codebook 的 fields）；confirm 为空'),
  operator: maybeText('比较方式：gte ≥，gt >，lte ≤，lt <，eq 等于，in 属于列表，between 日期之间，within-years 若干年内；confirm 为空'),
  value: maybeText('门槛或要求：数值、true/false、以“；”分隔的列表、起始日期或年数'),
  value_to: maybeText('dateWindow 的结束日期'),
  unit: maybeText('value 的单位（金额为万元）'),
  lower_inclusive: maybeFlag('下限是否包含在内（gte、起始日含为 true；gt 为 false）；无下限为空'),
  upper_inclusive: maybeFlag('上限是否包含在内（lte、结束日“（含）”为 true；lt、“…前”为 false）；无上限为空'),
  to_confirm: flag('待确认：机器无法判断，须人工确认'),
  except_directions: text('不适用此条件的方向 id，以“；”分隔'),
  label: text('条件的白话表述'),
  quote,
  locator,
});

export const SupportRow = z.object({
  id: text('行 id：“<政策 id>/<方向 id>/<序号>”'),
  policy,
  direction: text('方向 id'),
  method: text('支持方式：subsidy 补助，interest-subsidy 贴息，reward 奖励，risk-compensation 风险补偿，service-purchase 政府购买服务'),
  formula: text('方向的金额计算方式：rate、fixed、parts、tiers、upTo、notStated'),
  item: text('本行是什么：rate-part 比例部分，fixed 定额，tier 一档，up-to 上限，not-stated 未载明金额，cap 封顶，payment 分期拨付，note 附注，method 支持方式条款'),
  label: maybeText('档位、拨付环节或附注的名称，按原文'),
  base_field: maybeText('比例或上限所依据的自查字段 id'),
  base_label: maybeText('基数名称，如 “项目总投资”'),
  rate_pct: num('比例', '%'),
  amount_wan: num('金额（定额、档位、上限、封顶或分期金额）', '万元'),
  share_pct: num('分期拨付占比', '%'),
  cap_wan: num('该方向金额的封顶（原文载明时）', '万元'),
  quote,
  locator,
});

export const DateRow = z.object({
  id: text('行 id：“<政策 id>/<日期 id>”'),
  policy,
  directions: text('所属方向 id，以“；”分隔；空表示整个政策'),
  kind: text('日期类型：issued 发文/印发，deadline 截止，window 时间窗口，complete-by 完成期限，statistics-period 统计期，reporting 定期报送'),
  shape: text('日期形态：day 单日，window 时间段，recurring 周期事项，years 整年度'),
  label: text('该日期是什么，如 “申报截止”'),
  date: maybeText('第一天（ISO 日期，Asia/Shanghai）；原文未载明起始日的周期事项为空'),
  end: maybeText('最后一天（ISO）：单日同 date，时间段为结束日，整年度为末年 12 月 31 日；无截止的周期事项为空'),
  start_inclusive: maybeFlag('时间段起始日是否包含在内'),
  end_inclusive: maybeFlag('时间段结束日是否包含在内（原文“（含）”）'),
  freq: maybeText('周期事项的周期：weekly 每周，monthly 每月'),
  by_day: maybeText('周期事项的星期（iCalendar 写法，FR 为周五）'),
  time: maybeText('当天时刻 HH:MM（Asia/Shanghai）'),
  start_year: num('整年度的起始年度', '年'),
  end_year: num('整年度的结束年度（含）', '年'),
  year_from_issue_date: flag('原文未写年份，年份取自发文日期'),
  quote,
  locator,
});

export const RuleRow = z.object({
  id: text('行 id：“<政策 id>/<规则 id>”'),
  policy,
  rule: text('规则 id'),
  kind: text('规则类型：one-per-application 不得多头申报，mutually-exclusive 不同时支持，once-only 只支持一次，one-per-year 同一年度只奖励一项，not-previously-funded 已获支持的不得重复'),
  directions: text('约束的方向 id，以“；”分隔；空表示该政策全部方向'),
  text: text('规则的白话表述（本站撰写）'),
  quote,
  locator,
});

export const CrosswalkRow = z.object({
  id: text('行 id：“<主题 id>/<分组序号>/<政策 id>/<方向 id>”，无可比对象的方向为 “no-counterpart/<政策 id>/<方向 id>”'),
  theme: maybeText('比较主题 id（主题页 /compare/<id>/）；无可比对象时为空'),
  theme_name: maybeText('比较主题名称'),
  link: num('主题内可比分组的序号（从 1 起）'),
  policy,
  direction: text('方向 id'),
  direction_name: text('方向名称，按原文'),
  linked_with: text('同组的其他方向 “<政策 id>/<方向 id>”，以“；”分隔'),
  note: text('可比之处（或无可比对象的原因），本站撰写'),
  differences: text('同组方向的差异（本站撰写），以“；”分隔；数字见引文'),
  quote: text('本方向所在政策对这些差异的原文引文，以“；”分隔；无差异记录时为方向名称所在条款'),
  locator: text('引文的出处位置，以“；”分隔，与 quote 一一对应'),
});

export const ContactRow = z.object({
  id: text('行 id：“<政策 id>/<联系人 id>”；同一人在不同文件中为不同的行，从不合并'),
  policy,
  contact: text('联系人 id'),
  name: text('姓名，与原文完全一致（含原文中的空格）'),
  display_name: text('去掉空格后的姓名'),
  department: text('处室，按原文'),
  organisation: text('单位'),
  level: text('层级：province 省级，city 市级'),
  phones: text('电话，按原文，以“；”分隔'),
  email: maybeText('电子邮箱'),
  directions: text('负责的方向 id，以“；”分隔'),
  direction_names: text('负责的方向名称，以“；”分隔'),
  scope: text('负责的产业链或行业，按原文，以“；”分隔'),
  note: maybeText('原文备注栏'),
  quote,
  locator,
});

/** Every table, in the order of the download list and the workbook's sheets. */
export const TABLE_SCHEMAS = {
  directions: DirectionRow,
  criteria: CriterionRow,
  support: SupportRow,
  dates: DateRow,
  rules: RuleRow,
  crosswalk: CrosswalkRow,
  contacts: ContactRow,
} as const;
export type TableName = keyof typeof TABLE_SCHEMAS;
export type TableRow<T extends TableName> = z.output<(typeof TABLE_SCHEMAS)[T]>;
export type DirectionRow = z.output<typeof DirectionRow>;
export type CriterionRow = z.output<typeof CriterionRow>;
export type SupportRow = z.output<typeof SupportRow>;
export type DateRow = z.output<typeof DateRow>;
export type RuleRow = z.output<typeof RuleRow>;
export type CrosswalkRow = z.output<typeof CrosswalkRow>;
export type ContactRow = z.output<typeof ContactRow>;
