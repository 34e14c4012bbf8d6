// Webhooks: inbound messages and statuses as simulated, the vendor's own
// documented bodies, authentication, and what a provider may emit or reply.
import { describe, expect, it } from '@jest/globals';
import { customerKey, DELIVERY_STATUSES, MESSAGE_CONTENT_TYPES, UnsupportedFeatureError, type OutboundMessage, type WebhookEvent } from '@wamux/core/adapter';
import type { ContractContext } from './context';
import { CUSTOMER, inboundFixture, outboundFixture, RECIPIENT, USERNAME_CUSTOMER } from './fixtures';
import { expectDelivered, expectNoIo } from './helpers';
import { undeclaredStatuses, webhookReplyIssues } from './webhook-rules';

/** Registers the webhook checks. */
export function registerWebhooks(ctx: ContractContext): void {
  const { options, declared, has } = ctx;
  describe('webhooks', () => {
    for (const type of MESSAGE_CONTENT_TYPES) {
      if (type === 'unsupported' || !declared.inbound.includes(type)) continue;
      it(`inbound ${type}: the normalized event equals what was simulated`, async () => {
        const content = inboundFixture(type);
        const timestamp = new Date(Math.floor(Date.now() / 1000) * 1000);
        const result = await ctx.emulator.simulateInbound({ from: CUSTOMER, profileName: 'Ada', timestamp, content }, { webhookUrl: ctx.receiver.url });
        expect(result.status).toBeLessThan(300);
        const event = ctx.receiver.events.find((e): e is Extract<WebhookEvent, { type: 'message' }> => e.type === 'message');
        expect(event).toBeDefined();
        expect(event?.provider).toBe(options.name);
        expect(event?.raw).toBeDefined();
        expect(event?.message.id).toBe(result.id);
        expect(event?.message.from).toBe(CUSTOMER);
        expect(event?.message.customer).toMatchObject({ phone: CUSTOMER, name: 'Ada' });
        expect(event?.message.profileName).toBe('Ada');
        expect(event?.message.timestamp.getTime()).toBe(timestamp.getTime());
        expect(event?.message.content).toMatchObject(content);
      });
    }

    for (const status of declared.statuses) {
      it(`status ${status}: a status event for the id send() returned`, async () => {
        const sent = await ctx.provider.send(outboundFixture('text', () => ({ url: ctx.media.url('image') })));
        const errors = status === 'failed' ? [{ code: '131026', title: 'Message undeliverable' }] : undefined;
        const result = await ctx.emulator.simulateStatus({ messageId: sent.id, status, recipient: RECIPIENT, errors }, { webhookUrl: ctx.receiver.url });
        expect(result.status).toBeLessThan(300);
        const event = ctx.receiver.events.find((e): e is Extract<WebhookEvent, { type: 'status' }> => e.type === 'status');
        expect(event?.status).toMatchObject({ messageId: sent.id, status });
        if (errors) expect(event?.status.errors?.[0]?.code).toBe('131026');
      });
    }

    (has('webhooks.bsuid') ? it : it.skip)(
      'a username user with no phone number: a message event whose from is the BSUID; a reply goes there where the provider can',
      async () => {
        const { bsuid, parentBsuid, username, name } = USERNAME_CUSTOMER;
        const result = await ctx.emulator.simulateInbound(
          { from: bsuid, customer: { parentBsuid, username }, profileName: name, content: { type: 'text', text: 'Does it come in another color?' } },
          { webhookUrl: ctx.receiver.url },
        );
        expect(result.status).toBeLessThan(300);
        expect(ctx.receiver.events.map((e) => e.type)).toEqual(['message']);
        const event = ctx.receiver.events[0] as Extract<WebhookEvent, { type: 'message' }>;
        expect(event.message.id).toBe(result.id);
        expect(event.message.from).toBe(bsuid);
        expect(event.message.customer).toEqual(USERNAME_CUSTOMER);
        expect(event.message.profileName).toBe(name);
        expect(customerKey(event.message.customer)).toBe(bsuid);

        const reply: OutboundMessage = { type: 'text', to: event.message.from, text: 'Yes: blue and green.' };
        if (has('recipients.bsuid')) await expectDelivered(ctx.provider, ctx.emulator, reply);
        else await expectNoIo(ctx.emulator, () => ctx.provider.send(reply), UnsupportedFeatureError);
      },
    );

    (has('webhooks.bsuid') ? it : it.skip)('a customer with a phone number and a BSUID: from is the phone number, the key is the BSUID', async () => {
      const { bsuid, username } = USERNAME_CUSTOMER;
      await ctx.emulator.simulateInbound(
        { from: CUSTOMER, customer: { bsuid, username }, profileName: 'Ada', content: inboundFixture('text') },
        { webhookUrl: ctx.receiver.url },
      );
      const event = ctx.receiver.events.find((e): e is Extract<WebhookEvent, { type: 'message' }> => e.type === 'message');
      expect(event?.message.from).toBe(CUSTOMER);
      expect(event?.message.customer).toEqual({ phone: CUSTOMER, bsuid, username, name: 'Ada' });
      expect(event && customerKey(event.message.customer)).toBe(bsuid);
    });

    (has('webhooks.bsuid') && declared.statuses.includes('delivered') ? it : it.skip)(
      'a status names the recipient by phone number and BSUID when the vendor does',
      async () => {
        const sent = await ctx.provider.send(outboundFixture('text', () => ({ url: ctx.media.url('image') })));
        const { bsuid, username } = USERNAME_CUSTOMER;
        await ctx.emulator.simulateStatus(
          { messageId: sent.id, status: 'delivered', recipient: RECIPIENT, customer: { bsuid, username } },
          { webhookUrl: ctx.receiver.url },
        );
        const event = ctx.receiver.events.find((e): e is Extract<WebhookEvent, { type: 'status' }> => e.type === 'status');
        expect(event?.status).toMatchObject({ messageId: sent.id, status: 'delivered', recipient: RECIPIENT, customer: { phone: RECIPIENT, bsuid, username } });
      },
    );

    for (const fixture of options.webhookFixtures ?? []) {
      it(`vendor document body: ${fixture.name}`, async () => {
        if (!ctx.setup.deliver) throw new Error('webhookFixtures need ContractSetup.deliver to post a vendor body');
        const result = await ctx.setup.deliver(fixture.body, { webhookUrl: ctx.receiver.url });
        expect(result.status).toBeLessThan(300);
        expect(ctx.receiver.errors).toEqual([]);
        expect(ctx.receiver.events.map((e) => e.type)).toEqual(fixture.events.map((e) => e.type));
        for (const [index, expected] of fixture.events.entries()) expect(ctx.receiver.events[index]).toMatchObject(expected);
      });
    }

    (has('webhooks.verify') ? it : it.skip)('refuses an unauthenticated delivery with 401 and emits no event (when it verifies)', async () => {
      const result = await ctx.emulator.simulateInbound(
        { from: CUSTOMER, content: inboundFixture('text') },
        { webhookUrl: ctx.receiver.url, unauthenticated: true },
      );
      expect(result.status).toBe(401);
      expect(ctx.receiver.events).toHaveLength(0);
      expect(ctx.receiver.errors[0]?.code).toBe('webhook_verification_failed');
    });

    it('answers 400 and emits an error for a body that is not JSON, without crashing', async () => {
      const response = await fetch(ctx.receiver.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' });
      expect([400, 401]).toContain(response.status);
      expect(ctx.receiver.events).toHaveLength(0);
      expect(ctx.receiver.errors).toHaveLength(1);
    });
    ctx.check('declaredStatuses')('emits only the statuses it declares, whatever status the vendor reports', async () => {
      for (const status of DELIVERY_STATUSES) {
        const sent = await ctx.provider.send(outboundFixture('text', () => ({ url: ctx.media.url('image') })));
        // An emulator may refuse to simulate a status its vendor has no word for: nothing to check then.
        await ctx.emulator.simulateStatus({ messageId: sent.id, status, recipient: RECIPIENT }, { webhookUrl: ctx.receiver.url }).catch(() => undefined);
      }
      // Every status event is also checked after each test (fixtures included); this one reports every status the vendor can send.
      expect(undeclaredStatuses(ctx)).toEqual([]);
    });

    ctx.check('webhookReply')("parseWebhook's reply, when it gives one, is a valid WebhookReply", async () => {
      await ctx.emulator.simulateInbound({ from: CUSTOMER, content: inboundFixture('text') }, { webhookUrl: ctx.receiver.url });
      const sent = await ctx.provider.send(outboundFixture('text', () => ({ url: ctx.media.url('image') })));
      const status = declared.statuses[0];
      if (status !== undefined) await ctx.emulator.simulateStatus({ messageId: sent.id, status, recipient: RECIPIENT }, { webhookUrl: ctx.receiver.url });
      // Replies are also checked after each test (fixtures included).
      expect(ctx.receiver.replies.flatMap((reply) => webhookReplyIssues(reply))).toEqual([]);
    });
  });
}
