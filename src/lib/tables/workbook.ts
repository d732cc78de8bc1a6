/**
 * tables.xlsx: one sheet per table, the same rows and columns as the CSV files, written with
 * write-excel-file (maintained, one small dependency). Numbers stay numbers and yes/no stays boolean,
 * so a researcher can filter and sum in Excel without converting text.
 */
import writeXlsxFile, { type Sheet } from 'write-excel-file/node';
import type { OpenData } from '../../schemas/open-data.ts';
import { rowCells, TABLE_NAMES, tableColumns, tableRows } from './index.ts';

export async function workbookBytes(data: OpenData): Promise<Uint8Array<ArrayBuffer>> {
  const sheets: Sheet<never>[] = TABLE_NAMES.map((name) => ({
    sheet: name,
    stickyRowsCount: 1,
    data: [
      tableColumns(name).map((c) => ({ value: c, fontWeight: 'bold' as const })),
      ...tableRows(name, data).map((row) => rowCells(name, row).map((c) => (c === null ? null : c))),
    ],
  }));
  return new Uint8Array(await writeXlsxFile(sheets).toBuffer());
}
