import { afterAll, afterEach, beforeAll, beforeEach, describe } from '@jest/globals';
import type { ProviderContractOptions } from './types';
import { createContractContext } from './context';
import { registerFailures } from './failures';
import { registerFeatures } from './features';
import { describeEvent } from './helpers';
import { registerLifecycle } from './lifecycle';
import { webhookEventIssues } from './model-events';
import { registerSending } from './sending';
import { startMediaServer, startReceiver } from './servers';
import { undeclaredStatuses, webhookReplyIssues } from './webhook-rules';
import { registerWebhooks } from './webhooks';

export { expectNoSecret } from './helpers';

/**
 * Registers the provider contract as jest tests. Every adapter runs it
 * against its emulator; a test is registered for each capability the
 * provider declares, and for each one it does not (which must fail before
 * any network I/O). A check the adapter cannot pass yet is skipped only
 * through `options.skip`, with its reason in the test's name.
 *
 * ```ts
 * runProviderContract({ name: 'desk360', setup: async () => ({ emulator, createProvider, secrets }) });
 * ```
 */
export function runProviderContract(options: ProviderContractOptions): void {
  describe(`${options.name} provider contract`, () => {
    const ctx = createContractContext(options);

    beforeAll(async () => {
      ctx.setup = await options.setup();
      ctx.emulator = ctx.setup.emulator;
      ctx.provider = ctx.make();
      ctx.receiver = await startReceiver(ctx.provider);
      ctx.media = await startMediaServer();
    });

    afterAll(async () => {
      await ctx.provider?.close();
      await ctx.receiver?.close();
      await ctx.media?.close();
      await ctx.emulator?.close();
      await ctx.setup?.teardown?.();
    });

    // When setup failed, its error is the one to read: these hooks add none.
    beforeEach(() => {
      if (ctx.receiver === undefined) return;
      ctx.emulator.clearFaults();
      ctx.receiver.events.length = 0;
      ctx.receiver.errors.length = 0;
      ctx.receiver.replies.length = 0;
    });

    // Whatever a test made the provider emit is a valid model event, with a
    // status the provider declares, and every reply it gave can be sent:
    // what an app receives is what the model's types and the capabilities promise.
    afterEach(() => {
      if (ctx.receiver === undefined) return;
      for (const event of ctx.receiver.events) {
        const issues = webhookEventIssues(event, options.name);
        if (issues.length > 0) throw new Error(`a ${describeEvent(event)} event is not a valid model event:\n  ${issues.join('\n  ')}`);
      }
      const undeclared = options.skip?.declaredStatuses === undefined ? undeclaredStatuses(ctx) : [];
      if (undeclared.length > 0)
        throw new Error(`status events outside capabilities.statuses (${ctx.declared.statuses.join(', ')}):\n  ${undeclared.join('\n  ')}`);
      const badReplies = options.skip?.webhookReply === undefined ? ctx.receiver.replies.flatMap((reply) => webhookReplyIssues(reply)) : [];
      if (badReplies.length > 0) throw new Error(`parseWebhook gave a reply that is not a valid WebhookReply:\n  ${badReplies.join('\n  ')}`);
    });

    // Tests are registered from the capabilities the adapter declares, so no
    // test passes by skipping its body; the provider must then report the same.
    registerLifecycle(ctx);
    registerSending(ctx);
    registerWebhooks(ctx);
    registerFeatures(ctx);
    registerFailures(ctx);
  });
}
