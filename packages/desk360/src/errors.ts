import type { HttpFailure, ProviderErrorKind, VendorErrorInfo } from '@wamux/core/adapter';
import * as v from 'valibot';
import { ErrorEnvelopeSchema, FlatErrorSchema } from './wire/errors';

/**
 * Desk360's documented error codes and the kind of wamux error each one is.
 * The code wins over the HTTP status: `too_many_attempts` (five wrong
 * logins) is a rate limit whatever status carries it.
 */
export const DESK360_ERROR_KINDS: Readonly<Record<string, ProviderErrorKind>> = {
  authentication_exception: 'authentication',
  invalid_credentials: 'authentication',
  not_authorized: 'permission',
  method_not_allowed_exception: 'rejected',
  insecure_request_exception: 'rejected',
  failed_validation: 'rejected',
  not_found_exception: 'not_found',
  model_not_found_exception: 'not_found',
  not_found: 'not_found',
  too_many_requests_exception: 'rate_limit',
  too_many_attempts: 'rate_limit',
  internal_server_error: 'server',
};

/** "If you entered your email/password wrong more than 5 times, you should wait for a minute." */
const LOGIN_LOCKOUT_MS = 60_000;

/** What an error body says, whichever of its shapes it came in. */
interface Desk360ErrorBody {
  code?: string | undefined;
  message?: string | undefined;
  docUrl?: string | undefined;
  /** Per-field messages, when the body carried Laravel-style `errors`. */
  fields?: Record<string, unknown> | undefined;
}

/**
 * Reads a Desk360 error body. The document's own sample is not valid JSON
 * (no opening brace, a missing comma), so a text body is searched for the
 * `"code"` and `"message"` it quotes too.
 */
function readDesk360ErrorBody(body: unknown): Desk360ErrorBody | undefined {
  const envelope = v.safeParse(ErrorEnvelopeSchema, body);
  if (envelope.success) {
    const { code, message, doc_url } = envelope.output.error;
    return { code, message, docUrl: doc_url };
  }
  const flat = v.safeParse(FlatErrorSchema, body);
  if (flat.success && (flat.output.code ?? flat.output.message) !== undefined) {
    return { code: flat.output.code, message: flat.output.message, docUrl: flat.output.doc_url, fields: flat.output.errors };
  }
  if (typeof body === 'string') {
    const field = (name: string) => new RegExp(`"${name}"\\s*:\\s*"((?:[^"\\\\]|\\\\.)*)"`).exec(body)?.[1];
    const code = field('code');
    const message = field('message');
    if (code !== undefined || message !== undefined) return { code, message, docUrl: field('doc_url') };
  }
  return undefined;
}

/** The HTTP client's `mapError` hook for Desk360 responses. */
export function mapDesk360Error(failure: HttpFailure): VendorErrorInfo | undefined {
  const body = readDesk360ErrorBody(failure.body);
  if (!body) return undefined;
  const kind = body.code === undefined ? undefined : DESK360_ERROR_KINDS[body.code];
  const what = `${failure.method} ${failure.path}`;
  const said = body.message ?? body.code ?? `HTTP ${failure.status}`;
  return {
    kind,
    vendorCode: body.code,
    message: `Desk360 refused ${what} (HTTP ${failure.status}${body.code ? `, ${body.code}` : ''}): ${said}`,
    details: { code: body.code, message: body.message, docUrl: body.docUrl, fields: body.fields },
    retryAfter: body.code === 'too_many_attempts' && failure.rateLimit?.retryAfter === undefined ? LOGIN_LOCKOUT_MS : undefined,
  };
}

/** Fields by which a Desk360 answer names its result: such a body is a success, whatever headers come with it. */
const SUCCESS_KEYS = ['message_id', 'id', 'medias', 'phones', 'message_ids', 'data'];

/**
 * The HTTP client's `errorInBody` hook: Desk360 answers a request over its
 * rate limit with `HTTP/1.1 200 OK`, `Retry-After` and an error body (the
 * document's §Rate Limit example), so a 2xx is an error when:
 *
 * - its body is the documented error envelope `{ "error": { "code", ... } }`
 *   (the code decides the kind, as for any status); or
 * - it carries `Retry-After`, which "is returned only when the rate limit is
 *   reached", and its body is empty or reads as an error (a `code` or a
 *   `message`; a success names its result: `message_id`, `medias`...): a
 *   rate limit, unless a known code says otherwise.
 *
 * A rate limit found here is waited out and retried like a 429: it proves
 * the request was not processed. Cheap on a success: two type checks and a
 * header already read.
 */
export function desk360ErrorInBody(answer: HttpFailure): VendorErrorInfo | undefined {
  const body = answer.body;
  const envelope =
    typeof body === 'object' && body !== null && typeof (body as { error?: unknown }).error === 'object' && (body as { error?: unknown }).error !== null;
  const retryAfter = answer.rateLimit?.retryAfter !== undefined;
  if (!envelope && !retryAfter) return undefined;
  if (!envelope && typeof body === 'object' && body !== null && SUCCESS_KEYS.some((key) => key in body)) return undefined;
  const info = mapDesk360Error(answer);
  if (!envelope && !(body === undefined || info !== undefined)) return undefined;
  return {
    ...info,
    kind: info?.kind ?? (retryAfter ? 'rate_limit' : undefined),
    message: info?.message ?? `Desk360 answered ${answer.method} ${answer.path} with HTTP ${answer.status} and Retry-After: the rate limit was reached`,
  };
}
