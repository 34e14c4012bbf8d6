// Optional features: refused before I/O when undeclared, working when declared.
import { describe, expect, it } from '@jest/globals';
import { MEDIA, inboundFixture, CUSTOMER, RECIPIENT, TEMPLATE_SEED } from './fixtures';
import { UnsupportedFeatureError, ValidationError, type ProviderFeature } from '@wamux/core/adapter';
import type { ContractContext } from './context';
import { expectNoIo } from './helpers';

/** Registers the optional-feature checks. */
export function registerFeatures(ctx: ContractContext): void {
  const { has } = ctx;
  describe('optional features', () => {
    it('refuses every undeclared feature with UnsupportedFeatureError before I/O', async () => {
      const calls: Record<string, () => unknown> = {
        'media.upload': () => ctx.provider.uploadMedia({ ...MEDIA.image }),
        'media.download': () => ctx.provider.downloadMedia('some-id'),
        'messages.markRead': () => ctx.provider.markRead('some-id'),
        'templates.list': () => ctx.provider.listTemplates(),
        'templates.bulkSend': () => ctx.provider.sendTemplateBulk({ template: { name: 'x', language: 'en' }, recipients: [{ to: RECIPIENT }] }),
        'messages.history': () => ctx.provider.listMessages({ contact: RECIPIENT }),
      };
      for (const [feature, call] of Object.entries(calls)) {
        if (has(feature as ProviderFeature)) continue;
        await expectNoIo(ctx.emulator, async () => call(), UnsupportedFeatureError);
      }
    });

    (has('templates.list') ? it : it.skip)('lists templates page by page to the end', async () => {
      const seeds = Array.from({ length: 45 }, (_, i) => ({ ...TEMPLATE_SEED, id: `tpl_${i}`, name: `template_${String(i).padStart(2, '0')}` }));
      ctx.emulator.seedTemplates(seeds);
      const names: string[] = [];
      for await (const template of ctx.provider.listTemplates()) names.push(template.name);
      expect(new Set(names)).toEqual(new Set(seeds.map((s) => s.name)));
      expect(names).toHaveLength(45);
    });

    (has('templates.list') ? it : it.skip)('retries an idempotent read after a 500', async () => {
      ctx.emulator.seedTemplates([TEMPLATE_SEED]);
      ctx.emulator.injectFault({ type: 'http_error', status: 500 });
      const names: string[] = [];
      for await (const template of ctx.provider.listTemplates()) names.push(template.name);
      expect(names).toEqual([TEMPLATE_SEED.name]);
    });

    (has('media.download') ? it : it.skip)('downloads media by id', async () => {
      const id = ctx.emulator.addMedia({ ...MEDIA.image });
      const downloaded = await ctx.provider.downloadMedia(id);
      expect(Buffer.from(downloaded.data).equals(Buffer.from(MEDIA.image.data))).toBe(true);
      expect(downloaded.mimeType).toMatch(/^image\/png/);
    });

    (has('media.upload') ? it : it.skip)('uploads media and returns an id the emulator holds', async () => {
      const uploaded = await ctx.provider.uploadMedia({ ...MEDIA.document });
      const stored = ctx.emulator.media(uploaded.id);
      expect(stored && Buffer.from(stored.data).equals(Buffer.from(MEDIA.document.data))).toBe(true);
    });

    (has('messages.markRead') ? it : it.skip)('marks a message read', async () => {
      // A real inbound message: some vendors mark a chat read up to that message's time.
      const inbound = await ctx.emulator.simulateInbound({ from: CUSTOMER, content: inboundFixture('text') }, { webhookUrl: ctx.receiver.url });
      const before = ctx.emulator.requests().length;
      await expect(ctx.provider.markRead(inbound.id)).resolves.toBeUndefined();
      expect(ctx.emulator.requests().length).toBeGreaterThan(before);
    });

    (has('messages.markRead') ? ctx.check('markReadRequest') : it.skip)('the mark-read request itself reaches the vendor', async () => {
      const inbound = await ctx.emulator.simulateInbound({ from: CUSTOMER, content: inboundFixture('text') }, { webhookUrl: ctx.receiver.url });
      const before = ctx.emulator.requests().length;
      await ctx.provider.markRead(inbound.id);
      const made = ctx.emulator.requests().slice(before);
      // A lookup (a GET) is not the mark: a write must have reached the vendor.
      const isMark = ctx.setup.isMarkReadRequest ?? ((request) => request.method !== 'GET');
      expect(made.filter((request) => isMark(request, inbound.id)).map((request) => `${request.method} ${request.path}`)).not.toEqual([]);
    });

    (has('templates.bulkSend') ? it : it.skip)('sends a template to many recipients in one call', async () => {
      ctx.emulator.seedTemplates([TEMPLATE_SEED]);
      const before = ctx.emulator.delivered().length;
      const recipients = [
        { to: RECIPIENT, body: ['Ada', '#1'] },
        { to: CUSTOMER, body: ['Grace', '#2'] },
      ];
      await ctx.provider.sendTemplateBulk({ template: { name: TEMPLATE_SEED.name, id: TEMPLATE_SEED.id, language: 'en' }, recipients });
      const delivered = ctx.emulator.delivered().slice(before);
      expect(delivered.map((d) => d.message.to).sort()).toEqual([CUSTOMER, RECIPIENT].sort());
      for (const d of delivered) expect(d.message.type).toBe('template');
    });

    (has('templates.bulkSend') ? ctx.check('bulkOneRequest') : it.skip)(
      'a bulk template send is one request to the vendor, not one per recipient',
      async () => {
        ctx.emulator.seedTemplates([TEMPLATE_SEED]);
        const before = ctx.emulator.requests().length;
        const recipients = [
          { to: RECIPIENT, body: ['Ada', '#1'] },
          { to: CUSTOMER, body: ['Grace', '#2'] },
          { to: RECIPIENT, body: ['Alan', '#3'] },
        ];
        await ctx.provider.sendTemplateBulk({ template: { name: TEMPLATE_SEED.name, id: TEMPLATE_SEED.id, language: 'en' }, recipients });
        // A lookup (a GET: the template's id, say) may precede it; the send itself is one write.
        const writes = ctx.emulator
          .requests()
          .slice(before)
          .filter((request) => request.method !== 'GET');
        expect(writes.map((request) => `${request.method} ${request.path}`)).toHaveLength(1);
      },
    );

    (has('messages.history') ? it : it.skip)('walks conversation history with the messages sent and received', async () => {
      const sent = await ctx.provider.send({ type: 'text', to: CUSTOMER, text: 'history check' });
      const inbound = await ctx.emulator.simulateInbound(
        { from: CUSTOMER, content: { type: 'text', text: 'history reply' } },
        { webhookUrl: ctx.receiver.url },
      );
      const ids: string[] = [];
      for await (const message of ctx.provider.listMessages({ contact: CUSTOMER })) ids.push(message.id);
      expect(ids).toEqual(expect.arrayContaining([sent.id, inbound.id]));
    });
    (has('templates.list') ? ctx.check('limit') : it.skip)(
      'listTemplates: limit 0 lists nothing and calls nothing, limit 1 one, a negative limit is refused',
      async () => {
        ctx.emulator.seedTemplates(Array.from({ length: 3 }, (_, i) => ({ ...TEMPLATE_SEED, id: `tpl_limit_${i}`, name: `limit_${i}` })));
        const before = ctx.emulator.requests().length;
        expect(await collect(ctx.provider.listTemplates({ limit: 0 }))).toEqual([]);
        expect(ctx.emulator.requests().length).toBe(before);
        expect(await collect(ctx.provider.listTemplates({ limit: 1 }))).toHaveLength(1);
        const error = await expectNoIo(ctx.emulator, () => ctx.provider.listTemplates({ limit: -1 }), ValidationError);
        expect((error as ValidationError).field).toBe('options.limit');
      },
    );

    (has('messages.history') ? ctx.check('limit') : it.skip)(
      'listMessages: limit 0 lists nothing and calls nothing, limit 1 one, a negative limit is refused',
      async () => {
        await ctx.provider.send({ type: 'text', to: CUSTOMER, text: 'limit check 1' });
        await ctx.provider.send({ type: 'text', to: CUSTOMER, text: 'limit check 2' });
        const before = ctx.emulator.requests().length;
        expect(await collect(ctx.provider.listMessages({ contact: CUSTOMER, limit: 0 }))).toEqual([]);
        expect(ctx.emulator.requests().length).toBe(before);
        expect(await collect(ctx.provider.listMessages({ contact: CUSTOMER, limit: 1 }))).toHaveLength(1);
        const error = await expectNoIo(ctx.emulator, () => ctx.provider.listMessages({ contact: CUSTOMER, limit: -1 }), ValidationError);
        expect((error as ValidationError).field).toMatch(/^(options|query)\.limit$/);
      },
    );
  });
}

/** Every item of a listing. */
async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}
