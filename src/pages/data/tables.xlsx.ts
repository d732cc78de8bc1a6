import type { APIRoute } from 'astro';
import { getOpenData } from '../../lib/open-data.ts';
import { workbookBytes } from '../../lib/tables/workbook.ts';

/** Every flat table as one workbook, a sheet per table: dist/data/tables.xlsx. */
export const GET: APIRoute = async () =>
  new Response(await workbookBytes(getOpenData()), { headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } });
