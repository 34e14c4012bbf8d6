import * as v from 'valibot';
import { AbortError, checkBaseUrl, ConfigurationError, parseOptions, resolveRateLimiter } from '@wamux/core/adapter';
// sleep is core's own (not exported): its tests read it from the source.
import { sleep } from '../src/util/sleep';

describe('checkBaseUrl', () => {
  it('returns an https URL without trailing slashes', () => {
    expect(checkBaseUrl('https://waba.test/v1///', { provider: 'p' })).toBe('https://waba.test/v1');
    expect(checkBaseUrl('https://waba.test', { provider: 'p' })).toBe('https://waba.test');
  });

  it('allows plain http to this machine only: elsewhere the caller must opt in', () => {
    for (const local of [
      'http://127.0.0.1:8080/',
      'http://127.8.9.10:8080/',
      'http://localhost:8080/',
      'http://[::1]:8080/',
      'http://emulator.localhost:8080/',
    ]) {
      expect(checkBaseUrl(local, { provider: 'desk360' })).toBe(local.replace(/\/$/, ''));
    }
    for (const remote of ['http://10.0.0.5:8080', 'http://desk360.example', 'http://127.0.0.1.example.com', 'http://localhost.example.com']) {
      expect(() => checkBaseUrl(remote, { provider: 'desk360' })).toThrow(ConfigurationError);
      expect(() => checkBaseUrl(remote, { provider: 'desk360' })).toThrow(/requires HTTPS outside this machine.*allowInsecureHttp/);
    }
    expect(checkBaseUrl('http://10.0.0.5:8080/', { provider: 'desk360', allowInsecure: true })).toBe('http://10.0.0.5:8080');
  });

  it('refuses relative URLs and other schemes, naming the field', () => {
    for (const bad of ['waba.test/v1', '/v1', '', 'ftp://waba.test', 'javascript:alert(1)']) {
      let error: unknown;
      try {
        checkBaseUrl(bad, { provider: 'p', field: 'apiUrl' });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ConfigurationError);
      expect(error).toMatchObject({ field: 'apiUrl', provider: 'p' });
    }
    expect(() => checkBaseUrl('nope', { provider: 'p' })).toThrow(expect.objectContaining({ field: 'baseUrl' }));
  });
});

describe('resolveRateLimiter', () => {
  it('false turns limiting off, even when the vendor has a default', () => {
    expect(resolveRateLimiter(false, { requests: 1, interval: 1000 })).toBeUndefined();
  });

  it('no setting and no vendor default: no limiter', () => {
    expect(resolveRateLimiter(undefined, undefined)).toBeUndefined();
  });

  it('uses the caller setting over the vendor default', async () => {
    jest.useFakeTimers();
    try {
      const limiter = resolveRateLimiter({ requests: 5, interval: 1000, burst: 5 }, { requests: 1, interval: 60_000 });
      expect(limiter).toBeDefined();
      // Five immediate tokens: the caller's burst, not the vendor's one per minute.
      let served = 0;
      for (let i = 0; i < 5; i += 1) void limiter?.acquire().then(() => (served += 1));
      await jest.advanceTimersByTimeAsync(0);
      expect(served).toBe(5);
    } finally {
      jest.useRealTimers();
    }
  });

  it('falls back to the vendor default', async () => {
    jest.useFakeTimers();
    try {
      const limiter = resolveRateLimiter(undefined, { requests: 1, interval: 1000, margin: 0 });
      let served = 0;
      for (let i = 0; i < 2; i += 1) void limiter?.acquire().then(() => (served += 1));
      await jest.advanceTimersByTimeAsync(0);
      expect(served).toBe(1);
      await jest.advanceTimersByTimeAsync(1000);
      expect(served).toBe(2);
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('sleep', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('resolves after the delay', async () => {
    let done = false;
    void sleep(1000).then(() => (done = true));
    await jest.advanceTimersByTimeAsync(999);
    expect(done).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
  });

  it('resolves at once for zero or negative delays', async () => {
    await expect(sleep(0)).resolves.toBeUndefined();
    await expect(sleep(-5)).resolves.toBeUndefined();
    expect(jest.getTimerCount()).toBe(0);
  });

  it('rejects with AbortError when aborted, and clears its timer', async () => {
    const controller = new AbortController();
    const waiting = sleep(60_000, controller.signal);
    expect(jest.getTimerCount()).toBe(1);
    controller.abort();
    await expect(waiting).rejects.toBeInstanceOf(AbortError);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('rejects at once for an already-aborted signal', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(sleep(10, controller.signal)).rejects.toMatchObject({ code: 'aborted' });
    expect(jest.getTimerCount()).toBe(0);
  });
});

describe('parseOptions', () => {
  const schema = v.strictObject({ apiKey: v.string(), timeout: v.optional(v.number()), integrationId: v.optional(v.number()) });

  it('refuses an unknown option by name, with the option it most likely meant', () => {
    for (const [typo, meant] of [
      ['tiemout', 'timeout'],
      ['integrationID', 'integrationId'],
      ['apikey', 'apiKey'],
    ]) {
      let error: unknown;
      try {
        parseOptions(schema, { apiKey: 'k', [typo as string]: 1 }, 'acme');
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ConfigurationError);
      expect(error).toMatchObject({ field: typo, provider: 'acme' });
      expect((error as Error).message).toContain(`did you mean "${meant}"?`);
    }
  });

  it('names an unknown option it cannot place, without a guess, and never echoes the value', () => {
    let error: unknown;
    try {
      parseOptions(schema, { apiKey: 'k', colour: 'sk-live-secret-value' }, 'acme');
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ field: 'colour' });
    expect((error as Error).message).not.toContain('did you mean');
    expect((error as Error).message).not.toContain('sk-live-secret-value');
  });
});
