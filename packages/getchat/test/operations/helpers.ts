import { createHttpClient } from '@wamux/core/adapter';
import type { GetchatContext } from '../../src/client';
import { mapGetchatError } from '../../src/errors';
import { createOperations } from '../../src/operations';
import type { GetchatOperationName } from '../../src/client/paths';

/** The document's stack base URL, and its example token. */
export const ORIGIN = 'https://acme.inbox.getchat.360dialog.io';
export const BASE = `${ORIGIN}/api/v1`;
export const TOKEN = '8aeb44f5a318542d32bb13019d68198467ee21f0';

/**
 * A context the way the provider's client builds one: token auth (none with
 * `token: null`, like the provider's context for public links), DRF error
 * mapping, the user's path overrides.
 */
export function testContext(options: { baseUrl?: string; paths?: Partial<Record<GetchatOperationName, string>>; token?: string | null } = {}): GetchatContext {
  const token = options.token === undefined ? TOKEN : options.token;
  return {
    http: createHttpClient({
      provider: 'getchat',
      baseUrl: options.baseUrl ?? BASE,
      headers: (): Record<string, string> => (token === null ? {} : { authorization: `Token ${token}` }),
      mapError: mapGetchatError,
      retry: { baseDelay: 1, maxDelay: 5 },
    }),
    overrides: options.paths ?? {},
  };
}

/** Every operation group on a test context, with a credential-free context for public links. */
export function testOperations(options: Parameters<typeof testContext>[0] = {}) {
  return createOperations({ ctx: testContext(options), publicCtx: testContext({ ...options, token: null }) });
}

/** Drains an async iterator. */
export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

/** The document's full user object (Retrieve Current User example). */
export const DOC_USER = {
  url: `${BASE}/users/2/`,
  id: 2,
  username: 'peter',
  first_name: 'Peter',
  last_name: 'Rabbit',
  email: 'peter@example.com',
  profile: { role: 'admin' },
  groups: [{ id: 3, name: 'Admin' }],
  permissions: { can_use_tags: true, can_read_chats: 'all', can_write_to_chats: 'all' },
};

/** An empty list page. */
export const EMPTY_PAGE = { count: 0, next: null, previous: null, results: [] };
