import { ConfigurationError } from '@wamux/core';
import { createOutbox, jobIdForKey } from '@wamux/queue';
import { toConnectionOptions } from '../src/connection';
import { NotSentError, retryDelay } from '../src/failure';

describe('retryDelay', () => {
  const notSent = (retryAfter?: number) => new NotSentError({ code: 'rate_limited', message: 'slow down' }, retryAfter);

  it("waits the vendor's Retry-After when it gave one, capped at max", () => {
    expect(retryDelay(1, notSent(1_500), { delay: 10 })).toBe(1_500);
    expect(retryDelay(5, notSent(0), { delay: 10 })).toBe(0);
    expect(retryDelay(1, notSent(600_000), { max: 30_000 })).toBe(30_000);
  });

  it('otherwise backs off exponentially with equal jitter: between half and all of delay × 2^(attempt - 1), capped', () => {
    for (let attempt = 1; attempt <= 8; attempt += 1) {
      const full = Math.min(100 * 2 ** (attempt - 1), 5_000);
      for (let i = 0; i < 20; i += 1) {
        const delay = retryDelay(attempt, new Error('redis down'), { delay: 100, max: 5_000 });
        expect(delay).toBeGreaterThanOrEqual(full / 2);
        expect(delay).toBeLessThanOrEqual(full);
      }
    }
  });
});

describe('connections and keys', () => {
  it('turns a redis URL into ioredis options that ride out a restart', () => {
    expect(toConnectionOptions('rediss://user:p%40ss@cache.example:6380/2')).toEqual({
      host: 'cache.example',
      port: 6380,
      username: 'user',
      password: 'p@ss',
      db: 2,
      tls: {},
      maxRetriesPerRequest: null,
    });
  });

  it('refuses what is not a redis URL with a ConfigurationError on connection that never shows the password', () => {
    for (const url of ['http://user:hunter2@127.0.0.1:6379', 'not a url hunter2', 'redis://:hunter2@127.0.0.1:6379/x']) {
      let caught: unknown;
      try {
        createOutbox({ connection: url });
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(ConfigurationError);
      expect(caught).toMatchObject({ field: 'connection' });
      expect(JSON.stringify(caught) + String((caught as Error).message)).not.toContain('hunter2');
    }
  });

  it('refuses attempts below 1', () => {
    expect(() => createOutbox({ connection: 'redis://127.0.0.1:1', attempts: 0 })).toThrow(expect.objectContaining({ field: 'attempts' }));
  });

  it('derives one valid job id per idempotency key, whatever the key holds', () => {
    expect(jobIdForKey('order:1 shipped')).toBe(jobIdForKey('order:1 shipped'));
    expect(jobIdForKey('order:1 shipped')).not.toBe(jobIdForKey('order:2 shipped'));
    expect(jobIdForKey('a:b:c'.repeat(1_000))).toMatch(/^k-[0-9a-f]{40}$/);
  });
});
