import type { ValidateFunction } from 'ajv/dist/2020.js';
import { LruCache } from '../../kernel/lru-cache.ts';
import { createFormAjv, formIssues, type FormIssue } from './services/service-definition.ts';

// Form data is checked against the service's JSON Schema (2020-12) on the server, whatever the web
// form already checked. Compiled validators are kept per service version.

export function createFormValidator() {
  const ajv = createFormAjv();
  const compiled = new LruCache<string, ValidateFunction>(500);
  return {
    /** Errors of `data` against the schema of a service version (cached by id and version). */
    validate(serviceId: string, version: number, schema: object, data: unknown): FormIssue[] {
      const key = `${serviceId}@${version}`;
      let validate = compiled.get(key);
      if (!validate) {
        validate = ajv.compile(schema);
        compiled.set(key, validate);
      }
      return validate(data) ? [] : formIssues(validate.errors);
    },
  };
}

export type FormValidator = ReturnType<typeof createFormValidator>;
