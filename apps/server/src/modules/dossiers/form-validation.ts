import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { LruCache } from '../../kernel/lru-cache.ts';

// Form data is checked against the service's JSON Schema (2020-12) on the server, whatever the web
// form already checked. Compiled validators are kept per service version.

// ajv-formats is CommonJS: its function is the default export's default.
type FormatsPlugin = (ajv: Ajv2020) => Ajv2020;
const addFormats: FormatsPlugin = (addFormatsModule as unknown as { default: FormatsPlugin }).default;

export type FormError = { path: string; message: string };

function newAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats(ajv);
  // Keywords the UI uses to label fields; not validation.
  ajv.addVocabulary(['x-label', 'x-help']);
  return ajv;
}

export function createFormValidator() {
  const ajv = newAjv();
  const compiled = new LruCache<string, ValidateFunction>(500);
  const toErrors = (errors: ErrorObject[] | null | undefined): FormError[] =>
    (errors ?? []).map((error) => ({
      path: error.instancePath || (error.params && 'missingProperty' in error.params ? `/${String(error.params.missingProperty)}` : '/'),
      message: error.message ?? error.keyword,
    }));
  return {
    /** Errors of `data` against the schema of a service version (cached by id and version). */
    validate(serviceId: string, version: number, schema: object, data: unknown): FormError[] {
      const key = `${serviceId}@${version}`;
      let validate = compiled.get(key);
      if (!validate) {
        validate = ajv.compile(schema);
        compiled.set(key, validate);
      }
      return validate(data) ? [] : toErrors(validate.errors);
    },
    /** Throws when a schema does not compile in strict mode (used when a service is saved). */
    assertCompiles(schema: object): void {
      newAjv().compile(schema);
    },
  };
}

export type FormValidator = ReturnType<typeof createFormValidator>;
