import nock from 'nock';
import { createHttpClient, createRateLimiter, createWebhookHandler, maskPhone, resolveLogger, routeTemplate, silentLogger } from '@wamux/core/adapter';
import { createMemoryProvider } from '@wamux/memory';
import { useNock } from '../../../test-support/use-nock';
import { recordingLogger } from './telemetry-support';
import { fakeProvider } from './webhook-support';

const BASE = 'https://api.log.test/v1';

useNock();

describe('maskPhone', () => {
  it.each([
    ['+4915112345678', '+**********678'],
    ['905551112233', '*********233'],
    ['+1 (555) 010-4477', '+********477'],
    ['US.13491208655302741918', '********************918'],
  ])('masks %s as %s', (input, masked) => {
    expect(maskPhone(input)).toBe(masked);
  });
});

describe('routeTemplate', () => {
  it.each([
    ['/v1/messages', '/v1/messages'],
    ['/v17.0/1234567890/messages', '/v17.0/{id}/messages'],
    ['/api/v1/messages/wamid.HBgLOTA1NTUxMTEyMjMzFQIAERgS', '/api/v1/messages/{id}'],
    ['/v1/contacts/+905551112233', '/v1/contacts/{id}'],
    ['/bot123456:AAE-token/sendMessage', '/{id}/{id}'],
    ['/v1/media/ABCdef?token=x', '/v1/media/{id}'],
  ])('%s -> %s', (path, template) => {
    expect(routeTemplate(path)).toBe(template);
  });
});

describe('the logger option', () => {
  it('is silent by default and keeps a throwing logger from failing the caller', () => {
    expect(resolveLogger(undefined)).toBe(silentLogger);
    const throwing = resolveLogger({
      debug: () => {},
      info: () => {},
      warn: () => {
        throw new Error('broken logger');
      },
      error: () => {},
    });
    expect(() => throwing.warn('x')).not.toThrow();
  });

  it('calls a console-like logger with its own `this`', () => {
    const calls: unknown[] = [];
    const logger = {
      prefix: 'p',
      debug() {},
      info() {},
      error() {},
      warn(this: { prefix: string }, message: string) {
        calls.push(`${this.prefix}:${message}`);
      },
    };
    resolveLogger(logger).warn('hello');
    expect(calls).toEqual(['p:hello']);
  });

  it('refuses something that is not a logger, naming the field', () => {
    expect(() => createMemoryProvider({ baseUrl: 'http://127.0.0.1:1', apiKey: 'k', allowInsecureHttp: true, logger: { warn: () => {} } as never })).toThrow(
      expect.objectContaining({ code: 'configuration_invalid', field: 'logger' }),
    );
    expect(() => createWebhookHandler(fakeProvider().provider, { logger: 'console' as never })).toThrow(expect.objectContaining({ field: 'logger' }));
  });
});

describe('what the HTTP path logs', () => {
  it('a retry, with the route template and never the path, the token or the body', async () => {
    const logger = recordingLogger();
    const http = createHttpClient({
      provider: 'test',
      baseUrl: BASE,
      headers: () => ({ authorization: 'Bearer tok-secret-123' }),
      retry: { baseDelay: 1, maxDelay: 2 },
      logger,
    });
    nock(BASE).get('/contacts/905551112233').reply(503);
    nock(BASE).get('/contacts/905551112233').reply(200, {});
    await http.request({ method: 'GET', path: '/contacts/905551112233' });
    expect(logger.lines).toEqual([
      expect.objectContaining({ level: 'warn', fields: expect.objectContaining({ route: '/v1/contacts/{id}', reason: 'http_503', retry: 1 }) }),
    ]);
    const all = JSON.stringify(logger.lines);
    expect(all).not.toContain('905551112233');
    expect(all).not.toContain('tok-secret-123');
  });

  it('a limiter held back after the vendor said 429 with Retry-After', async () => {
    const logger = recordingLogger();
    const http = createHttpClient({ provider: 'test', baseUrl: BASE, retry: false, rateLimiter: createRateLimiter({ requests: 100, interval: 1000 }), logger });
    nock(BASE).post('/messages').reply(429, {}, { 'Retry-After': '0' });
    await expect(http.request({ method: 'POST', path: '/messages', json: { text: 'private text' } })).rejects.toMatchObject({ code: 'rate_limited' });
    expect(logger.lines[0]).toMatchObject({ level: 'warn', fields: { provider: 'test', status: 429, route: '/v1/messages' } });
    expect(logger.lines[0]?.message).toContain('holds every request back');
    expect(JSON.stringify(logger.lines)).not.toContain('private text');
  });

  it('a redirect refused, with the target origin only', async () => {
    const logger = recordingLogger();
    const http = createHttpClient({ provider: 'test', baseUrl: BASE, headers: () => ({ authorization: 'Bearer t0ken-abc' }), logger });
    nock(BASE).post('/messages').reply(307, '', { location: 'https://elsewhere.test/steal?token=t0ken-abc' });
    await expect(http.request({ method: 'POST', path: '/messages', json: {} })).rejects.toMatchObject({ code: 'redirect_refused' });
    expect(logger.lines).toEqual([
      expect.objectContaining({ level: 'warn', fields: expect.objectContaining({ status: 307, location: 'https://elsewhere.test' }) }),
    ]);
    expect(JSON.stringify(logger.lines)).not.toContain('t0ken-abc');
  });

  it('a shared limiter store that fails: the request is not sent, and the logger says so', async () => {
    const logger = recordingLogger();
    const store = { take: async () => Promise.reject(new Error('redis down')), blockUntil: async () => undefined };
    const http = createHttpClient({ provider: 'test', baseUrl: BASE, rateLimiter: createRateLimiter({ requests: 1, interval: 1000, store }), logger });
    await expect(http.request({ method: 'GET', path: '/x' })).rejects.toMatchObject({ delivery: 'not_sent' });
    expect(logger.lines).toEqual([expect.objectContaining({ level: 'error', fields: expect.objectContaining({ route: '/v1/x' }) })]);
  });
});
