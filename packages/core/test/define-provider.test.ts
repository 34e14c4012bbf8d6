import {
  defineProvider,
  SPECIFICATION_VERSION,
  UnsupportedFeatureError,
  ValidationError,
  type OutboundMessage,
  type ProviderDriver,
  type ProviderFeature,
} from '@wamux/core/adapter';
import { ALL_CAPABILITIES, minimalDriver } from './support';

const TO = '+905551112233';

async function* none(): AsyncGenerator<never> {}

/** A driver declaring exactly `features`, with the matching methods as mocks. */
function driverWith(features: ProviderFeature[], capabilities: Partial<ProviderDriver['capabilities']> = {}) {
  const methods = {
    send: jest.fn(async () => ({ id: 'id-1', raw: { ok: true } })),
    parseWebhook: jest.fn(async () => ({ events: [] })),
    uploadMedia: jest.fn(async () => ({ id: 'up-1', raw: {} })),
    downloadMedia: jest.fn(async () => ({ data: new Uint8Array([1]), mimeType: 'image/png' })),
    markRead: jest.fn(async () => undefined),
    listTemplates: jest.fn(() => none()),
    sendTemplateBulk: jest.fn(async () => ({ accepted: [], raw: {} })),
    listMessages: jest.fn(() => none()),
  };
  const byFeature: Record<string, keyof typeof methods> = {
    'media.upload': 'uploadMedia',
    'media.download': 'downloadMedia',
    'messages.markRead': 'markRead',
    'messages.history': 'listMessages',
    'templates.list': 'listTemplates',
    'templates.bulkSend': 'sendTemplateBulk',
  };
  const driver: Record<string, unknown> = {
    specificationVersion: 'v1',
    name: 'fake',
    capabilities: { ...ALL_CAPABILITIES, ...capabilities, features },
    send: methods.send,
    parseWebhook: methods.parseWebhook,
  };
  for (const feature of features) {
    const method = byFeature[feature];
    if (method) driver[method] = methods[method];
  }
  return { driver: driver as unknown as ProviderDriver, methods };
}

describe('defineProvider: definition checks', () => {
  it('refuses a driver of another contract version', () => {
    expect(SPECIFICATION_VERSION).toBe('v1');
    expect(() => defineProvider(minimalDriver({ specificationVersion: 'v2' as 'v1' }))).toThrow(TypeError);
    expect(() => defineProvider(minimalDriver({ specificationVersion: 'v2' as 'v1' }))).toThrow(/v2.*v1/);
  });

  it.each<[ProviderFeature, string]>([
    ['media.upload', 'uploadMedia'],
    ['media.download', 'downloadMedia'],
    ['messages.markRead', 'markRead'],
    ['messages.history', 'listMessages'],
    ['templates.list', 'listTemplates'],
    ['templates.bulkSend', 'sendTemplateBulk'],
  ])('refuses %s declared but %s() missing', (feature, method) => {
    const driver = minimalDriver({ capabilities: { ...ALL_CAPABILITIES, features: [feature] } });
    expect(() => defineProvider(driver)).toThrow(TypeError);
    expect(() => defineProvider(driver)).toThrow(new RegExp(`${feature.replace('.', '\\.')}.*declared.*${method}\\(\\) is missing`));
  });

  it.each<[ProviderFeature, string]>([
    ['media.upload', 'uploadMedia'],
    ['templates.list', 'listTemplates'],
    ['messages.history', 'listMessages'],
  ])('refuses %s undeclared while %s() is implemented', (feature, method) => {
    const driver = minimalDriver({ [method]: async () => undefined } as Partial<ProviderDriver>);
    expect(() => defineProvider(driver)).toThrow(TypeError);
    expect(() => defineProvider(driver)).toThrow(new RegExp(`${feature.replace('.', '\\.')}.*not declared.*${method}\\(\\) is implemented`));
  });

  it('accepts features without a method (replyTo, webhooks.verify, events.live)', () => {
    const driver = minimalDriver({ capabilities: { ...ALL_CAPABILITIES, features: ['messages.replyTo', 'webhooks.verify', 'events.live'] } });
    expect(() => defineProvider(driver)).not.toThrow();
  });

  it('exposes name, version and capabilities', () => {
    const { driver } = driverWith(['media.upload']);
    const provider = defineProvider(driver);
    expect(provider.name).toBe('fake');
    expect(provider.specificationVersion).toBe('v1');
    expect(provider.capabilities).toBe(driver.capabilities);
  });

  it('keeps extras on the provider, with their own this', () => {
    const extras = {
      prefix: 'x-',
      tag(this: { prefix: string }, value: string) {
        return `${this.prefix}${value}`;
      },
    };
    const provider = defineProvider(minimalDriver(), extras);
    expect(provider.tag('1')).toBe('x-1');
    expect(provider.prefix).toBe('x-');
    expect(typeof provider.send).toBe('function');
  });
});

describe('defineProvider: extras', () => {
  it.each(['send', 'parseWebhook', 'close', 'capabilities', 'name', 'listTemplates'])('refuses an extra named %s that would replace the contract', (key) => {
    expect(() => defineProvider(minimalDriver(), { [key]: () => 'hijacked' })).toThrow(TypeError);
    expect(() => defineProvider(minimalDriver(), { [key]: () => 'hijacked' })).toThrow(new RegExp(`"${key}"`));
  });
});

describe('defineProvider: send', () => {
  it('validates, then calls the driver with the message and the options', async () => {
    const { driver, methods } = driverWith([]);
    const provider = defineProvider(driver);
    const controller = new AbortController();
    const message: OutboundMessage = { type: 'text', to: TO, text: 'hi' };
    await expect(provider.send(message, { signal: controller.signal })).resolves.toEqual({ id: 'id-1', raw: { ok: true } });
    expect(methods.send).toHaveBeenCalledWith(message, { signal: controller.signal });
    await provider.send(message);
    expect(methods.send).toHaveBeenLastCalledWith(message, {});
  });

  it('refuses invalid input with a ValidationError before the driver is called', async () => {
    const { driver, methods } = driverWith([]);
    const provider = defineProvider(driver);
    const error = await provider.send({ type: 'text', to: '0555', text: 'hi' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: 'message.to', provider: 'fake' });
    expect(methods.send).not.toHaveBeenCalled();
  });

  it('refuses an undeclared message type', async () => {
    const send = jest.fn();
    const provider = defineProvider(minimalDriver({ send }));
    const error = await provider.send({ type: 'location', to: TO, latitude: 1, longitude: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedFeatureError);
    expect(error).toMatchObject({ code: 'unsupported_feature', provider: 'fake', feature: 'location messages' });
    expect(send).not.toHaveBeenCalled();
  });

  it('refuses an undeclared interactive kind', async () => {
    const { driver, methods } = driverWith([], { interactive: ['buttons'] });
    const provider = defineProvider(driver);
    await expect(
      provider.send({
        type: 'interactive',
        to: TO,
        interactive: { kind: 'list', body: 'b', buttonText: 'o', sections: [{ rows: [{ id: 'r', title: 't' }] }] },
      }),
    ).rejects.toMatchObject({ code: 'unsupported_feature', feature: 'interactive list messages' });
    await expect(provider.send({ type: 'interactive', to: TO, interactive: { kind: 'location_request', body: 'where?' } })).rejects.toBeInstanceOf(
      UnsupportedFeatureError,
    );
    expect(methods.send).not.toHaveBeenCalled();
    await provider.send({ type: 'interactive', to: TO, interactive: { kind: 'buttons', body: 'b', buttons: [{ id: 'a', title: 'A' }] } });
    expect(methods.send).toHaveBeenCalledTimes(1);
  });

  it('refuses an undeclared media source kind wherever media appears', async () => {
    const { driver, methods } = driverWith([], { mediaSources: ['url'] });
    const provider = defineProvider(driver);
    const bytes = { data: new Uint8Array([1, 2]), filename: 'a.png', mimeType: 'image/png' };
    const cases: OutboundMessage[] = [
      { type: 'image', to: TO, media: bytes },
      { type: 'document', to: TO, media: { id: 'm1' } },
      {
        type: 'interactive',
        to: TO,
        interactive: { kind: 'buttons', body: 'b', buttons: [{ id: 'a', title: 'A' }], header: { type: 'image', media: { id: 'm1' } } },
      },
      { type: 'template', to: TO, template: { name: 't', language: 'en', headerMedia: { type: 'image', media: bytes } } },
    ];
    for (const message of cases) {
      const error = await provider.send(message).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnsupportedFeatureError);
      expect((error as UnsupportedFeatureError).feature).toMatch(/^media given as \{ (data|id) \}/);
    }
    expect(methods.send).not.toHaveBeenCalled();
    await provider.send({ type: 'image', to: TO, media: { url: 'https://cdn.test/a.png' } });
    expect(methods.send).toHaveBeenCalledTimes(1);
  });

  it('names the field holding the refused media', async () => {
    const { driver } = driverWith([], { mediaSources: ['id'] });
    const provider = defineProvider(driver);
    await expect(
      provider.send({ type: 'template', to: TO, template: { name: 't', language: 'en', headerMedia: { type: 'image', media: { url: 'https://x/a' } } } }),
    ).rejects.toMatchObject({ feature: 'media given as { url } (message.template.headerMedia.media)' });
  });

  it('refuses replyTo unless messages.replyTo is declared', async () => {
    const withoutReply = driverWith([]);
    await expect(defineProvider(withoutReply.driver).send({ type: 'text', to: TO, text: 'hi', replyTo: 'wamid.1' })).rejects.toMatchObject({
      code: 'unsupported_feature',
      feature: 'replyTo (quoted replies)',
    });
    expect(withoutReply.methods.send).not.toHaveBeenCalled();
    const withReply = driverWith(['messages.replyTo']);
    await defineProvider(withReply.driver).send({ type: 'text', to: TO, text: 'hi', replyTo: 'wamid.1' });
    expect(withReply.methods.send).toHaveBeenCalledTimes(1);
  });

  it('refuses a media caption unless media.captions is declared (never drops it silently)', async () => {
    const without = driverWith([]);
    const provider = defineProvider(without.driver);
    await expect(provider.send({ type: 'image', to: TO, media: { id: 'm1' }, caption: 'look' })).rejects.toMatchObject({
      code: 'unsupported_feature',
      feature: 'media captions (message.caption)',
    });
    expect(without.methods.send).not.toHaveBeenCalled();
    // No caption, or an empty one, is fine.
    await provider.send({ type: 'image', to: TO, media: { id: 'm1' } });
    await provider.send({ type: 'document', to: TO, media: { id: 'm1' }, caption: '' });
    expect(without.methods.send).toHaveBeenCalledTimes(2);
    const withCaptions = driverWith(['media.captions']);
    await defineProvider(withCaptions.driver).send({ type: 'video', to: TO, media: { id: 'm1' }, caption: 'look' });
    expect(withCaptions.methods.send).toHaveBeenCalledTimes(1);
  });

  it('refuses an interactive footer unless interactive.footer is declared (never drops it silently)', async () => {
    const buttons = (footer?: string) => ({
      type: 'interactive' as const,
      to: TO,
      interactive: { kind: 'buttons' as const, body: 'b', ...(footer === undefined ? {} : { footer }), buttons: [{ id: 'a', title: 'A' }] },
    });
    const without = driverWith([]);
    const provider = defineProvider(without.driver);
    await expect(provider.send(buttons('f'))).rejects.toMatchObject({
      code: 'unsupported_feature',
      feature: 'interactive footers (message.interactive.footer)',
    });
    expect(without.methods.send).not.toHaveBeenCalled();
    await provider.send(buttons());
    await provider.send(buttons(''));
    expect(without.methods.send).toHaveBeenCalledTimes(2);
    const withFooter = driverWith(['interactive.footer']);
    await defineProvider(withFooter.driver).send(buttons('f'));
    expect(withFooter.methods.send).toHaveBeenCalledTimes(1);
  });

  it('refuses previewUrl: true unless messages.linkPreview is declared; false asks for nothing', async () => {
    const without = driverWith([]);
    const provider = defineProvider(without.driver);
    await expect(provider.send({ type: 'text', to: TO, text: 'https://x.example', previewUrl: true })).rejects.toMatchObject({
      code: 'unsupported_feature',
      feature: 'link previews (message.previewUrl)',
    });
    expect(without.methods.send).not.toHaveBeenCalled();
    await provider.send({ type: 'text', to: TO, text: 'https://x.example', previewUrl: false });
    expect(without.methods.send).toHaveBeenCalledTimes(1);
    const withPreview = driverWith(['messages.linkPreview']);
    await defineProvider(withPreview.driver).send({ type: 'text', to: TO, text: 'https://x.example', previewUrl: true });
    expect(withPreview.methods.send).toHaveBeenCalledTimes(1);
  });

  it('validates before checking capabilities', async () => {
    const provider = defineProvider(minimalDriver());
    await expect(provider.send({ type: 'location', to: TO, latitude: 100, longitude: 0 })).rejects.toBeInstanceOf(ValidationError);
  });

  it('passes driver errors through unchanged', async () => {
    const failure = new Error('vendor down');
    const provider = defineProvider(minimalDriver({ send: async () => Promise.reject(failure) }));
    await expect(provider.send({ type: 'text', to: TO, text: 'hi' })).rejects.toBe(failure);
  });
});

describe('defineProvider: optional operations', () => {
  it('every undeclared operation throws UnsupportedFeatureError naming the feature', async () => {
    const provider = defineProvider(minimalDriver());
    const bytes = { data: new Uint8Array([1]), filename: 'a.png', mimeType: 'image/png' };
    await expect(provider.uploadMedia(bytes)).rejects.toMatchObject({ code: 'unsupported_feature', feature: 'media.upload' });
    await expect(provider.downloadMedia('m1')).rejects.toMatchObject({ feature: 'media.download' });
    await expect(provider.markRead('m1')).rejects.toMatchObject({ feature: 'messages.markRead' });
    await expect(provider.sendTemplateBulk({ template: { name: 't', language: 'en' }, recipients: [{ to: TO }] })).rejects.toMatchObject({
      feature: 'templates.bulkSend',
    });
    expect(() => provider.listTemplates()).toThrow(UnsupportedFeatureError);
    expect(() => provider.listMessages()).toThrow(expect.objectContaining({ feature: 'messages.history' }));
  });

  it('calls declared operations with validated input and the call options', async () => {
    const { driver, methods } = driverWith(['media.upload', 'media.download', 'messages.markRead', 'templates.list', 'templates.bulkSend', 'messages.history']);
    const provider = defineProvider(driver);
    const bytes = { data: new Uint8Array([1]), filename: 'a.png', mimeType: 'image/png' };
    const signal = new AbortController().signal;
    await expect(provider.uploadMedia(bytes, { signal })).resolves.toEqual({ id: 'up-1', raw: {} });
    expect(methods.uploadMedia).toHaveBeenCalledWith(bytes, { signal });
    await provider.downloadMedia('m1');
    expect(methods.downloadMedia).toHaveBeenCalledWith('m1', {});
    await provider.markRead('wamid.1', { signal });
    expect(methods.markRead).toHaveBeenCalledWith('wamid.1', { signal });
    const request = { template: { name: 't', language: 'en' }, recipients: [{ to: TO }] };
    await provider.sendTemplateBulk(request);
    expect(methods.sendTemplateBulk).toHaveBeenCalledWith(request, {});
    const templates: unknown[] = [];
    for await (const template of provider.listTemplates({ limit: 5 })) templates.push(template);
    expect(methods.listTemplates).toHaveBeenCalledWith({ limit: 5 });
    for await (const message of provider.listMessages()) templates.push(message);
    expect(methods.listMessages).toHaveBeenCalledWith({});
  });

  it('validates the input of optional operations with their own root', async () => {
    const { driver, methods } = driverWith(['media.upload', 'media.download', 'messages.markRead', 'templates.bulkSend']);
    const provider = defineProvider(driver);
    await expect(provider.uploadMedia({ data: new Uint8Array([1]), filename: 'a', mimeType: 'png' })).rejects.toMatchObject({ field: 'media.mimeType' });
    await expect(provider.downloadMedia('')).rejects.toMatchObject({ field: 'mediaId' });
    await expect(provider.markRead(42 as unknown as string)).rejects.toMatchObject({ field: 'messageId' });
    await expect(provider.sendTemplateBulk({ template: { language: 'en' }, recipients: [{ to: TO }] })).rejects.toMatchObject({ field: 'request.template' });
    expect(methods.uploadMedia).not.toHaveBeenCalled();
    expect(methods.downloadMedia).not.toHaveBeenCalled();
    expect(methods.markRead).not.toHaveBeenCalled();
    expect(methods.sendTemplateBulk).not.toHaveBeenCalled();
  });

  it('calls driver methods with the driver as this', async () => {
    const driver = {
      ...minimalDriver({ capabilities: { ...ALL_CAPABILITIES, features: ['messages.markRead'] } }),
      marked: [] as string[],
      async markRead(this: { marked: string[] }, id: string) {
        this.marked.push(id);
      },
    };
    await defineProvider(driver).markRead('wamid.9');
    expect(driver.marked).toEqual(['wamid.9']);
  });

  it('parseWebhook delegates to the driver', async () => {
    const parseWebhook = jest.fn(async () => ({ events: [], reply: { status: 202 } }));
    const provider = defineProvider(minimalDriver({ parseWebhook }));
    const request = { method: 'POST', url: 'http://x/', headers: {}, body: '{}' };
    await expect(provider.parseWebhook(request)).resolves.toEqual({ events: [], reply: { status: 202 } });
    expect(parseWebhook).toHaveBeenCalledWith(request);
  });

  it('close calls the driver close when there is one, and is always safe', async () => {
    const close = jest.fn(async () => undefined);
    await defineProvider(minimalDriver({ close })).close();
    expect(close).toHaveBeenCalledTimes(1);
    await expect(defineProvider(minimalDriver()).close()).resolves.toBeUndefined();
  });
});
