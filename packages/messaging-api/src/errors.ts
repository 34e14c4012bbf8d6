import { createProviderError, kindFromStatus, type ProviderErrorKind, type VendorErrorInfo, type WamuxError } from '@wamux/core/adapter';
import * as v from 'valibot';
import { MESSAGING_API_PROVIDER } from './options';
import { EnvelopeSchema, type ApiFieldError, type Envelope } from './wire/envelope';

// The vendor reports failures in its response envelope, with an HTTP error
// status or inside HTTP 200: both become the core's typed errors here.

/** `statusKey` values that mean success; anything else is a failure, whatever the HTTP status. */
const SUCCESS_KEY = /^(SUCCESS|OK|CREATED|ACCEPTED)\b/i;

/**
 * True when the envelope reports a failure: a `statusKey` that is not a
 * success, any `errors` entry, or a numeric `status` of 400 or more.
 * Warnings alone are not failures.
 */
export function isFailedEnvelope(envelope: Envelope): boolean {
  if (envelope.statusKey !== undefined && envelope.statusKey !== '' && !SUCCESS_KEY.test(envelope.statusKey)) return true;
  if (envelope.errors.length > 0) return true;
  const status = Number(envelope.status);
  return Number.isFinite(status) && status >= 400;
}

/** What a failed envelope says, in the shape the core's errors carry. */
function envelopeErrorInfo(envelope: Envelope, fallbackMessage: string): VendorErrorInfo & { kind: ProviderErrorKind } {
  const fieldErrors = envelope.errors.map(describeFieldError);
  const firstField = fieldErrors.find((error) => error.field !== undefined);
  const text = envelope.message ?? (typeof envelope.error === 'string' ? envelope.error : undefined);
  return {
    kind: kindOf(envelope),
    message: text ?? (firstField ? `${firstField.field}: ${firstField.message ?? 'rejected'}` : fallbackMessage),
    vendorCode: envelope.messageKey ?? envelope.statusKey ?? envelope.errors[0]?.codeKey ?? envelope.errors[0]?.code,
    requestId: envelope.traceid,
    details: {
      status: envelope.status,
      statusKey: envelope.statusKey,
      messageKey: envelope.messageKey,
      traceid: envelope.traceid,
      fieldErrors,
      warnings: envelope.warnings.map(describeFieldError),
    },
  };
}

/** Reads a non-2xx body as an envelope, for the HTTP client's `mapError`. */
export function mapHttpErrorBody(body: unknown): VendorErrorInfo | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const parsed = v.safeParse(EnvelopeSchema, body);
  if (!parsed.success) return undefined;
  // The HTTP status decides the kind of a non-2xx answer; the body adds the rest.
  const { kind: _kind, ...info } = envelopeErrorInfo(parsed.output, '');
  return { ...info, message: info.message === '' ? undefined : info.message };
}

/** The typed error for an envelope that reports a failure inside an HTTP 2xx answer. */
export function envelopeError(envelope: Envelope, context: { httpStatus: number; method: string; path: string; secrets: readonly string[] }): WamuxError {
  const info = envelopeErrorInfo(envelope, `${context.method} ${context.path} failed: the vendor answered ${envelope.statusKey ?? 'an error'}`);
  return createProviderError(info.kind, { ...info, provider: MESSAGING_API_PROVIDER, status: context.httpStatus, secrets: context.secrets });
}

/**
 * The kind of failure: the envelope's own numeric `status` when it is an
 * HTTP error status, else keywords of `statusKey`/`messageKey` (the document
 * does not enumerate them), else a rejected request.
 */
function kindOf(envelope: Envelope): ProviderErrorKind {
  const status = Number(envelope.status);
  if (Number.isInteger(status) && status >= 400 && status < 600) return kindFromStatus(status);
  const key = `${envelope.statusKey ?? ''} ${envelope.messageKey ?? ''}`.toUpperCase();
  if (/UNAUTHORI[SZ]ED|UNAUTHENTICATED|AUTH_?FAIL|INVALID_(API_?)?KEY|BAD_CREDENTIALS/.test(key)) return 'authentication';
  if (/FORBIDDEN|ACCESS_DENIED|PERMISSION/.test(key)) return 'permission';
  if (/NOT_?FOUND|UNKNOWN_(SESSION|TEMPLATE|CONTACT|CHANNEL)/.test(key)) return 'not_found';
  if (/TOO_MANY|RATE_?LIMIT|THROTTL/.test(key)) return 'rate_limit';
  if (/SERVER_ERROR|INTERNAL|EXCEPTION|UNAVAILABLE/.test(key)) return 'server';
  return 'rejected';
}

/** A field error as the error's `details` list it. */
function describeFieldError(error: ApiFieldError): { field?: string; code?: string; message?: string; object?: string } {
  const out: { field?: string; code?: string; message?: string; object?: string } = {};
  if (error.field !== undefined) out.field = error.field;
  const code = error.codeKey ?? error.code;
  if (code !== undefined) out.code = code;
  const message = error.description ?? error.descriptionKey;
  if (message !== undefined) out.message = message;
  if (error.obzect !== undefined) out.object = error.obzect;
  return out;
}
