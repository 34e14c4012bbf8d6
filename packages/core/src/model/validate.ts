import * as v from 'valibot';
import { ConfigurationError, ValidationError, type ValidationIssue } from '../errors/classes';
import { safeParse } from '../validation/safe-parse';

/**
 * Parses `input` with a valibot schema and returns the typed output, or
 * throws a {@link ValidationError} whose `field` is the dotted path of the
 * first field at fault, prefixed with `root` (e.g. `message.to`).
 */
export function parseInput<TSchema extends v.GenericSchema>(
  schema: TSchema,
  input: unknown,
  options: { root?: string; provider?: string } = {},
): v.InferOutput<TSchema> {
  const result = safeParse(schema, input);
  if (result.success) return result.output;
  throw new ValidationError(toValidationIssues(result.issues, options.root), { provider: options.provider });
}

/** Converts valibot issues into `{ path, message }` pairs with dotted paths. */
export function toValidationIssues(issues: readonly v.BaseIssue<unknown>[], root?: string): ValidationIssue[] {
  return issues.map((issue) => {
    const dotted = v.getDotPath(issue);
    const path = [root, dotted].filter((part) => part !== undefined && part !== null && part !== '').join('.');
    // Valibot's default messages end in "but received <the input>": drop it,
    // so an error never echoes a value that may be a credential.
    return { path: path === '' ? '(root)' : path, message: issue.message.replace(/,?\s*but received [\s\S]*$/, '') };
  });
}

/** A string with at least one character. */
export const NonEmptyStringSchema = v.pipe(v.string('must be a string'), v.nonEmpty('must not be empty'));

/**
 * Parses adapter options; a bad option throws a {@link ConfigurationError}
 * naming the option (`apiKey`, `rateLimit.requests`, ...).
 */
export function parseOptions<TSchema extends v.GenericSchema>(schema: TSchema, input: unknown, provider: string): v.InferOutput<TSchema> {
  const result = safeParse(schema, input);
  if (result.success) return result.output;
  const [issue] = toValidationIssues(result.issues);
  throw new ConfigurationError(issue?.path ?? '(root)', issue?.message ?? 'invalid', { provider });
}
