import type { TokenExchanges } from '../auth';
import type { GetchatContext } from './context';
import { TokenWire } from '../wire/users';
import { callOperation } from './call';
import { withBodySecrets } from './scrub';

// The Authorization calls the auth session makes (and, with input
// validation, the provider's `auth` namespace, operations/auth.ts).

/** An auth token: send it as `Authorization: Token <token>`. */
export interface GetchatAuthToken {
  token: string;
}

/** `createAuthToken`, once the input is valid. The password never reaches an error. */
export function login(publicCtx: GetchatContext, username: string, password: string, signal: AbortSignal | undefined): Promise<GetchatAuthToken> {
  return withBodySecrets([password], () => callOperation(publicCtx, 'createAuthToken', { json: { username, password }, schema: TokenWire, signal }));
}

/** `convertRefreshToken`, once the input is valid. The refresh token never reaches an error. */
export function convertRefreshToken(
  publicCtx: GetchatContext,
  refreshToken: string,
  keepRefreshToken: boolean,
  signal: AbortSignal | undefined,
): Promise<GetchatAuthToken> {
  return withBodySecrets([refreshToken], () =>
    callOperation(publicCtx, 'convertRefreshToken', { json: { refresh_token: refreshToken, keep_refresh_token: keepRefreshToken }, schema: TokenWire, signal }),
  );
}

/** The exchanges the auth session performs, through the credential-less client. */
export function tokenExchanges(publicCtx: GetchatContext): TokenExchanges {
  return {
    login: async (username, password, signal) => (await login(publicCtx, username, password, signal)).token,
    convertRefreshToken: async (refreshToken, keep, signal) => (await convertRefreshToken(publicCtx, refreshToken, keep, signal)).token,
  };
}
