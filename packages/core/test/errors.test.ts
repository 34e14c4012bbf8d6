import { inspect } from 'node:util';
import type * as core from '@wamux/core/adapter';
import {
  AbortError,
  AuthenticationError,
  ConfigurationError,
  isWamuxError,
  NetworkError,
  NotFoundError,
  ProviderServerError,
  RateLimitError,
  RequestRejectedError,
  TimeoutError,
  UnsupportedFeatureError,
  ValidationError,
  WAMUX_ERROR,
  WamuxError,
  WebhookListenerError,
  WebhookPayloadError,
  WebhookVerificationError,
} from '@wamux/core/adapter';

const SECRET = 'sk_live_9f8e7d6c5b4a3210';

/** Every textual view of an error a log or an HTTP response could show. */
function everyView(error: unknown): string[] {
  return [String((error as Error).message), JSON.stringify(error), inspect(error, { depth: Infinity, showHidden: true }), String((error as Error).stack)];
}

describe('error classes', () => {
  const cases: Array<[string, () => WamuxError, string, boolean]> = [
    ['AuthenticationError', () => new AuthenticationError('no'), 'authentication_failed', false],
    ['AuthenticationError', () => new AuthenticationError('no', { code: 'permission_denied' }), 'permission_denied', false],
    ['RateLimitError', () => new RateLimitError('slow'), 'rate_limited', true],
    ['RateLimitError', () => new RateLimitError('full', { code: 'rate_limit_queue_full' }), 'rate_limit_queue_full', true],
    ['ValidationError', () => new ValidationError([{ path: 'a', message: 'b' }]), 'validation_failed', false],
    ['RequestRejectedError', () => new RequestRejectedError('bad'), 'request_rejected', false],
    ['NotFoundError', () => new NotFoundError('gone'), 'not_found', false],
    ['ProviderServerError', () => new ProviderServerError('boom'), 'provider_error', false],
    ['ProviderServerError', () => new ProviderServerError('odd', { code: 'unexpected_response' }), 'unexpected_response', false],
    ['NetworkError', () => new NetworkError('down'), 'network_error', false],
    ['TimeoutError', () => new TimeoutError('slow'), 'timeout', false],
    ['AbortError', () => new AbortError(), 'aborted', false],
    ['UnsupportedFeatureError', () => new UnsupportedFeatureError('x'), 'unsupported_feature', false],
    ['WebhookVerificationError', () => new WebhookVerificationError('sig'), 'webhook_verification_failed', false],
    ['WebhookPayloadError', () => new WebhookPayloadError('body'), 'webhook_payload_invalid', false],
    ['WebhookListenerError', () => new WebhookListenerError('listener'), 'webhook_listener_failed', false],
    ['ConfigurationError', () => new ConfigurationError('apiKey', 'missing'), 'configuration_invalid', false],
  ];

  it.each(cases)('%s (%#) has its name, code and retryable default and is a WamuxError and an Error', (name, make, code, retryable) => {
    const error = make();
    expect(error.name).toBe(name);
    expect(error.code).toBe(code);
    expect(error.retryable).toBe(retryable);
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(WamuxError);
    expect(isWamuxError(error)).toBe(true);
    expect(error.stack).toContain(error.message);
  });

  it('instanceof distinguishes sibling classes', () => {
    const error = new NotFoundError('gone');
    expect(error instanceof NotFoundError).toBe(true);
    expect(error instanceof RateLimitError).toBe(false);
    expect(error instanceof AuthenticationError).toBe(false);
    expect(new AuthenticationError('x', { code: 'permission_denied' }) instanceof AuthenticationError).toBe(true);
  });

  it('a plain Error or a look-alike object is not a wamux error', () => {
    const lookAlike = Object.assign(new Error('x'), { code: 'not_found', name: 'NotFoundError' });
    expect(isWamuxError(lookAlike)).toBe(false);
    expect(lookAlike instanceof WamuxError).toBe(false);
    expect(lookAlike instanceof NotFoundError).toBe(false);
    expect(isWamuxError(null)).toBe(false);
    expect(isWamuxError('NotFoundError')).toBe(false);
    expect(isWamuxError({ code: 'not_found' })).toBe(false);
  });

  it('the marker is a registered, non-enumerable symbol', () => {
    const error = new NotFoundError('x');
    expect(WAMUX_ERROR).toBe(Symbol.for('wamux.error'));
    expect(Object.getOwnPropertyDescriptor(error, WAMUX_ERROR)).toMatchObject({ value: true, enumerable: false });
  });

  it('carries the options it was given', () => {
    const error = new RateLimitError('slow down', {
      provider: 'desk360',
      status: 429,
      retryAfter: 1500,
      vendorCode: 'TOO_MANY',
      requestId: 'req-1',
      details: { limit: 10 },
    });
    expect(error).toMatchObject({
      provider: 'desk360',
      status: 429,
      retryAfter: 1500,
      vendorCode: 'TOO_MANY',
      requestId: 'req-1',
      details: { limit: 10 },
      retryable: true,
    });
    expect(new RateLimitError('x', { retryable: false }).retryable).toBe(false);
  });

  it('toJSON is a plain object with every public field and nothing else', () => {
    const error = new NotFoundError('message m1 not found', { provider: 'getchat', status: 404, vendorCode: 'E404', requestId: 'r-9', details: { id: 'm1' } });
    const json = error.toJSON();
    expect(json).toEqual({
      name: 'NotFoundError',
      code: 'not_found',
      message: 'message m1 not found',
      provider: 'getchat',
      status: 404,
      retryable: false,
      retryAfter: undefined,
      delivery: 'not_sent',
      vendorCode: 'E404',
      requestId: 'r-9',
      details: { id: 'm1' },
    });
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'NotFoundError',
      code: 'not_found',
      message: 'message m1 not found',
      provider: 'getchat',
      status: 404,
      retryable: false,
      delivery: 'not_sent',
      vendorCode: 'E404',
      requestId: 'r-9',
      details: { id: 'm1' },
    });
  });

  it('ValidationError names the first field, lists every issue and counts the rest', () => {
    const issues = [
      { path: 'message.to', message: 'must be an E.164 phone number' },
      { path: 'message.text', message: 'must not be empty' },
      { path: 'message.previewUrl', message: 'Invalid type' },
    ];
    const error = new ValidationError(issues, { provider: 'fake' });
    expect(error.field).toBe('message.to');
    expect(error.issues).toEqual(issues);
    expect(error.message).toBe('message.to: must be an E.164 phone number (and 2 more)');
    expect(error.toJSON()).toMatchObject({ code: 'validation_failed', field: 'message.to', issues, provider: 'fake' });
    expect(new ValidationError([{ path: 'a', message: 'b' }]).message).toBe('a: b');
  });

  it('ValidationError without issues still names a field', () => {
    const error = new ValidationError([]);
    expect(error.field).toBe('(root)');
    expect(error.message).toBe('(root): invalid input');
  });

  it('ConfigurationError and UnsupportedFeatureError expose what they are about', () => {
    const config = new ConfigurationError('rateLimit.requests', 'must be positive', { provider: 'desk360' });
    expect(config.field).toBe('rateLimit.requests');
    expect(config.message).toBe('rateLimit.requests: must be positive');
    const unsupported = new UnsupportedFeatureError('media.upload', { provider: 'getchat' });
    expect(unsupported.feature).toBe('media.upload');
    expect(unsupported.message).toBe('getchat does not support media.upload');
    expect(new UnsupportedFeatureError('x').message).toBe('this provider does not support x');
  });
});

describe('errors across two copies of @wamux/core', () => {
  let other: typeof core;
  beforeAll(() => {
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      other = require('@wamux/core') as typeof core;
    });
  });

  it('really is a second copy', () => {
    expect(other.WamuxError).not.toBe(WamuxError);
    expect(other.NotFoundError).not.toBe(NotFoundError);
  });

  it('an error from one copy is recognised by the other copy (both directions)', () => {
    const foreign = new other.NotFoundError('gone', { provider: 'x' });
    expect(isWamuxError(foreign)).toBe(true);
    expect(foreign).toBeInstanceOf(WamuxError);
    expect(foreign).toBeInstanceOf(NotFoundError);
    expect(foreign instanceof RateLimitError).toBe(false);

    const local = new RateLimitError('slow', { code: 'rate_limit_queue_full' });
    expect(other.isWamuxError(local)).toBe(true);
    expect(local).toBeInstanceOf(other.WamuxError);
    expect(local).toBeInstanceOf(other.RateLimitError);
    expect(local instanceof other.NotFoundError).toBe(false);
  });

  it('a subclass from one copy is recognised as its parent class of the other copy', () => {
    // TYPING ISSUE: the built-in classes declare `static override readonly errorName = '...'`
    // without an annotation, so its type is the literal and no subclass can name
    // itself without this directive. Fix: annotate them `errorName: string = '...'`.
    class VendorSpecificError extends other.RequestRejectedError {
      static override readonly errorName = 'VendorSpecificError';
    }
    const error = new VendorSpecificError('nope');
    expect(error.name).toBe('VendorSpecificError');
    expect(error).toBeInstanceOf(RequestRejectedError);
    expect(error).toBeInstanceOf(WamuxError);
    expect(error instanceof NotFoundError).toBe(false);
  });

  it('recognition goes by errorName, not by the (minifiable) class name', () => {
    // A minifier renamed the class; errorName still says what it is.
    const Renamed = class a extends other.NotFoundError {};
    const error = new Renamed('gone');
    expect(Renamed.name).toBe('a');
    expect(error.name).toBe('NotFoundError');
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error instanceof RateLimitError).toBe(false);
  });

  it('a wamux error from another copy is kept as a cause unchanged', () => {
    const inner = new other.TimeoutError('slow');
    const outer = new NetworkError('wrapped', { cause: inner });
    expect(outer.cause).toBe(inner);
  });
});

describe('secrets never leak from an error', () => {
  it('scrubs the secret from the message, toJSON, inspect and stack when a vendor echoes it', () => {
    const error = new AuthenticationError(`token ${SECRET} is invalid`, {
      secrets: [SECRET],
      details: { error: { message: `bad token ${SECRET}`, echo: [`Bearer ${SECRET}`] } },
    });
    expect(error.message).toBe('token [redacted] is invalid');
    for (const view of everyView(error)) expect(view).not.toContain(SECRET);
    expect(error.details).toEqual({ error: { message: 'bad token [redacted]', echo: ['Bearer [redacted]'] } });
  });

  it('scrubs credential-shaped text even without a known secret list', () => {
    const error = new RequestRejectedError('GET https://api.test/x?api_key=abcd1234&page=2 failed; header was Bearer abcdefgh12345678', {
      details: { headers: { authorization: 'Bearer zzz', 'x-api-key': 'k-1234' }, page: 2 },
    });
    expect(error.message).toBe('GET https://api.test/x?api_key=[redacted]&page=2 failed; header was Bearer [redacted]');
    expect(error.details).toEqual({ headers: { authorization: '[redacted]', 'x-api-key': '[redacted]' }, page: 2 });
  });

  it('sanitises an Error cause: keeps name, scrubbed message and code; drops the Request and its headers', () => {
    const request = new Request('https://api.test/messages', { headers: { authorization: `Bearer ${SECRET}` } });
    const fetchError = Object.assign(new TypeError(`fetch failed for ${SECRET}`), {
      request,
      cause: Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:443'), { code: 'ECONNREFUSED' }),
    });
    const error = new NetworkError('POST /messages failed', { cause: fetchError, secrets: [SECRET] });
    const cause = error.cause as Error & { code?: string; request?: unknown };
    expect(cause).toBeInstanceOf(Error);
    expect(cause).not.toBe(fetchError);
    expect(cause.name).toBe('TypeError');
    expect(cause.message).toBe('fetch failed for [redacted]');
    expect(cause.code).toBe('ECONNREFUSED');
    expect(cause.request).toBeUndefined();
    expect(cause.cause).toBeUndefined();
    for (const view of everyView(error)) {
      expect(view).not.toContain(SECRET);
      expect(view.toLowerCase()).not.toContain('authorization');
    }
  });

  it('drops a cause that is not an Error (a Request object, a headers bag)', () => {
    const request = new Request('https://api.test/', { headers: { authorization: `Bearer ${SECRET}` } });
    const fromRequest = new NetworkError('failed', { cause: request });
    expect(fromRequest.cause).toBeUndefined();
    const fromObject = new NetworkError('failed', { cause: { headers: { authorization: SECRET } } });
    expect(fromObject.cause).toBeUndefined();
    for (const view of [...everyView(fromRequest), ...everyView(fromObject)]) expect(view).not.toContain(SECRET);
  });

  it('keeps a string cause, scrubbed', () => {
    const error = new NetworkError('failed', { cause: `socket hang up (key ${SECRET})`, secrets: [SECRET] });
    expect(error.cause).toBe('socket hang up (key [redacted])');
  });

  it('has no cause property when none was given', () => {
    expect('cause' in new NetworkError('x')).toBe(false);
  });

  // BUG: ValidationError scrubs its message with `options.secrets` but stores
  // `issues` (and `field`) untouched, and both are in toJSON() and inspect().
  // An issue message that quotes a credential leaks it even though the caller
  // passed it in `secrets`. Fix: in the ValidationError constructor, store
  // `issues.map((i) => ({ path: redactText(i.path, secrets), message: redactText(i.message, secrets) }))`
  // (secrets = options.secrets ?? []) and derive `field` from the scrubbed list.
  it('ValidationError scrubs secrets from its issues as well as its message', () => {
    const error = new ValidationError([{ path: 'apiKey', message: `${SECRET} is not a valid key` }], { secrets: [SECRET] });
    expect(error.message).not.toContain(SECRET);
    for (const view of everyView(error)) expect(view).not.toContain(SECRET);
  });
});
