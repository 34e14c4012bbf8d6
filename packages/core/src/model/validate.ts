import * as v from 'valibot';
import { didYouMean } from '../util/did-you-mean';
import { ConfigurationError, ValidationError, type ValidationIssue } from '../errors/classes';

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
    return { path: path === '' ? '(root)' : path, message: issueMessage(issue) };
  });
}

/**
 * A valibot issue's message without the value it received. Valibot's
 * default messages end in `but received` and the input; that input may be a
 * credential, so every error wamux builds from an issue goes through here.
 */
export function issueMessage(issue: v.BaseIssue<unknown>): string {
  return issue.message.replace(/,?\s*but received [\s\S]*$/, '');
}

/** A string with at least one character. */
export const NonEmptyStringSchema = v.pipe(v.string('must be a string'), v.nonEmpty('must not be empty'));

/**
 * Parses adapter options; a bad option throws a {@link ConfigurationError}
 * naming the option (`apiKey`, `rateLimit.requests`, ...).
 */
export function parseOptions<TSchema extends v.GenericSchema>(schema: TSchema, input: unknown, provider: string): v.InferOutput<TSchema> {
  const result = v.safeParse(schema, input);
  if (result.success) return result.output;
  const [first] = result.issues;
  const unknown = first.type === 'strict_object' ? unknownOptionMessage(first, schema) : undefined;
  if (unknown !== undefined) throw new ConfigurationError(unknown.path, unknown.message, { provider });
  const [issue] = toValidationIssues(result.issues);
  throw new ConfigurationError(issue?.path ?? '(root)', issue?.message ?? 'invalid', { provider });
}

/**
 * `unknown option: did you mean "timeout"?` for a key a strict options
 * schema does not know (`tiemout`, `integrationID`), naming the key. Only
 * top-level keys get a suggestion: nested ones are named by their path.
 */
function unknownOptionMessage(issue: v.BaseIssue<unknown>, schema: v.GenericSchema): { path: string; message: string } | undefined {
  const path = v.getDotPath(issue);
  if (path === null) return undefined;
  const key = path.split('.').at(-1) ?? path;
  const known = path === key && 'entries' in schema && typeof schema.entries === 'object' && schema.entries !== null ? Object.keys(schema.entries) : [];
  return { path, message: `is not an option${didYouMean(key, known)}` };
}
