import type { EmulatorResponse } from '@wamux/emulator';
import * as v from 'valibot';

const DOC_URL = 'https://docs.desk360.com/api';

/** The error code Desk360 documents for each status the emulator answers with. */
const CODE_BY_STATUS: Readonly<Record<number, string>> = {
  400: 'failed_validation',
  401: 'authentication_exception',
  403: 'not_authorized',
  404: 'not_found_exception',
  405: 'method_not_allowed_exception',
  429: 'too_many_requests_exception',
};

/** Desk360's error body: `{ "error": { "code", "message", "doc_url" } }`. */
export function desk360Error(status: number, message: string, code?: string): EmulatorResponse {
  return { status, json: { error: { code: code ?? CODE_BY_STATUS[status] ?? 'internal_server_error', message, doc_url: DOC_URL } } };
}

/**
 * Validates a request body the way Laravel reports it: the first failing
 * field as `The <field> field <problem>.` with code `failed_validation`.
 */
export function validateBody<TSchema extends v.GenericSchema>(
  schema: TSchema,
  body: unknown,
): { ok: true; value: v.InferOutput<TSchema> } | { ok: false; response: EmulatorResponse } {
  const result = v.safeParse(schema, body);
  if (result.success) return { ok: true, value: result.output };
  const issue = result.issues[0];
  const field = v.getDotPath(issue) ?? 'body';
  // A missing key is reported by the object, in valibot's words; Laravel says "is required".
  const problem = issue.received === 'undefined' ? 'is required' : issue.message.replace(/,?\s*but received [\s\S]*$/, '');
  return { ok: false, response: desk360Error(400, `The ${field} field ${problem}.`) };
}
