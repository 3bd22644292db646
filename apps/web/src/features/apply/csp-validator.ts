import type { RJSFSchema, ValidationData, ValidatorType } from '@rjsf/utils';

// The portal's pages forbid eval (Content-Security-Policy without 'unsafe-eval'), and Ajv compiles
// schemas to code with it. So the form is checked by the server (the same Ajv 2020 check a filing
// passes, POST /api/v1/drafts/{id}/check), and the browser only needs what react-jsonschema-form asks
// while rendering: whether a value matches a schema, for `if` / `then` conditions. This evaluator
// covers the keywords those conditions use in the platform's forms (const, enum, required,
// properties, type); a schema with anything else is answered "no match", never guessed.

type Schema = Record<string, unknown>;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const SUPPORTED = new Set(['const', 'enum', 'required', 'properties', 'type', 'title', 'description', '$schema']);

const typeOf = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value);

/** Whether `value` matches `schema` (a boolean schema, or one built from the supported keywords). */
export function matches(schema: unknown, value: unknown): boolean {
  if (schema === true || schema === undefined) return true;
  if (schema === false || !isObject(schema)) return false;
  if (Object.keys(schema).some((key) => !SUPPORTED.has(key))) return false;
  if ('const' in schema && JSON.stringify(schema.const) !== JSON.stringify(value)) return false;
  if (Array.isArray(schema.enum) && !schema.enum.some((option) => JSON.stringify(option) === JSON.stringify(value))) return false;
  if (typeof schema.type === 'string') {
    const actual = typeOf(value);
    if (!(actual === schema.type || (schema.type === 'number' && actual === 'integer'))) return false;
  }
  if (isObject(value)) {
    if (Array.isArray(schema.required) && schema.required.some((key) => !(String(key) in value) || value[String(key)] === undefined)) return false;
    if (isObject(schema.properties)) {
      for (const [key, sub] of Object.entries(schema.properties)) if (key in value && value[key] !== undefined && !matches(sub, value[key])) return false;
    }
  } else if (Array.isArray(schema.required) && schema.required.length > 0 && value === undefined) {
    return false;
  }
  return true;
}

/** An rjsf validator that never evaluates code: structural checks only; the server validates the data. */
export const cspSafeValidator: ValidatorType<Schema, RJSFSchema> = {
  validateFormData(): ValidationData<Schema> {
    return { errors: [], errorSchema: {} };
  },
  isValid(schema, formData) {
    return matches(schema, formData);
  },
  rawValidation() {
    return {};
  },
};
