import { createHttpClient, httpClientOptions, resolveRateLimiter } from '@wamux/core/adapter';
import { createAuthSession, type AuthSession } from '../auth';
import { mapGetchatError } from '../errors';
import { GETCHAT, type ResolvedOptions } from '../options';
import type { GetchatContext } from './context';
import type { GetchatPathOverrides } from './paths';
import { tokenExchanges } from './token-exchanges';

export type { GetchatContext } from './context';

/** The HTTP wiring of one provider: what the driver, the operation groups and live connections call through. */
export interface GetchatClient {
  /** The authenticated context. */
  readonly ctx: GetchatContext;
  /** A context without credentials: the login endpoints, links handed out by the API. */
  readonly publicCtx: GetchatContext;
  /** The credentials: headers, token renewal after a 401, the token a live connection authenticates with. */
  readonly session: AuthSession;
}

/**
 * Creates the provider's HTTP wiring on core's client: one credential-less
 * client for the login endpoints (the token they produce is what the other
 * client's headers need), and one authenticated client that logs in again
 * once after a 401. Every credential and webhook secret is scrubbed from errors.
 */
export function createClient(config: ResolvedOptions, overrides: GetchatPathOverrides): GetchatClient {
  const rateLimiter = resolveRateLimiter(config.rateLimit, undefined);
  const webhookSecrets = [config.webhookSecret, ...Object.values(config.webhookHeaders ?? {})].filter((s): s is string => s !== undefined);
  const httpOptions = {
    provider: GETCHAT,
    baseUrl: config.baseUrl,
    // Read per request, so a token obtained later is scrubbed from errors too.
    secrets: () => [...session.secrets(), ...webhookSecrets],
    ...httpClientOptions(config),
    rateLimiter,
    mapError: mapGetchatError,
  };
  const publicCtx: GetchatContext = { http: createHttpClient(httpOptions), overrides };
  const session: AuthSession = createAuthSession(config.credentials, tokenExchanges(publicCtx));
  const http = createHttpClient({ ...httpOptions, headers: () => session.headers(), refreshCredentials: () => session.renew() });
  return { ctx: { http, overrides }, publicCtx, session };
}
