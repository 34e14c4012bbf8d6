import {
  createHttpClient,
  createProviderError,
  httpClientOptions,
  toValidationIssues,
  type QueryValue,
  type RateLimitInfo,
  type SendResult,
} from '@wamux/core/adapter';
import * as v from 'valibot';
import { authHeaders, secretsOf } from './auth';
import { envelopeError, isFailedEnvelope, mapHttpErrorBody } from './errors';
import { API_PREFIX, MESSAGING_API_PROVIDER, type ResolvedOptions } from './options';
import { EnvelopeSchema, type Envelope } from './wire/envelope';
import { OutBoundReceiptSchema, type OutBoundMsgWire, type OutBoundReceipt } from './wire/outbound';

/** Every operation's path below `/api/v1`, by the document's section. */
export const ENDPOINTS = {
  channels: '/config/channels',
  globalVars: '/config/global/vars',
  templates: '/config/tmpl/hsm',
  webhook: '/config/webhook',
  contactLanguage: '/contact/prefs/lang',
  pushData: '/data/push',
  pushEvent: '/event/push',
  send: '/message/send',
  sessionClose: '/session/close',
  sessionResolve: '/session/resolve',
  sessionMessages: '/session/messages',
  sessionRouting: '/session/routing',
} as const;

/** One operation call. */
export interface ClientRequest {
  method: 'GET' | 'POST';
  /** The path below `/api/v1`, one of {@link ENDPOINTS}. */
  path: (typeof ENDPOINTS)[keyof typeof ENDPOINTS];
  query?: Record<string, QueryValue> | undefined;
  json?: unknown;
  /** Whether repeating the call is harmless (reads, and sets to a given value). */
  idempotent?: boolean | undefined;
  signal?: AbortSignal | undefined;
}

/** A successful envelope and what the HTTP layer saw. */
export interface ClientResponse {
  envelope: Envelope;
  /** The response body as received, untouched. */
  body: unknown;
  rateLimit: RateLimitInfo | undefined;
}

/** What a send returns: the normalized result plus the vendor's receipt. */
export interface MessagingApiSendResult extends SendResult {
  receipt: OutBoundReceipt;
}

/** The vendor's API: every call through the core's HTTP client and the response envelope. */
export interface MessagingApiClient {
  /** Calls an operation; a failed envelope throws its typed error even with HTTP 200. */
  call(request: ClientRequest): Promise<ClientResponse>;
  /** Calls a list operation and validates each item. */
  list<TSchema extends v.GenericSchema>(schema: TSchema, request: ClientRequest): Promise<v.InferOutput<TSchema>[]>;
  /** Calls a single-object operation and validates the object, when there is one. */
  one<TSchema extends v.GenericSchema>(schema: TSchema, request: ClientRequest): Promise<v.InferOutput<TSchema> | undefined>;
  /**
   * `POST /message/send` with a wire message as it is: `provider.send()` and
   * `messages.send()` both end here. A send is not idempotent: it is
   * repeated only when the vendor provably did not take it (429, 503 with
   * Retry-After, a refused connection), never after a 500 or a timeout.
   */
  send(message: OutBoundMsgWire, signal: AbortSignal | undefined): Promise<MessagingApiSendResult>;
}

/**
 * Validates the envelope and keeps the body as received beside it (valibot
 * builds new output objects, so `body` stays the vendor's own JSON).
 */
const ResponseSchema = v.pipe(
  v.unknown(),
  v.transform((body) => ({ body, envelope: body })),
  v.object({ body: v.unknown(), envelope: EnvelopeSchema }),
);

/** Creates the {@link MessagingApiClient} of one provider instance. */
export function createClient(options: ResolvedOptions): MessagingApiClient {
  const secrets = secretsOf(options);
  const http = createHttpClient({
    provider: MESSAGING_API_PROVIDER,
    baseUrl: options.baseUrl,
    headers: () => authHeaders(options),
    secrets: () => secrets,
    ...httpClientOptions(options),
    rateLimiter: options.rateLimiter,
    mapError: (failure) => mapHttpErrorBody(failure.body),
  });

  const call = async (request: ClientRequest): Promise<ClientResponse> => {
    const path = `${API_PREFIX}${request.path}`;
    const response = await http.request({
      method: request.method,
      path,
      query: request.query,
      json: request.json,
      schema: ResponseSchema,
      idempotent: request.idempotent,
      signal: request.signal,
    });
    const { envelope, body } = response.data;
    if (isFailedEnvelope(envelope)) {
      throw envelopeError(envelope, { httpStatus: response.status, method: request.method, path, secrets });
    }
    return { envelope, body, rateLimit: response.rateLimit };
  };

  /** Validates an item of a successful envelope; a mismatch is an `unexpected_response` error. */
  const validate = <TSchema extends v.GenericSchema>(schema: TSchema, value: unknown, request: ClientRequest): v.InferOutput<TSchema> => {
    const result = v.safeParse(schema, value);
    if (result.success) return result.output;
    const issues = toValidationIssues(result.issues);
    const first = issues[0];
    throw createProviderError('unexpected_response', {
      provider: MESSAGING_API_PROVIDER,
      message: `the answer to ${request.method} ${API_PREFIX}${request.path} does not match the documented shape: ${first?.path}: ${first?.message}`,
      details: { issues: issues.slice(0, 5) },
      secrets,
    });
  };

  return {
    call,
    async list(schema, request) {
      const { envelope } = await call(request);
      return validate(v.array(schema), envelopeItems(envelope), request);
    },
    async one(schema, request) {
      const { envelope } = await call(request);
      const item = envelopeItem(envelope);
      return item === undefined ? undefined : validate(schema, item, request);
    },
    async send(message, signal) {
      const request: ClientRequest = { method: 'POST', path: ENDPOINTS.send, json: message, idempotent: false, signal };
      const { envelope, body, rateLimit } = await call(request);
      const item = envelopeItem(envelope);
      if (item === undefined) {
        throw createProviderError('unexpected_response', {
          provider: MESSAGING_API_PROVIDER,
          message: `the answer to POST ${API_PREFIX}${ENDPOINTS.send} carries no receipt (no data or results)`,
        });
      }
      const receipt = validate(OutBoundReceiptSchema, item, request);
      return { id: receipt.id, rateLimit, raw: body, receipt };
    },
  };
}

/** Every item of a list answer: `results`, else `data` (an array, or one object). */
function envelopeItems(envelope: Envelope): unknown[] {
  const pick = (value: unknown): unknown[] => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]);
  const results = pick(envelope.results);
  return results.length > 0 ? results : pick(envelope.data);
}

/** The one item of a single-object answer: `data`, else the first of `results`. */
function envelopeItem(envelope: Envelope): unknown {
  if (envelope.data !== undefined && envelope.data !== null && !Array.isArray(envelope.data)) return envelope.data;
  return envelopeItems(envelope)[0];
}
