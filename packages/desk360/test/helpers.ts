import { inspect } from 'node:util';
import type nock from 'nock';
import { createDesk360Provider, type Desk360Options, type Desk360Provider } from '@wamux/desk360';

/** Desk360's host, as the document writes it. */
export const BASE = 'https://public-api.desk360.com';
/** The document's example API key. */
export const API_KEY = '06RS4pzxsPquYVOmHAZlogoRNatNjYnVCI1eZZiUK1Fu1DpxqFz1Fl9zyRON4juM';
export const INTEGRATION = 11;
/** `/v1/integrations/11/conversations` */
export const CONVERSATIONS = `/v1/integrations/${INTEGRATION}/conversations`;

/** A provider against the real host (intercepted by nock), fast retries, no client-side limit. */
export function provider(options: Partial<Desk360Options> = {}): Desk360Provider {
  return createDesk360Provider({
    apiKey: API_KEY,
    integrationId: INTEGRATION,
    retry: { limit: 2, baseDelay: 1, maxDelay: 5 },
    rateLimit: false,
    ...options,
  } as Desk360Options);
}

/** What a nock interceptor saw of a request. */
export interface Captured {
  headers: Record<string, string>;
  /** The body text (JSON requests). */
  text: string;
  /** The multipart fields, files as `{ filename, mimeType, bytes }` (multipart requests). */
  form?: Record<string, FormValue> | undefined;
  /** Every multipart part in order (repeated names such as `attachments[]` included). */
  parts?: Array<[string, FormValue]> | undefined;
}

/** A multipart field: text, or a file. */
export type FormValue = string | { filename: string; mimeType: string; bytes: Buffer };

/** The requests an interceptor saw, and a promise for their multipart bodies. */
export interface Capture {
  requests: Captured[];
  /** Resolves once every multipart body is parsed into `form`. */
  settled(): Promise<void>;
}

/**
 * Replies with `status` / `body` / `headers` and records each request
 * (nock 15 hands the reply function the fetch `Request`).
 */
export function capture(interceptor: nock.Interceptor, status: number, body: nock.Body, headers: Record<string, string> = {}): Capture {
  const requests: Captured[] = [];
  const pending: Promise<void>[] = [];
  interceptor.reply((request: Request) => {
    const entry: Captured = { headers: Object.fromEntries(request.headers.entries()), text: '' };
    requests.push(entry);
    const read = (async () => {
      const bytes = await request.clone().arrayBuffer();
      entry.text = Buffer.from(bytes).toString('utf8');
      if (!(entry.headers['content-type'] ?? '').startsWith('multipart/form-data')) return;
      const parts: Array<[string, FormValue]> = [];
      for (const [key, value] of (await request.formData()).entries()) {
        parts.push([key, typeof value === 'string' ? value : { filename: value.name, mimeType: value.type, bytes: Buffer.from(await value.arrayBuffer()) }]);
      }
      entry.parts = parts;
      entry.form = Object.fromEntries(parts);
    })();
    pending.push(read);
    return read.then(() => [status, body, headers] as const);
  });
  return { requests, settled: async () => void (await Promise.all(pending)) };
}

/** Runs `call` and returns what it threw. */
export async function caught(call: () => Promise<unknown> | unknown): Promise<unknown> {
  try {
    await call();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}

/** Asserts that none of `secrets` appears in the error's message, stack, JSON or inspection. */
export function expectNoSecrets(error: unknown, secrets: readonly string[]): void {
  const views = [String((error as Error).message), String((error as Error).stack), JSON.stringify(error), inspect(error, { depth: 20, showHidden: true })];
  for (const secret of secrets) for (const view of views) expect(view).not.toContain(secret);
}

/** Reads an async iterable into an array. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
