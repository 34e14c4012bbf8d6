import { inspect } from 'node:util';
import { create360dialogProvider, type D360Options, type D360Provider } from '@wamux/360dialog';

/** 360dialog's Cloud API host. */
export const HOST = 'https://waba-v2.360dialog.io';
/** An API key shaped like 360dialog's (not a real one). */
export const API_KEY = 'Tk9UX0FfUkVBTF9LRVlfd2FtdXhfdGVzdHM';
export const WEBHOOK_SECRET = { header: 'x-wamux-webhook-secret', value: 'wamux-test-webhook-secret-0123' };
export const TO = '+16505551234';

/** A provider against the real host (intercepted by nock), fast retries, no client-side limit. */
export function provider(options: Partial<D360Options> = {}): D360Provider {
  return create360dialogProvider({
    apiKey: API_KEY,
    webhookSecret: WEBHOOK_SECRET,
    retry: { limit: 2, baseDelay: 1, maxDelay: 5 },
    rateLimit: false,
    ...options,
  });
}

/** A Graph error body, as 360dialog passes Meta's through. */
export function graphError(code: number, details = 'details', message = 'title') {
  return {
    error: {
      message: `(#${code}) ${message}`,
      type: 'OAuthException',
      code,
      error_data: { messaging_product: 'whatsapp', details },
      fbtrace_id: 'AbCdTrace123',
    },
  };
}

/** Meta's answer to a send. */
export function sent(id = 'wamid.HBgLMTY1MDUwNzY1MjAVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA') {
  return { messaging_product: 'whatsapp', contacts: [{ input: '16505551234', wa_id: '16505551234' }], messages: [{ id }] };
}

/** What a call rejected with. */
export async function caught(call: () => Promise<unknown>): Promise<unknown> {
  try {
    await call();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to reject');
}

/** No secret in any view of an error. */
export function expectNoSecrets(error: unknown, secrets: readonly string[]): void {
  const views = [String((error as Error).message), String((error as Error).stack), JSON.stringify(error), inspect(error, { depth: 20, showHidden: true })];
  for (const secret of secrets) for (const view of views) expect(view).not.toContain(secret);
}
