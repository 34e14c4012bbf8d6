import type { HttpFailure, ProviderErrorKind, VendorErrorInfo } from '@wamux/core/adapter';
import * as v from 'valibot';
import { ErrorBodySchema } from './wire/schemas';

/**
 * The memory vendor's error codes and what each means. The HTTP status
 * already says as much; the table is here because a real vendor's codes
 * often say more than its statuses (a 400 that means "not found").
 */
export const MEMORY_ERROR_CODES: Readonly<Record<string, ProviderErrorKind>> = {
  unauthorized: 'authentication',
  forbidden: 'permission',
  rate_limited: 'rate_limit',
  invalid_message: 'rejected',
  invalid_media: 'rejected',
  invalid_bulk: 'rejected',
  not_found: 'not_found',
  server_error: 'server',
};

/** A memory error body (`{ error: { code, message } }`) → what the core's HTTP path needs to build the error. */
export function mapMemoryError(failure: HttpFailure): VendorErrorInfo | undefined {
  const body = v.safeParse(ErrorBodySchema, failure.body);
  if (!body.success) return undefined;
  const { code, message } = body.output.error;
  return { vendorCode: code, message, ...(Object.hasOwn(MEMORY_ERROR_CODES, code) ? { kind: MEMORY_ERROR_CODES[code] } : {}) };
}
