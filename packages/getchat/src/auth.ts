import { match } from 'ts-pattern';
import type { ResolvedCredentials } from './options';

/** Exchanges long-lived credentials for an auth token (the calls live in client/token-exchanges.ts). */
export interface TokenExchanges {
  /** `POST /auth/token/` with username and password. */
  login(username: string, password: string, signal?: AbortSignal): Promise<string>;
  /** `POST /auth/convert_refresh_token/`. */
  convertRefreshToken(refreshToken: string, keepRefreshToken: boolean, signal?: AbortSignal): Promise<string>;
}

/**
 * The credentials of one provider instance: the headers every request
 * carries, and a way to log in again after a 401.
 */
export interface AuthSession {
  /** The auth headers; logs in first when the method needs a token and none is cached. */
  headers(): Promise<Record<string, string>>;
  /**
   * Drops the cached token and logs in again (the HTTP client calls it once
   * after a 401). Resolves `false` for methods that cannot renew (a fixed
   * token or API key), so the 401 surfaces as `AuthenticationError`.
   */
  renew(): Promise<boolean>;
  /** The auth token (logging in first when needed); `undefined` for a D360-Api-Key session, which has none. */
  cachedToken(): Promise<string | undefined>;
  /** Every credential value, to scrub from errors. */
  secrets(): string[];
}

/**
 * Creates the session for `credentials`. Exchanged tokens are cached and
 * shared: concurrent first requests trigger one login, not one each.
 */
export function createAuthSession(credentials: ResolvedCredentials, exchanges: TokenExchanges): AuthSession {
  let pending: Promise<string> | undefined;
  let token: string | undefined;

  const exchange = (): Promise<string> =>
    match(credentials)
      .with({ method: 'password' }, (c) => exchanges.login(c.username, c.password))
      .with({ method: 'refreshToken' }, (c) => exchanges.convertRefreshToken(c.refreshToken, c.keepRefreshToken))
      .with({ method: 'token' }, (c) => Promise.resolve(c.token))
      .with({ method: 'd360ApiKey' }, () => Promise.reject(new TypeError('a D360-Api-Key session has no token to exchange')))
      .exhaustive();

  const currentToken = (): Promise<string> => {
    pending ??= exchange().then(
      (value) => {
        token = value;
        return value;
      },
      (error: unknown) => {
        // A failed login must not be cached: the next request tries again.
        pending = undefined;
        throw error;
      },
    );
    return pending;
  };

  const renewable = credentials.method === 'password' || credentials.method === 'refreshToken';
  // Several requests can fail with 401 at once; they share one new login.
  let renewing: Promise<boolean> | undefined;

  return {
    async headers(): Promise<Record<string, string>> {
      if (credentials.method === 'd360ApiKey') return { 'd360-api-key': credentials.apiKey };
      return { authorization: `Token ${await currentToken()}` };
    },
    async renew() {
      if (!renewable) return false;
      renewing ??= (async () => {
        pending = undefined;
        token = undefined;
        await currentToken();
        return true;
      })().finally(() => {
        renewing = undefined;
      });
      return renewing;
    },
    async cachedToken() {
      if (credentials.method === 'd360ApiKey') return undefined;
      return currentToken();
    },
    secrets() {
      const fixed = match(credentials)
        .with({ method: 'token' }, (c) => [c.token])
        .with({ method: 'd360ApiKey' }, (c) => [c.apiKey])
        .with({ method: 'password' }, (c) => [c.password])
        .with({ method: 'refreshToken' }, (c) => [c.refreshToken])
        .exhaustive();
      return token === undefined ? fixed : [...fixed, token];
    },
  };
}
