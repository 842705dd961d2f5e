import { compileFormValidator, createFormAjv, type FormValidator } from '../../../form-logic/index.js';
import type { JsonSchemaObject } from '../../../form-logic/index.js';

/**
 * Compiles each form version's JSON Schema once. Keys include the revision, so an edited draft is
 * compiled anew while published versions (immutable) stay cached for the life of the process.
 */
export class FormValidatorCache {
  private readonly validators = new Map<string, FormValidator>();
  // One Ajv instance per cache: compiled schemas are kept by Ajv too, so old drafts must not pile up in it.
  private ajv = createFormAjv();

  constructor(private readonly maxEntries = 500) {}

  /** The validator of `version`, compiled on first use. */
  get(version: { id: string; revision: number; schema: JsonSchemaObject }): FormValidator {
    const key = `${version.id}:${version.revision}`;
    const cached = this.validators.get(key);
    if (cached) return cached;
    if (this.validators.size >= this.maxEntries) {
      this.validators.clear();
      this.ajv = createFormAjv();
    }
    const validate = compileFormValidator(version.schema, this.ajv);
    this.validators.set(key, validate);
    return validate;
  }

  get size(): number {
    return this.validators.size;
  }
}
