import { validate } from 'class-validator';
import { BadUserInput } from './errors.js';

/**
 * type-graphql's validation hook: checks argument classes (`@ArgsType` / `@InputType` with
 * class-validator decorators) and answers BAD_USER_INPUT with the German messages of the failed
 * constraints, naming each argument. The submitted values are not echoed back.
 */
export async function validateArgs(value: unknown): Promise<void> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
  if (Object.getPrototypeOf(value) === Object.prototype) return; // plain JSON, no class with rules
  const failures = await validate(value, { forbidUnknownValues: false });
  if (failures.length === 0) return;
  const fields = failures.map((failure) => ({
    argument: failure.property,
    message: Object.values(failure.constraints ?? {})[0] ?? `${failure.property} ist ungültig.`,
  }));
  throw BadUserInput(fields.map((field) => field.message).join(' '), { fields });
}
