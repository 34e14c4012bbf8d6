// Failures: typed errors without secrets, safe retries (a send goes once), timeouts.
import { describe, expect, it } from '@jest/globals';
import { AuthenticationError, NetworkError, ProviderServerError, TimeoutError } from '@wamux/core/adapter';
import type { ContractContext } from './context';
import { outboundFixture } from './fixtures';
import { expectNoSecret } from './helpers';

/** Registers the failure checks. */
export function registerFailures(ctx: ContractContext): void {
  describe('failures', () => {
    it('maps rejected credentials to AuthenticationError without leaking a secret', async () => {
      const bad = ctx.make({ credentials: 'invalid', retry: false });
      const error = await bad.send(outboundFixture('text', () => ({ url: ctx.media.url('image') }))).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AuthenticationError);
      expectNoSecret(error, ctx.setup.secrets);
      await bad.close();
    });

    it('honours 429 Retry-After and delivers the message exactly once', async () => {
      const before = ctx.emulator.delivered().length;
      ctx.emulator.injectFault({ type: 'http_error', status: 429, retryAfter: 1 });
      const started = Date.now();
      const result = await ctx.provider.send(outboundFixture('text', () => ({ url: ctx.media.url('image') })));
      expect(Date.now() - started).toBeGreaterThanOrEqual(900);
      expect(ctx.emulator.delivered().length - before).toBe(1);
      expect(ctx.emulator.delivered().at(-1)?.id).toBe(result.id);
    });

    it('retries a send after 503 with Retry-After', async () => {
      const before = ctx.emulator.delivered().length;
      ctx.emulator.injectFault({ type: 'http_error', status: 503, retryAfter: 0 });
      await ctx.provider.send(outboundFixture('text', () => ({ url: ctx.media.url('image') })));
      expect(ctx.emulator.delivered().length - before).toBe(1);
    });

    it('does not retry a send after a 500 (it may have been accepted)', async () => {
      const before = ctx.emulator.delivered().length;
      const requestsBefore = ctx.emulator.requests().length;
      ctx.emulator.injectFault({ type: 'http_error', status: 500 });
      const error = await ctx.provider.send(outboundFixture('text', () => ({ url: ctx.media.url('image') }))).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ProviderServerError);
      expectNoSecret(error, ctx.setup.secrets);
      expect(ctx.emulator.requests().length - requestsBefore).toBe(1);
      expect(ctx.emulator.delivered().length).toBe(before);
    });

    it('times out a slow response with TimeoutError', async () => {
      const slow = ctx.make({ timeout: 200, retry: false });
      ctx.emulator.injectFault({ type: 'delay', ms: 1_000 });
      const started = Date.now();
      const error = await slow.send(outboundFixture('text', () => ({ url: ctx.media.url('image') }))).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TimeoutError);
      expect(Date.now() - started).toBeLessThan(900);
      expectNoSecret(error, ctx.setup.secrets);
      await slow.close();
    });

    it('reports a dropped connection as NetworkError and does not resend', async () => {
      const requestsBefore = ctx.emulator.requests().length;
      ctx.emulator.injectFault({ type: 'drop_connection' });
      const error = await ctx.provider.send(outboundFixture('text', () => ({ url: ctx.media.url('image') }))).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NetworkError);
      expect(ctx.emulator.requests().length - requestsBefore).toBe(1);
      expectNoSecret(error, ctx.setup.secrets);
    });
  });
}
