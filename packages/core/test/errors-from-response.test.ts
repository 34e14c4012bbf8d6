import {
  AuthenticationError,
  createProviderError,
  kindFromStatus,
  NotFoundError,
  ProviderServerError,
  RateLimitError,
  RequestRejectedError,
  TimeoutError,
  type ProviderErrorKind,
} from '@wamux/core/adapter';

describe('kindFromStatus', () => {
  it.each<[number, ProviderErrorKind]>([
    [400, 'rejected'],
    [401, 'authentication'],
    [403, 'permission'],
    [404, 'not_found'],
    [405, 'rejected'],
    [408, 'timeout'],
    [409, 'rejected'],
    [415, 'rejected'],
    [422, 'rejected'],
    [429, 'rate_limit'],
    [500, 'server'],
    [502, 'server'],
    [503, 'server'],
    [599, 'server'],
  ])('%i is %s', (status, kind) => {
    expect(kindFromStatus(status)).toBe(kind);
  });
});

describe('createProviderError', () => {
  it.each<[ProviderErrorKind, new (...args: never[]) => Error, string, boolean]>([
    ['authentication', AuthenticationError, 'authentication_failed', false],
    ['permission', AuthenticationError, 'permission_denied', false],
    ['rate_limit', RateLimitError, 'rate_limited', true],
    ['rejected', RequestRejectedError, 'request_rejected', false],
    ['not_found', NotFoundError, 'not_found', false],
    ['timeout', TimeoutError, 'timeout', true],
    ['server', ProviderServerError, 'provider_error', true],
    ['unexpected_response', ProviderServerError, 'unexpected_response', false],
  ])('%s → %p with code %s, retryable %p', (kind, Class, code, retryable) => {
    const error = createProviderError(kind, { provider: 'acme', status: 500 });
    expect(error).toBeInstanceOf(Class);
    expect(error.code).toBe(code);
    expect(error.provider).toBe('acme');
    expect(error.retryable).toBe(retryable);
  });

  it('writes a default message naming the status', () => {
    expect(createProviderError('not_found', { provider: 'a', status: 404 }).message).toBe('not found (HTTP 404)');
    expect(createProviderError('authentication', { provider: 'a', status: 401 }).message).toBe('the provider rejected the credentials (HTTP 401)');
    expect(createProviderError('server', { provider: 'a' }).message).toBe('the provider failed');
    expect(createProviderError('rate_limit', { provider: 'a', status: 429 }).message).toContain('rate limit');
  });

  it('a server error reported inside a 2xx body is not retryable; without a status it is', () => {
    expect(createProviderError('server', { provider: 'a', status: 200 }).retryable).toBe(false);
    expect(createProviderError('server', { provider: 'a', status: 503 }).retryable).toBe(true);
    expect(createProviderError('server', { provider: 'a' }).retryable).toBe(true);
  });

  it('carries every field the adapter knows', () => {
    const error = createProviderError('rejected', {
      provider: 'acme',
      status: 400,
      message: 'template not approved',
      vendorCode: 'TPL_PENDING',
      requestId: 'trace-1',
      retryAfter: 5000,
      details: { field: 'template' },
    });
    expect(error.toJSON()).toEqual({
      name: 'RequestRejectedError',
      code: 'request_rejected',
      message: 'template not approved',
      provider: 'acme',
      status: 400,
      retryable: false,
      retryAfter: 5000,
      delivery: 'not_sent',
      vendorCode: 'TPL_PENDING',
      requestId: 'trace-1',
      details: { field: 'template' },
    });
  });

  it('scrubs secrets from the message and details, and sanitises the cause', () => {
    const secret = 'tok_0123456789abcdef';
    const error = createProviderError('authentication', {
      provider: 'acme',
      message: `token ${secret} expired`,
      details: { echo: secret, token: 'x' },
      secrets: [secret],
      cause: Object.assign(new Error(`bad ${secret}`), { request: { headers: { authorization: secret } } }),
    });
    expect(error.message).toBe('token [redacted] expired');
    expect(error.details).toEqual({ echo: '[redacted]', token: '[redacted]' });
    expect((error.cause as Error).message).toBe('bad [redacted]');
    expect((error.cause as { request?: unknown }).request).toBeUndefined();
  });
});
