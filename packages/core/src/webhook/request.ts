import { WebhookPayloadError } from '../errors/classes';

/**
 * A webhook delivery as adapters see it, whatever server received it. The
 * body is the raw text, untouched, so signatures can be checked over it.
 */
export interface WebhookRequest {
  method: string;
  /** The full URL, with its query string (some vendors put a secret there). */
  url: string;
  /** Header names in lower case. */
  headers: Readonly<Record<string, string>>;
  body: string;
}

/** An answer to a webhook beyond an empty 200. */
export interface WebhookReply {
  status: number;
  headers?: Record<string, string> | undefined;
  /** A JSON value (sent as JSON) or a string (sent as text). */
  body?: unknown;
}

/** Builds a {@link WebhookRequest} from parts; header names are lower-cased. */
export function webhookRequest(input: {
  method?: string;
  url?: string;
  headers?: Record<string, string | string[] | undefined> | Headers;
  body: string | Uint8Array | object;
}): WebhookRequest {
  const headers: Record<string, string> = {};
  if (input.headers instanceof Headers) {
    input.headers.forEach((value, name) => {
      headers[name.toLowerCase()] = value;
    });
  } else {
    for (const [name, value] of Object.entries(input.headers ?? {})) {
      if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
    }
  }
  const body =
    typeof input.body === 'string' ? input.body : input.body instanceof Uint8Array ? new TextDecoder().decode(input.body) : JSON.stringify(input.body);
  return { method: (input.method ?? 'POST').toUpperCase(), url: input.url ?? 'http://localhost/', headers, body };
}

/** Parses a webhook body as JSON, or throws a {@link WebhookPayloadError}. */
export function parseJsonBody(request: WebhookRequest, provider: string): unknown {
  try {
    return JSON.parse(request.body);
  } catch {
    throw new WebhookPayloadError('the webhook body is not valid JSON', { provider, status: 400 });
  }
}

/**
 * A query parameter of the webhook URL (`?auth=...`): the first one named
 * `name`, decoded as `URLSearchParams` decodes it; `undefined` when absent
 * or when the URL cannot be read.
 */
export function queryParam(request: WebhookRequest, name: string): string | undefined {
  try {
    return new URL(request.url, 'http://localhost').searchParams.get(name) ?? undefined;
  } catch {
    return undefined;
  }
}
