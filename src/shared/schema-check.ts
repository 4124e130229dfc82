// Runs a model's own schema validators (required, enum, maxlength, min, max, custom) on plain values,
// without building a Mongoose document for each one: bulk writers (the registry import) check every
// record against the owning model's rules at a cost that keeps them near raw insert speed.
import type { Model, SchemaType } from 'mongoose';

interface Check {
  path: string;
  parts: string[];
  type: SchemaType;
}

export type SchemaProblem = { path: string; message: string };

/** A checker for `model`: returns the first problem of a record (or of the given paths only), or null. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- mongoose's Model is invariant in its document type: any model is a Model<any>
export function schemaChecker(model: Model<any>): (record: Record<string, unknown>, paths?: readonly string[]) => SchemaProblem | null {
  const checks: Check[] = [];
  model.schema.eachPath((path, type) => {
    if (path === '_id' || path === '__v') return;
    if (type.validators.length || type.instance === 'String' || type.instance === 'Number' || type.instance === 'Date' || type.instance === 'Boolean') {
      checks.push({ path, parts: path.split('.'), type });
    }
  });
  const byPath = new Map(checks.map((c) => [c.path, c]));

  return (record, paths) => {
    const list = paths ? expand(paths, byPath, checks) : checks;
    for (const { path, parts, type } of list) {
      let value: unknown = record;
      for (const p of parts) value = value == null ? undefined : (value as Record<string, unknown>)[p];
      const problem = checkValue(type, value, record);
      if (problem) return { path, message: problem.replace(/\{PATH\}/g, path).replace(/\{VALUE\}/g, String(value).slice(0, 40)) };
    }
    return null;
  };
}

/** The checks of the named paths, a nested object's fields included (`address` -> `address.street`...). */
function expand(paths: readonly string[], byPath: Map<string, Check>, all: Check[]): Check[] {
  const out: Check[] = [];
  for (const p of paths) {
    const exact = byPath.get(p);
    if (exact) out.push(exact);
    else out.push(...all.filter((c) => c.path.startsWith(`${p}.`)));
  }
  return out;
}

function checkValue(type: SchemaType, value: unknown, record: Record<string, unknown>): string | null {
  if (value !== undefined && value !== null) {
    const wrong = wrongType(type.instance, value);
    if (wrong) return wrong;
  }
  const required = (type as unknown as { requiredValidator?: unknown }).requiredValidator;
  for (const v of type.validators as { validator: RegExp | ((this: unknown, value: unknown) => unknown); message?: unknown; type?: string }[]) {
    // As Mongoose does: an absent value meets every rule but `required`.
    if (value === undefined && v.validator !== required) continue;
    const ok = v.validator instanceof RegExp ? v.validator.test(String(value)) : v.validator.call(record, value);
    if (ok instanceof Promise) throw new Error(`schemaChecker: ${type.path} has an asynchronous validator; validate it with the model instead.`);
    // Mongoose's rule: undefined or truthy passes (the enum validator answers 0 for a miss).
    if (ok !== undefined && !ok) return typeof v.message === 'string' ? v.message : `{PATH} is invalid (${v.type ?? 'validator'}).`;
  }
  return null;
}

function wrongType(instance: string, value: unknown): string | null {
  switch (instance) {
    case 'String':
      return typeof value === 'string' ? null : '{PATH} must be text.';
    case 'Number':
      return typeof value === 'number' && Number.isFinite(value) ? null : '{PATH} must be a number.';
    case 'Boolean':
      return typeof value === 'boolean' ? null : '{PATH} must be true or false.';
    case 'Date':
      return value instanceof Date && !Number.isNaN(value.getTime()) ? null : '{PATH} must be a date.';
    default:
      return null;
  }
}
