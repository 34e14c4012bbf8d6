import * as v from 'valibot';
import { compileSchema, INVALID } from './compile-schema';

/**
 * valibot's `safeParse`, with the same result, made fast for the common
 * case: the schema is compiled into generated code on first use (see
 * `compileSchema`), and valibot itself runs only when the input has an
 * issue, so issues and messages are exactly valibot's. Use it on hot paths
 * (webhook bodies, vendor responses, outbound messages). Synchronous schemas
 * only.
 */
export function safeParse<const TSchema extends v.GenericSchema>(schema: TSchema, input: unknown): v.SafeParseResult<TSchema> {
  const output = compileSchema(schema)(input);
  if (output === INVALID) return v.safeParse(schema, input);
  return { typed: true, success: true, output: output as v.InferOutput<TSchema>, issues: undefined };
}

