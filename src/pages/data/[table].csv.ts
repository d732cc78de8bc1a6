import type { APIRoute, GetStaticPaths } from 'astro';
import { getOpenData } from '../../lib/open-data.ts';
import { TABLE_NAMES, tableCsv } from '../../lib/tables/index.ts';
import type { TableName } from '../../schemas/tables.ts';

/** One flat table per file: dist/data/<table>.csv (UTF-8 with BOM, for Excel). */
export const getStaticPaths = (() => TABLE_NAMES.map((table) => ({ params: { table } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(tableCsv(params.table as TableName, getOpenData()), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
