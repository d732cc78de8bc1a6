import type { z } from 'zod';

/** One problem in the data, phrased for the author who must fix it. */
export interface DataProblem {
  /** Path of the file, relative to the project root. */
  file: string;
  /** Field path inside the file, e.g. `criteria[2].value`. Empty for the file as a whole. */
  field: string;
  expected: string;
  found: string;
}

export function formatProblem(p: DataProblem): string {
  return `${p.file} › ${p.field || '(整个文件)'}：应为 ${p.expected}；实际为 ${p.found}`;
}

export class DataError extends Error {
  constructor(readonly problems: DataProblem[]) {
    super(`数据校验失败（${problems.length} 处）：\n` + problems.map((p) => '  - ' + formatProblem(p)).join('\n'));
    this.name = 'DataError';
  }
}

/** `criteria[2].value` from ['criteria', 2, 'value']. */
export function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += (out ? '.' : '') + String(part);
  }
  return out;
}

/** A short, readable rendering of whatever was found at a path. */
export function describeFound(value: unknown): string {
  if (value === undefined) return '（缺失）';
  const json = JSON.stringify(value);
  if (json === undefined) return String(value);
  return json.length > 80 ? json.slice(0, 77) + '…' : json;
}

function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let cur: unknown = root;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key as string];
  }
  return cur;
}

/** Turns zod issues into problems that name the file, the field, what was expected and what was found. */
export function problemsFromZod(file: string, input: unknown, error: z.ZodError): DataProblem[] {
  return error.issues.map((issue) => {
    const path = issue.path as PropertyKey[];
    let expected = issue.message;
    if (issue.code === 'invalid_type') expected = `${issue.expected} 类型`;
    if (issue.code === 'unrecognized_keys') {
      return { file, field: fieldPath(path), expected: '只含 schema 定义的字段', found: `多余字段 ${issue.keys.join(', ')}` };
    }
    if (issue.code === 'invalid_union' && 'options' in issue) {
      expected = `以下之一：${(issue.options as unknown[]).map(String).join(' | ')}`;
    }
    if (issue.code === 'invalid_value') expected = `以下之一：${issue.values.map(String).join(' | ')}`;
    return { file, field: fieldPath(path), expected, found: describeFound(valueAt(input, path)) };
  });
}
