import { ConfigurationError, createHttpClient, httpClientOptions, resolveRateLimiter, type HttpClient } from '@wamux/core/adapter';
import { createAuth } from '../auth';
import { desk360ErrorInBody, mapDesk360Error } from '../errors';
import { DESK360, DESK360_RATE_LIMIT, type Desk360Config } from '../options';

/** What every Desk360 call needs: the HTTP clients and the configured integration. */
export interface Desk360Client {
  /** Desk360's API, authenticated, rate limited, with Desk360's error bodies mapped. */
  readonly http: HttpClient;
  /**
   * A client for media at `url` (apps give links; Desk360 takes files). It
   * sends no credentials: those hosts are not Desk360's.
   */
  downloadsFrom(url: string): HttpClient;
  readonly config: Desk360Config;
  /** The configured integration id; throws `ConfigurationError` before any I/O when it is missing. */
  integrationId(): number;
}

/** Builds the clients of one provider instance: authenticated, rate limited, Desk360's errors mapped. */
export function createClient(config: Desk360Config): Desk360Client {
  const rateLimiter = resolveRateLimiter(config.rateLimit, DESK360_RATE_LIMIT);
  const common = {
    provider: DESK360,
    baseUrl: config.baseUrl,
    ...httpClientOptions(config),
  };
  const webhookSecret = () => (config.webhookSecret ? [config.webhookSecret.value] : []);

  // The login call has its own client: it carries no token, and it is not
  // retried, since a locked-out login (`too_many_attempts`) only gets longer.
  const loginClient = createHttpClient({
    ...common,
    retry: false,
    rateLimiter,
    mapError: mapDesk360Error,
    errorInBody: desk360ErrorInBody,
    secrets: () => (config.credentials.kind === 'login' ? [config.credentials.password] : []),
  });
  const auth = createAuth(config.credentials, loginClient);

  const http = createHttpClient({
    ...common,
    retry: config.retry,
    rateLimiter,
    headers: () => auth.headers(),
    secrets: () => [...auth.secrets(), ...webhookSecret()],
    mapError: mapDesk360Error,
    errorInBody: desk360ErrorInBody,
    refreshCredentials: auth.refresh,
  });

  return {
    http,
    config,
    // Not under Desk360's limit: these requests go to the app's own media hosts.
    downloadsFrom: (url) =>
      createHttpClient({
        ...common,
        baseUrl: new URL(url).origin,
        retry: config.retry,
        secrets: () => [...auth.secrets(), ...webhookSecret()],
        mapError: (failure) => ({ message: `downloading the media at ${failure.path} failed with HTTP ${failure.status}` }),
      }),
    integrationId() {
      if (config.integrationId === undefined) {
        throw new ConfigurationError('integrationId', 'is required for this call (list your integrations with provider.integrations.list())', {
          provider: DESK360,
        });
      }
      return config.integrationId;
    },
  };
}
