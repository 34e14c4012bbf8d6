import { createHttpClient, createProviderError, toValidationIssues, type QueryValue, type RateLimitInfo, safeParse } from '@wamux/core';
import * as v from 'valibot';
import { authHeaders, secretsOf } from './auth';
import type { ResolvedOptions } from './options';
import { API_PREFIX, PROVIDER } from './provider-name';
import { envelopeItem, envelopeItems, EnvelopeSchema, isFailedEnvelope, type Envelope } from './wire/envelope';
import { envelopeError, mapHttpErrorBody } from './wire/envelope-error';

/** One operation call. */
export interface VendorRequest {
  method: 'GET' | 'POST';
  /** The path below `/api/v1`, e.g. `/message/send`. */
  path: string;
  query?: Record<string, QueryValue> | undefined;
  json?: unknown;
  /** Whether repeating the call is harmless (reads, and sets to a given value). */
  idempotent?: boolean | undefined;
  signal?: AbortSignal | undefined;
}

/** A successful envelope and what the HTTP layer saw. */
export interface VendorResponse {
  envelope: Envelope;
  /** The response body as received, untouched. */
  body: unknown;
  rateLimit: RateLimitInfo | undefined;
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

/** The vendor's API: every call through the core's HTTP client and the response envelope. */
export interface VendorApi {
  /** Calls an operation; a failed envelope throws its typed error even with HTTP 200. */
  call(request: VendorRequest): Promise<VendorResponse>;
  /** Calls a list operation and validates each item. */
  list<TSchema extends v.GenericSchema>(schema: TSchema, request: VendorRequest): Promise<v.InferOutput<TSchema>[]>;
  /** Calls a single-object operation and validates the object, when there is one. */
  one<TSchema extends v.GenericSchema>(schema: TSchema, request: VendorRequest): Promise<v.InferOutput<TSchema> | undefined>;
  /** Validates an item of a successful envelope; a mismatch is an `unexpected_response` error. */
  validate<TSchema extends v.GenericSchema>(schema: TSchema, value: unknown, request: VendorRequest): v.InferOutput<TSchema>;
}

/** Creates the {@link VendorApi} of one provider instance. */
export function createVendorApi(options: ResolvedOptions): VendorApi {
  const secrets = secretsOf(options);
  const http = createHttpClient({
    provider: PROVIDER,
    baseUrl: options.baseUrl,
    headers: () => authHeaders(options),
    secrets: () => secrets,
    fetch: options.fetch,
    timeout: options.timeout,
    retry: options.retry,
    rateLimiter: options.rateLimiter,
    logger: options.logger,
    telemetry: options.telemetry,
    mapError: (failure) => mapHttpErrorBody(failure.body),
  });

  const call = async (request: VendorRequest): Promise<VendorResponse> => {
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

  const validate = <TSchema extends v.GenericSchema>(schema: TSchema, value: unknown, request: VendorRequest): v.InferOutput<TSchema> => {
    const result = safeParse(schema, value);
    if (result.success) return result.output;
    const issues = toValidationIssues(result.issues);
    const first = issues[0];
    throw createProviderError('unexpected_response', {
      provider: PROVIDER,
      message: `the answer to ${request.method} ${API_PREFIX}${request.path} does not match the documented shape: ${first?.path}: ${first?.message}`,
      details: { issues: issues.slice(0, 5) },
      secrets,
    });
  };

  return {
    call,
    validate,
    async list(schema, request) {
      const { envelope } = await call(request);
      return validate(v.array(schema), envelopeItems(envelope), request);
    },
    async one(schema, request) {
      const { envelope } = await call(request);
      const item = envelopeItem(envelope);
      return item === undefined ? undefined : validate(schema, item, request);
    },
  };
}
