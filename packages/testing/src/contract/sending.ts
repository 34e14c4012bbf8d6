// Sending: every message type delivered as sent or refused before I/O, the
// refusals of what a provider cannot carry, and an aborted send.
import { describe, expect, it } from '@jest/globals';
import { AbortError, INTERACTIVE_KINDS, OUTBOUND_MESSAGE_TYPES, UnsupportedFeatureError, ValidationError, type OutboundMessage } from '@wamux/core/adapter';
import type { ContractContext } from './context';
import { CUSTOMER, MEDIA, outboundFixture, RECIPIENT, TEMPLATE_SEED, USERNAME_CUSTOMER } from './fixtures';
import { expectDelivered, expectNoIo, firstMediaSource, mediaSource } from './helpers';

/** Registers the sending checks. */
export function registerSending(ctx: ContractContext): void {
  const { declared, has } = ctx;
  describe('sending', () => {
    for (const type of OUTBOUND_MESSAGE_TYPES) {
      it(`${type}: delivered content equals what was sent, or unsupported fails before I/O`, async () => {
        if (type === 'template') ctx.emulator.seedTemplates([TEMPLATE_SEED]);
        if (!declared.outbound.includes(type)) {
          await expectNoIo(ctx.emulator, () => ctx.provider.send(outboundFixture(type, () => ({ url: ctx.media.url('image') }))), UnsupportedFeatureError);
          return;
        }
        if (type === 'interactive') {
          for (const kind of INTERACTIVE_KINDS) {
            const message = outboundFixture(type, () => ({ url: ctx.media.url('image') }), kind, declared.features);
            if (!declared.interactive.includes(kind)) await expectNoIo(ctx.emulator, () => ctx.provider.send(message), UnsupportedFeatureError);
            else await expectDelivered(ctx.provider, ctx.emulator, message);
          }
          return;
        }
        const source = await firstMediaSource(ctx.provider, ctx.emulator, ctx.media);
        await expectDelivered(ctx.provider, ctx.emulator, outboundFixture(type, source, 'buttons', declared.features));
      });
    }

    (declared.outbound.includes('image') ? it : it.skip)('accepts every declared form of media (url, id, data)', async () => {
      for (const kind of ['url', 'id', 'data'] as const) {
        const message = outboundFixture('image', () => mediaSource(kind, ctx.media), 'buttons', declared.features);
        if (!declared.mediaSources.includes(kind)) {
          await expectNoIo(ctx.emulator, () => ctx.provider.send(message), UnsupportedFeatureError);
          continue;
        }
        if (kind === 'id') {
          const id = declared.features.includes('media.upload')
            ? (await ctx.provider.uploadMedia({ ...MEDIA.image })).id
            : ctx.emulator.addMedia({ ...MEDIA.image });
          await expectDelivered(ctx.provider, ctx.emulator, { ...message, media: { id } } as OutboundMessage);
        } else {
          await expectDelivered(ctx.provider, ctx.emulator, message);
        }
      }
    });

    (declared.outbound.includes('image') && !has('media.captions') ? it : it.skip)(
      'refuses a media caption it cannot carry, before I/O (never drops it)',
      async () => {
        const kind = declared.mediaSources[0] ?? 'url';
        const message = { ...outboundFixture('image', () => mediaSource(kind, ctx.media)), caption: 'A caption' } as OutboundMessage;
        await expectNoIo(ctx.emulator, () => ctx.provider.send(message), UnsupportedFeatureError);
      },
    );

    (declared.outbound.includes('interactive') && declared.interactive.includes('buttons') && !has('interactive.footer') ? it : it.skip)(
      'refuses an interactive footer it cannot carry, before I/O (never drops it)',
      async () => {
        const message = outboundFixture('interactive', () => ({ url: ctx.media.url('image') }), 'buttons', ['interactive.footer']);
        await expectNoIo(ctx.emulator, () => ctx.provider.send(message), UnsupportedFeatureError);
      },
    );

    (declared.outbound.includes('text') && !has('messages.linkPreview') ? it : it.skip)(
      'refuses a link preview it cannot ask for, before I/O (never drops it)',
      async () => {
        const message = { ...outboundFixture('text', () => ({ url: ctx.media.url('image') })), previewUrl: true } as OutboundMessage;
        await expectNoIo(ctx.emulator, () => ctx.provider.send(message), UnsupportedFeatureError);
        await expectDelivered(ctx.provider, ctx.emulator, { ...message, previewUrl: false } as OutboundMessage);
      },
    );

    it('rejects an invalid recipient with a ValidationError naming message.to, before I/O', async () => {
      const error = await expectNoIo(ctx.emulator, () => ctx.provider.send({ type: 'text', to: '12345', text: 'x' } as OutboundMessage), ValidationError);
      expect((error as ValidationError).field).toBe('message.to');
    });

    (declared.outbound.includes('text') ? it : it.skip)(
      'a BSUID recipient is sent where recipients.bsuid is declared, refused before I/O otherwise',
      async () => {
        const message: OutboundMessage = { type: 'text', to: USERNAME_CUSTOMER.bsuid, text: 'Hello from the wamux contract suite' };
        if (has('recipients.bsuid')) {
          await expectDelivered(ctx.provider, ctx.emulator, message);
          return;
        }
        await expectNoIo(ctx.emulator, () => ctx.provider.send(message), UnsupportedFeatureError);
        if (has('templates.bulkSend')) {
          const request = {
            template: { name: TEMPLATE_SEED.name, id: TEMPLATE_SEED.id, language: 'en' },
            recipients: [{ to: RECIPIENT }, { to: USERNAME_CUSTOMER.bsuid }],
          };
          await expectNoIo(ctx.emulator, () => ctx.provider.sendTemplateBulk(request), UnsupportedFeatureError);
        }
      },
    );

    it('returns the vendor id of the message and its raw response', async () => {
      const result = await ctx.provider.send(outboundFixture('text', () => ({ url: ctx.media.url('image') })));
      expect(typeof result.id).toBe('string');
      expect(result.id.length).toBeGreaterThan(0);
      expect(result.raw).toBeDefined();
      expect(ctx.emulator.delivered().at(-1)?.id).toBe(result.id);
    });
    (declared.outbound.includes('text') ? ctx.check('abort') : it.skip)(
      'an aborted signal rejects with AbortError, and no request reaches the vendor',
      async () => {
        const signal = AbortSignal.abort();
        await expectNoIo(
          ctx.emulator,
          () =>
            ctx.provider.send(
              outboundFixture('text', () => ({ url: ctx.media.url('image') })),
              { signal },
            ),
          AbortError,
        );
        if (has('templates.list')) await expectNoIo(ctx.emulator, () => ctx.provider.listTemplates({ signal }), AbortError);
        if (has('messages.history')) await expectNoIo(ctx.emulator, () => ctx.provider.listMessages({ contact: CUSTOMER, signal }), AbortError);
      },
    );
  });
}
