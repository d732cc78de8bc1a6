import { z } from 'zod';
import { CombinationRule } from './rule.ts';
import { Contact } from './contact.ts';
import { CrosswalkFile } from './crosswalk.ts';
import { Direction } from './direction.ts';
import { Field } from './field.ts';
import { IsoDate } from './citation.ts';
import { DayDate, RecurringDate, WindowDate, YearsDate } from './key-date.ts';
import { PolicyFile } from './policy.ts';

/**
 * The shape of `dist/data/policies.json` and `dist/data/<id>.json`. It is the data files as validated,
 * plus a few conveniences computed at build time (noted on each field). Every field carries its meaning
 * (`.describe()`), which the JSON Schema and the codebook (/data/codebook/) print.
 */
const firstDay = { date: IsoDate.describe('事项的第一天（ISO 日期）：单日为当天；时间段、周期事项、整年度为其第一天（后三者为导出时计算的便利字段）') };
// A duty whose text gives no start (2020's 周报) has no first day: null, never an invented date.
const firstDayOrNull = { date: IsoDate.nullable().describe('周期事项的首次发生日；原文未载明起始日时为 null') };
const ExportedDate = z.discriminatedUnion('shape', [DayDate.extend(firstDay), WindowDate.extend(firstDay), RecurringDate.extend(firstDayOrNull), YearsDate.extend(firstDay)]);

export const ExportedContact = Contact.extend({
  displayName: z.string().describe('便利字段：去掉原文空格后的姓名（“郭  毅” → “郭毅”）'),
});

export const ExportedPolicy = PolicyFile.omit({ dates: true }).extend({
  dates: z.array(ExportedDate).describe('政策及其各方向的全部日期，每条带 date'),
  directions: z.array(Direction).describe('申报方向'),
  contacts: z.array(ExportedContact).describe('联系人，每人每份文件一条，不合并'),
  rules: z.array(CombinationRule).describe('组合规则（不得多头申报、不同时支持…）'),
  fields: z.array(Field).describe('该政策新增的自查字段'),
  sourceUrl: z.string().describe('原文全文在本站的路径'),
});

export const OpenData = z.object({
  generated: z.string().describe('生成日期（ISO，Asia/Shanghai）'),
  fields: z.array(Field).describe('共用的自查字段登记表：条件以 field 引用这里的 id'),
  policies: z.array(ExportedPolicy).describe('全部政策'),
  crosswalk: CrosswalkFile.describe('跨政策比较：可比方向的主题分组、无可比对象的方向、山西历年演变'),
});
export type OpenData = z.output<typeof OpenData>;
export type ExportedPolicy = z.output<typeof ExportedPolicy>;
