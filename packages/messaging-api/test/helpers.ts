import { inspect } from 'node:util';
import { createMessagingApiProvider, type MessagingApiOptions } from '@wamux/messaging-api';

/** The vendor host of the nock tests (the document names none). */
export const BASE = 'https://messaging.example.test';
export const API_KEY = 'unit-api-key-3f9a7c21';
export const API_ID = 'unit-api-id-81d0e4b2';
export const VERIFY_TOKEN = 'unit-verify-token-55e1a0';
export const CHANNEL_ID = 'wa360:918828218374';
export const SECRETS = [API_KEY, API_ID, VERIFY_TOKEN];

/** The headers every call must carry. */
export const AUTH_HEADERS = { 'x-api-key': API_KEY, 'x-api-id': API_ID };

/** A provider against {@link BASE}, with fast retries and no client-side limit. */
export function makeProvider(extra: Partial<MessagingApiOptions> = {}) {
  return createMessagingApiProvider({
    baseUrl: BASE,
    apiKey: API_KEY,
    apiId: API_ID,
    channelId: CHANNEL_ID,
    verifyToken: VERIFY_TOKEN,
    retry: { limit: 2, baseDelay: 1, maxDelay: 5 },
    ...extra,
  });
}

/** Every view of an error a log or a JSON response could show. */
export function errorViews(error: unknown): string[] {
  return [String((error as Error).message), String((error as Error).stack), JSON.stringify(error), inspect(error, { depth: 20, showHidden: true })];
}

/** Asserts no configured secret appears in any view of `error`. */
export function expectNoSecrets(error: unknown): void {
  for (const view of errorViews(error)) for (const secret of SECRETS) expect(view).not.toContain(secret);
}

/** The rejection of `promise` (fails the test when it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

/** Every item of an async iterable. */
export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}
