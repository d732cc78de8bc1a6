/**
 * The JSON Schema of the CLI's output (`--output-schema`), from zod with a description on every field.
 * Kept beside output.ts; a test validates real output against it. Loaded only when asked for, so zod
 * stays out of a normal call's start-up.
 */
import { z } from 'zod';

const Status = z.enum(['met', 'unmet', 'unknown', 'confirm']).describe('条件结果：met 满足，unmet 不满足，unknown 缺少回答，confirm 待人工确认');
const Known = z.union([z.number(), z.boolean(), z.string(), z.array(z.string())]);

const Requirement = z
  .union([
    z.object({ op: z.enum(['gte', 'gt', 'lte', 'lt']).describe('≥ > ≤ <'), value: z.number().describe('门槛数值'), unit: z.string().describe('门槛单位') }),
    z.object({ op: z.literal('eq').describe('须等于'), value: z.boolean().describe('满足条件的回答') }),
    z.object({ op: z.literal('in').describe('须属于列表'), list: z.array(z.string()).describe('允许的取值') }),
    z.object({
      op: z.literal('between').describe('日期须在窗口内'),
      from: z.string().nullable().describe('起始日（ISO），无则为 null'),
      fromInclusive: z.boolean().describe('起始日是否包含'),
      to: z.string().nullable().describe('结束日（ISO），无则为 null'),
      toInclusive: z.boolean().describe('结束日是否包含'),
    }),
    z.object({
      op: z.literal('within-years').describe('日期须在判断基准日前若干年内'),
      years: z.number().describe('年数'),
      from: z.string().nullable().describe('窗口起始日（含）；无基准日时为 null'),
      to: z.string().nullable().describe('判断基准日（含）；无基准日时为 null'),
    }),
  ])
  .nullable()
  .describe('结构化的要求；组合条件和待确认条件为 null');

type ReasonOut = {
  criterion: string;
  scope: 'policy' | 'direction';
  kind?: string | undefined;
  status: z.output<typeof Status>;
  label?: string | undefined;
  fields: string[];
  value: z.output<typeof Known> | null;
  threshold?: string | null | undefined;
  requirement?: z.output<typeof Requirement> | undefined;
  quote?: string | undefined;
  at?: string | undefined;
  items?: ReasonOut[] | undefined;
};

const Reason: z.ZodType<ReasonOut> = z
  .object({
    criterion: z.string().describe('条件 id'),
    scope: z.enum(['policy', 'direction']).describe('policy 政策级条件，direction 方向自己的条件'),
    kind: z.string().optional().describe('条件类型：threshold、boolean、oneOf、dateWindow、withinYears、confirm、all、any、not（--brief 时省略）'),
    status: Status,
    label: z.string().optional().describe('条件的白话表述（--brief 时省略）'),
    fields: z.array(z.string()).describe('该条件读取的档案字段 id（组合条件为其各项读取的字段）'),
    value: Known.nullable().describe('企业的回答（派生字段为计算值）；未回答为 null'),
    threshold: z.string().nullable().optional().describe('要求的可读形式，如 “≥ 3000 万元”（--brief 时省略）'),
    requirement: Requirement.optional(),
    quote: z.string().optional().describe('原文引文（--brief 时省略；可按条件 id 从 criteria.csv 取回）'),
    at: z.string().optional().describe('出处位置（--brief 时省略）'),
    get items() {
      return z.array(Reason).optional().describe('all / any / not 各项的结果');
    },
  })
  .meta({ id: 'Reason' });

const Round = z
  .object({
    state: z.enum(['open', 'today', 'closed', 'no-deadline', 'guidance']).describe('本轮状态：open 申报中，today 今天截止，closed 已截止，no-deadline 原文未载明截止日期，guidance 指导性文件'),
    deadline: z.string().optional().describe('申报截止日（ISO）'),
    daysLeft: z.number().optional().describe('距截止的天数（open、today）'),
    text: z.string().describe('中文状态，如 “已截止 2023-11-10”'),
  })
  .nullable()
  .describe('调用当天（--today，或 Asia/Shanghai 的今天）本轮申报的状态；不影响结论');

const Step = z.object({ text: z.string().describe('计算步骤'), quote: z.string().optional().describe('所依据的原文'), at: z.string().optional().describe('出处位置') });

export const OutputSchema = z
  .object({
    asOf: z.record(z.string(), z.string().nullable()).describe('各政策的判断基准日（键为政策 id）：--as-of，否则申报截止日，否则原文载明的基准日；从不取当天'),
    asOfBasis: z.record(z.string(), z.enum(['option', 'deadline', 'stated', 'none'])).describe('基准日来源：option 命令行 --as-of，deadline 申报截止日，stated 原文载明的基准日，none 无'),
    results: z
      .array(
        z.object({
          policy: z.string().describe('政策 id'),
          direction: z.string().describe('方向 id'),
          name: z.string().describe('方向名称'),
          verdict: z.enum(['eligible', 'ineligible', 'unknown', 'guidance']).describe('结论：eligible 符合，ineligible 不符合，unknown 待补充回答，guidance 指导性文件'),
          met: z.number().describe('已满足的可判断条件数'),
          of: z.number().describe('可判断条件总数（不含待确认）'),
          missing: z.array(z.string()).describe('结论为 unknown 时，补答后即可定论的档案字段 id；其他结论为空'),
          confirm: z.array(z.string()).describe('须人工确认的条件 id'),
          round: Round,
          maxSupportWan: z.number().nullable().meta({ description: '最高支持金额：仅 eligible、unknown 给出；其他结论或原文未载明金额时为 null', unit: '万元' }),
          supportBasis: z.string().describe('金额依据：rate、parts、fixed、highest-tier、cap、up-to、not-stated、needs-input、none'),
          supportWorking: z.array(Step).optional().describe('支持金额的计算过程，逐步带原文（--brief 时省略）'),
          reasons: z.array(Reason).describe('各条件的结果：不满足在前，其次缺少回答、待确认、满足'),
        }),
      )
      .describe('每个方向一条'),
    warnings: z
      .array(
        z.object({
          rule: z.string().describe('组合规则 id'),
          kind: z.string().describe('规则类型'),
          policy: z.string().describe('政策 id'),
          directions: z.array(z.string()).describe('涉及的方向（符合或可能符合）'),
          text: z.string().optional().describe('规则的白话表述（--brief 时省略）'),
          quote: z.string().optional().describe('原文引文（--brief 时省略）'),
          at: z.string().optional().describe('出处位置（--brief 时省略）'),
          message: z.string().optional().describe('中文提示（--brief 时省略）'),
        }),
      )
      .describe('组合提醒：至少一个方向符合、且受同一规则约束的方向中符合或可能符合的够多时给出'),
  })
  .describe('专项资金政策通 自查 CLI 的输出（每个档案一个对象）');

export function outputJsonSchema(): unknown {
  return z.toJSONSchema(OutputSchema, { io: 'output', unrepresentable: 'any', target: 'draft-2020-12' });
}
