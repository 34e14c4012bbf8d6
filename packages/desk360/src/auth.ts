import type { HttpClient } from '@wamux/core/adapter';
import { paths } from './client/paths';
import type { Desk360Credentials } from './options';
import { LoginResponseSchema } from './wire/auth';

/** How requests are authenticated: the header to send, and how to renew it after a 401. */
export interface Desk360Auth {
  /** The `Authorization` header for the next request (logs in first when needed). */
  headers(): Promise<Record<string, string>>;
  /** Logs in again after a 401; `undefined` for an API key, which cannot be renewed. */
  refresh: (() => Promise<boolean>) | undefined;
  /** Every credential value, for scrubbing from errors. */
  secrets(): string[];
}

/**
 * Builds the authentication for the credentials. An API key is sent as is;
 * email and password are exchanged once through `POST /v1/login` (on the
 * unauthenticated `loginClient`) for a token that is cached, shared by
 * concurrent requests, and renewed once when Desk360 answers 401.
 */
export function createAuth(credentials: Desk360Credentials, loginClient: HttpClient): Desk360Auth {
  if (credentials.kind === 'apiKey') {
    const header = { authorization: `Bearer ${credentials.apiKey}` };
    return { headers: async () => header, refresh: undefined, secrets: () => [credentials.apiKey] };
  }

  let token: string | undefined;
  let pending: Promise<string> | undefined;

  const login = (): Promise<string> => {
    pending ??= loginClient
      .request({
        method: 'POST',
        path: paths.login,
        json: { email: credentials.email, password: credentials.password },
        schema: LoginResponseSchema,
        // Logging in twice is harmless; a transient failure may be retried.
        idempotent: true,
      })
      .then((response) => {
        token = response.data.access_token;
        return token;
      })
      .finally(() => {
        pending = undefined;
      });
    return pending;
  };

  return {
    async headers() {
      return { authorization: `Bearer ${token ?? (await login())}` };
    },
    async refresh() {
      token = undefined;
      await login();
      return true;
    },
    secrets: () => [credentials.password, ...(token === undefined ? [] : [token])],
  };
}
