import { inspect } from 'node:util';
import { createCloudApiProvider, type CloudApiOptions, type CloudApiProvider } from '@wamux/cloud-api';

/** Meta's Graph host. */
export const GRAPH = 'https://graph.facebook.com';
/** Meta's example ids and a token shaped like Meta's (not a real one). */
export const PHONE_NUMBER_ID = '106540352242922';
export const WABA_ID = '102290129340398';
export const TOKEN = 'EAAJBtestTokenForWamux0123456789abcdefABCDEF';
export const APP_SECRET = 'wamux-test-app-secret-0123456789';
export const MESSAGES = `/v23.0/${PHONE_NUMBER_ID}/messages`;
export const TO = '+16505551234';

/** A provider against the real host (intercepted by nock), fast retries, no client-side limit. */
export function provider(options: Partial<CloudApiOptions> = {}): CloudApiProvider {
  return createCloudApiProvider({
    accessToken: TOKEN,
    phoneNumberId: PHONE_NUMBER_ID,
    businessAccountId: WABA_ID,
    appSecret: APP_SECRET,
    retry: { limit: 2, baseDelay: 1, maxDelay: 5 },
    rateLimit: false,
    ...options,
  });
}

/** A Graph error body, as Meta answers. */
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
