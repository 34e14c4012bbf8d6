import { toValidationIssues } from '@wamux/core/adapter';
import type { EmulatorResponse } from '@wamux/emulator';
import * as v from 'valibot';
import type { EmulatorContext } from '../context';

/** The request body parsed with `schema`, or the vendor's failure envelope listing the fields at fault. */
export function parseBody<TSchema extends v.GenericSchema>(
  context: EmulatorContext,
  schema: TSchema,
  body: unknown,
): { ok: true; value: v.InferOutput<TSchema> } | { ok: false; response: EmulatorResponse } {
  const result = v.safeParse(schema, body);
  if (result.success) return { ok: true, value: result.output };
  const errors = toValidationIssues(result.issues).map((issue) => ({ field: issue.path, code: 'INVALID', description: issue.message }));
  return { ok: false, response: context.failure(400, 'INVALID_REQUEST', `Invalid request: ${errors[0]?.field}: ${errors[0]?.description}`, errors) };
}
