import type { HttpFailure, VendorErrorInfo } from '@wamux/core/adapter';
import * as v from 'valibot';

/** get.chat is a Django REST Framework API: errors are `{detail}` or `{field: [messages]}`. */
const DetailSchema = v.object({ detail: v.string(), code: v.optional(v.string()) });
const FieldErrorsSchema = v.record(v.string(), v.union([v.array(v.unknown()), v.string()]));

/**
 * What DRF says when the credentials are missing or wrong. get.chat answers
 * these with 403 as well as 401 (an invalid `D360-Api-Key` falls through to
 * "credentials were not provided"), so the text decides, not the status.
 */
const AUTH_FAILURE =
  /credentials were not provided|invalid( refresh| id)? token|token matching query does not exist|unable to log in|invalid.*(api.?key|credentials)/i;

/**
 * Reads a get.chat error body into the core's error fields. A 403 whose
 * detail says the credentials are missing or invalid is an authentication
 * failure, not a permission one.
 */
export function mapGetchatError(failure: HttpFailure): VendorErrorInfo | undefined {
  const detail = v.safeParse(DetailSchema, failure.body);
  if (detail.success) {
    const authFailure = (failure.status === 401 || failure.status === 403) && AUTH_FAILURE.test(detail.output.detail);
    return {
      message: `${failure.method} ${failure.path}: ${detail.output.detail}`,
      vendorCode: detail.output.code,
      ...(authFailure ? { kind: 'authentication' as const } : {}),
    };
  }
  const fields = v.safeParse(FieldErrorsSchema, failure.body);
  if (fields.success && Object.keys(fields.output).length > 0) {
    const summary = Object.entries(fields.output)
      .map(([field, problems]) => `${field}: ${(Array.isArray(problems) ? problems : [problems]).map(String).join(' ')}`)
      .join('; ');
    const loginRefused = AUTH_FAILURE.test(summary);
    return { message: `${failure.method} ${failure.path}: ${summary}`, ...(loginRefused ? { kind: 'authentication' as const } : {}) };
  }
  return undefined;
}
