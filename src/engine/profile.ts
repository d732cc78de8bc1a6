/**
 * The profile (自查档案): what an enterprise answers. Its schema is built from the field registry, so
 * a new question in `fields.yaml` needs no code. Validation happens once, at the boundary (CLI, form);
 * the evaluation itself never parses.
 */
import { z } from 'zod';
import type { Field } from '../schemas/index.ts';
import { describeInput, inputError, parseFieldValue, type InputError } from './parse-input.ts';
import type { ValidProfile } from './types.ts';

/** “I don't know” as the schema spells it; null is accepted from JSON for the same. */
const unknownAnswers = () => [z.literal(['unknown', '不确定']).meta({ description: '不确定' }), z.null()] as const;

/** The zod type of one asked field's answer, or undefined for derived fields (never asked). */
function answerType(field: Field): z.ZodType | undefined {
  const meta = { title: field.label, ...(field.help ? { description: field.help } : {}) };
  switch (field.type) {
    case 'number': {
      let n = z.number().min(field.min ?? 0);
      if (field.max !== undefined) n = n.max(field.max);
      return z.union([n.meta({ description: `单位：${field.unit}` }), ...unknownAnswers()]).meta(meta);
    }
    case 'boolean':
      return z.union([z.boolean(), ...unknownAnswers()]).meta(meta);
    case 'choice': {
      const option = z.enum(field.options as [string, ...string[]]);
      return z.union([field.multiple ? z.array(option).min(1) : option, ...unknownAnswers()]).meta(meta);
    }
    case 'date':
      return z.union([z.iso.date(), ...unknownAnswers()]).meta(meta);
    case 'derived':
      return undefined;
  }
}

const schemaCache = new WeakMap<object, z.ZodObject>();

/**
 * The profile schema: one optional property per asked field (number with its min/max, boolean, choice
 * — an array when several may be chosen — or ISO date), each also accepting “unknown”/“不确定”/null.
 * Unknown keys are refused so that a misspelt field id is not silently ignored.
 */
export function buildProfileSchema(fields: readonly Field[] | ReadonlyMap<string, Field>): z.ZodObject {
  // Cached per registry object: building the zod object costs milliseconds, validating microseconds.
  const hit = schemaCache.get(fields);
  if (hit) return hit;
  const shape: Record<string, z.ZodType> = {};
  for (const f of fields.values()) {
    const t = answerType(f);
    if (t && !(f.id in shape)) shape[f.id] = t.optional();
  }
  const schema = z.strictObject(shape).meta({ title: '自查档案', description: '字段 id → 回答；未填写或“不确定”视为未知。金额单位为万元。' });
  schemaCache.set(fields, schema);
  return schema;
}

/** JSON Schema of the profile (draft 2020-12), for the CLI's `--schema` and the open data. */
export function profileJsonSchema(fields: readonly Field[] | ReadonlyMap<string, Field>): Record<string, unknown> {
  return z.toJSONSchema(buildProfileSchema(fields)) as Record<string, unknown>;
}

export type ProfileCheck = { ok: true; profile: ValidProfile } | { ok: false; errors: InputError[] };

/**
 * Validates what someone entered (a parsed JSON object or form values): each answer goes through
 * {@link parseFieldValue} (so “3000万元” and “１，２００” work), then the whole through the zod schema.
 * Every problem is returned, each naming the field, what was expected and what was found.
 */
export function validateProfile(raw: unknown, registry: ReadonlyMap<string, Field>): ProfileCheck {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, errors: [inputError('', '自查档案', 'JSON 对象，如 {"totalInvestmentWan": 3000}', Array.isArray(raw) ? '列表' : describeInput(raw))] };
  }
  const errors: InputError[] = [];
  const profile: ValidProfile = {};
  for (const [key, value] of Object.entries(raw)) {
    const field = registry.get(key);
    if (!field) {
      errors.push(inputError(key, key, '已登记的字段 id（见 --schema）', '未登记的字段'));
      continue;
    }
    const parsed = parseFieldValue(field, value);
    if (parsed.ok) {
      if (field.type !== 'derived') profile[key] = parsed.value;
    } else errors.push(parsed.error);
  }
  if (errors.length > 0) return { ok: false, errors };
  // The schema is the contract; parse-input should already guarantee it, so a failure here is a bug in
  // one of the two and is reported rather than passed on.
  const checked = buildProfileSchema(registry).safeParse(profile);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const id = String(issue.path[0] ?? '');
      const field = registry.get(id);
      errors.push(inputError(id, field?.label ?? id, issue.message, describeInput(profile[id])));
    }
    return { ok: false, errors };
  }
  return { ok: true, profile };
}
