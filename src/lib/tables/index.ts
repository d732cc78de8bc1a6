/**
 * The open data's flat tables, built from the exported JSON (so each table agrees with policies.json
 * row for row). Pure: the CSV endpoints, the workbook endpoint, the codebook and the tests share them.
 */
import type { OpenData } from '../../schemas/open-data.ts';
import { TABLE_SCHEMAS, type TableName, type TableRow } from '../../schemas/tables.ts';
import { toCsv } from '../csv.ts';
import { contactRows } from './contacts.ts';
import { criterionRows } from './criteria.ts';
import { crosswalkRows } from './crosswalk.ts';
import { dateRows } from './dates.ts';
import { directionRows } from './directions.ts';
import { ruleRows } from './rules.ts';
import { supportRows } from './support.ts';

export type Cell = string | number | boolean | null;

const BUILDERS: { [T in TableName]: (data: OpenData) => TableRow<T>[] } = {
  directions: directionRows,
  criteria: criterionRows,
  support: supportRows,
  dates: dateRows,
  rules: ruleRows,
  crosswalk: crosswalkRows,
  contacts: contactRows,
};

/** What each table holds, for the download list and the codebook. */
export const TABLE_TITLES: Record<TableName, string> = {
  directions: '申报方向：每个方向一行',
  criteria: '申报条件：每个叶条件一行（含政策级条件），门槛、单位、端点是否包含、是否待确认',
  support: '资金支持：支持方式条款、比例、定额、档位、封顶、分期拨付、附注，各一行',
  dates: '日期：发文、截止、时间窗口、统计期、定期报送，各一行',
  rules: '组合规则：不得多头申报、不同时支持、只奖励一次等，各一行',
  crosswalk: '跨政策比较：方向在比较主题中的每一处归类一行',
  contacts: '联系人：每份文件的每一行联系人一行（同一人不合并）',
};

export const TABLE_NAMES = Object.keys(TABLE_SCHEMAS) as TableName[];

export function tableRows<T extends TableName>(name: T, data: OpenData): TableRow<T>[] {
  return BUILDERS[name](data);
}

/** Column names, in schema order (the CSV header and the sheet's first row). */
export function tableColumns(name: TableName): string[] {
  return Object.keys(TABLE_SCHEMAS[name].shape);
}

/** One row as cells in column order. */
export function rowCells(name: TableName, row: TableRow<TableName>): Cell[] {
  const r = row as Record<string, Cell>;
  return tableColumns(name).map((c) => r[c] ?? null);
}

/** CSV text: true/false for booleans, an empty cell for null. */
export function tableCsv(name: TableName, data: OpenData): string {
  const rows = tableRows(name, data).map((row) => rowCells(name, row).map((c) => (c === null ? '' : String(c))));
  return toCsv(tableColumns(name), rows);
}
