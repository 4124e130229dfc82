// Validation against the official schemas themselves, read from their files: SCDL "Subventions" 2.1.1 (a
// Frictionless Table Schema with Validata custom checks) by a reading of the Table Schema specification
// written here, independent of the exporter; 360Giving 1.4.3 (JSON Schema 2020-12) by Ajv.
// The schemas are read from ../shared/opendata-schemas/ beside the project when it is there, else from the
// byte-identical copy in test/fixtures/opendata-schemas/ (public official files), so a clean clone validates too.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

const ROOT = resolve(__dirname, '../../..');
export const SHARED_SCHEMAS = resolve(ROOT, '../shared/opendata-schemas/');
export const FIXTURE_SCHEMAS = resolve(ROOT, 'test/fixtures/opendata-schemas/');
export const SCHEMA_DIR = existsSync(join(SHARED_SCHEMAS, 'scdl-subventions-2.1.1.schema.json')) ? SHARED_SCHEMAS : FIXTURE_SCHEMAS;
export const SCHEMA_FILES = ['scdl-subventions-2.1.1.schema.json', '360-giving-package-schema.json', '360-giving-schema.json'];

const readJson = (name: string) => JSON.parse(readFileSync(join(SCHEMA_DIR, name), 'utf8'));

interface Field {
  name: string;
  type: string;
  format?: string;
  trueValues?: string[];
  falseValues?: string[];
  constraints?: Record<string, unknown>;
}
interface TableSchema {
  fields: Field[];
  missingValues?: string[];
  custom_checks?: { name: string; params: Record<string, string> }[];
}

export const scdlSchema = (): TableSchema => readJson('scdl-subventions-2.1.1.schema.json');

const isIsoDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v;
// Table Schema `number`, default format: decimal point, no group character; NaN, INF, -INF allowed.
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const isNumber = (v: string) => NUMBER.test(v) || v === 'NaN' || v === 'INF' || v === '-INF';

/** Validata's french-siret-value: 14 digits, Luhn key; La Poste's establishments (SIREN 356000000) by digit sum multiple of 5. */
export function isSiretValue(v: string): boolean {
  if (!/^\d{14}$/.test(v)) return false;
  const digits = [...v].map(Number);
  if (v.startsWith('356000000') && v !== '35600000000048') return digits.reduce((s, d) => s + d, 0) % 5 === 0;
  const sum = digits.reverse().reduce((s, d, i) => s + (i % 2 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d), 0);
  return sum % 10 === 0;
}

/**
 * Every violation of the Table Schema in a parsed CSV (first row the header), as "row N, field: problem".
 * Types, formats, boolean values, required, pattern, enum, maxLength, minimum, maximum and the custom
 * checks; a type, format, constraint or check this reader does not know is itself reported, so nothing in
 * the schema goes unchecked.
 */
export function tableSchemaViolations(schema: TableSchema, rows: string[][]): string[] {
  const out: string[] = [];
  const missing = schema.missingValues ?? [''];
  const [header, ...data] = rows;
  const names = schema.fields.map((f) => f.name);
  if (JSON.stringify(header) !== JSON.stringify(names)) out.push(`header: ${JSON.stringify(header)} is not ${JSON.stringify(names)}`);
  data.forEach((values, i) => {
    const at = (field: string, m: string) => out.push(`row ${i + 2}, ${field}: ${m}`);
    if (values.length !== names.length) return at('*', `${values.length} values for ${names.length} fields`);
    const record = Object.fromEntries(names.map((n, k) => [n, values[k]!]));
    for (const f of schema.fields) {
      const raw = record[f.name]!;
      const c = f.constraints ?? {};
      if (missing.includes(raw)) {
        if (c.required) at(f.name, 'required, missing');
        continue;
      }
      if (f.format && f.format !== 'default') at(f.name, `format ${f.format} not known to this reader`);
      let num: number | null = null;
      switch (f.type) {
        case 'string':
          break;
        case 'date':
          if (!isIsoDate(raw)) at(f.name, `"${raw}" is not a date (YYYY-MM-DD)`);
          break;
        case 'number':
          if (!isNumber(raw)) at(f.name, `"${raw}" is not a number`);
          else num = Number(raw);
          break;
        case 'boolean': {
          const yes = f.trueValues ?? ['true', 'True', 'TRUE', '1'];
          const no = f.falseValues ?? ['false', 'False', 'FALSE', '0'];
          if (![...yes, ...no].includes(raw)) at(f.name, `"${raw}" is not one of ${[...yes, ...no].join(', ')}`);
          break;
        }
        default:
          at(f.name, `type ${f.type} not known to this reader`);
      }
      for (const [k, v] of Object.entries(c)) {
        if (k === 'required') continue;
        else if (k === 'pattern') {
          if (!new RegExp(`^(?:${v as string})$`).test(raw)) at(f.name, `"${raw}" does not match ${v as string}`);
        } else if (k === 'enum') {
          if (!(v as string[]).includes(raw)) at(f.name, `"${raw}" is not one of ${(v as string[]).join(' | ')}`);
        } else if (k === 'maxLength') {
          if ([...raw].length > (v as number)) at(f.name, `${[...raw].length} characters, more than ${v as number}`);
        } else if (k === 'minimum') {
          if (num === null || num < (v as number)) at(f.name, `"${raw}" below ${v as number}`);
        } else if (k === 'maximum') {
          if (num === null || num > (v as number)) at(f.name, `"${raw}" above ${v as number}`);
        } else at(f.name, `constraint ${k} not known to this reader`);
      }
    }
    for (const check of schema.custom_checks ?? []) {
      if (check.name === 'french-siret-value') {
        const v = record[check.params.column!]!;
        if (!missing.includes(v) && !isSiretValue(v)) at(check.params.column!, `"${v}" is not a valid SIRET (french-siret-value)`);
      } else if (check.name === 'one-of-required') {
        const { column1, column2 } = check.params;
        if (missing.includes(record[column1!]!) && missing.includes(record[column2!]!))
          at(`${column1}|${column2}`, 'one of them is required (one-of-required)');
      } else at('*', `custom check ${check.name} not known to this reader`);
    }
  });
  return out;
}

/** Ajv over the 360Giving package schema, its items resolved to the grant schema beside it. */
export function giving360Validator() {
  // The files name their meta-schema "http://json-schema.org/draft/2020-12/schema", which Ajv knows as
  // https://...: the schemas are compiled and enforced in full, only their own check against the
  // meta-schema is left out (validateSchema), since Ajv cannot find it under that name.
  // Strict about keywords (an unknown one is an error, not ignored); not about the schema's style (required
  // properties declared elsewhere, types left implicit), which changes nothing to what is valid.
  const ajv = new Ajv2020({ allErrors: true, strictSchema: true, strictRequired: false, strictTypes: false, strictTuples: false, validateSchema: false });
  addFormats(ajv);
  // 360Giving's own annotation keywords (codelists, roll-up hints): annotations, declared so strict mode accepts them.
  ajv.addVocabulary(['codelist', 'openCodelist', 'rollUp']);
  const grant = readJson('360-giving-schema.json');
  const pkg = readJson('360-giving-package-schema.json');
  ajv.addSchema(grant);
  // The package's items point at the 1.4.2 copy of the grant schema, unchanged since but for its $id.
  const ref = pkg.properties.grants.items.$ref as string;
  if (ref !== grant.$id) ajv.addSchema({ ...grant, $id: ref });
  return ajv.compile(pkg);
}
