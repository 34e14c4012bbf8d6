import * as v from 'valibot';
import { ValidationError, type ValidationIssue } from '../errors/classes';

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
  const result = v.safeParse(schema, input);
  if (result.success) return result.output;
  throw new ValidationError(toValidationIssues(result.issues, options.root), { provider: options.provider });
}

/** Converts valibot issues into `{ path, message }` pairs with dotted paths. */
export function toValidationIssues(issues: readonly v.BaseIssue<unknown>[], root?: string): ValidationIssue[] {
  return issues.map((issue) => {
    const dotted = v.getDotPath(issue);
    const path = [root, dotted].filter((part) => part !== undefined && part !== null && part !== '').join('.');
    return { path: path === '' ? '(root)' : path, message: issue.message };
  });
}

/** A string with at least one character. */
export const NonEmptyStringSchema = v.pipe(v.string('must be a string'), v.nonEmpty('must not be empty'));
