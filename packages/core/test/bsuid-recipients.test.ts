import { defineProvider, UnsupportedFeatureError, type ProviderDriver, type ProviderFeature } from '@wamux/core/adapter';
import { ALL_CAPABILITIES } from './support';

// Sending to a WhatsApp business-scoped user ID is a capability
// (`recipients.bsuid`): a provider without it refuses before its driver runs.

const BSUID = 'US.13491208655302741918';
const PARENT = 'US.ENT.11815799212886844830';
const PHONE = '+16505551234';

function providerWith(features: ProviderFeature[]) {
  const send = jest.fn(async () => ({ id: 'sent-1', raw: {} }));
  const sendTemplateBulk = jest.fn(async () => ({ accepted: [], raw: {} }));
  const driver: ProviderDriver = {
    specificationVersion: 'v1',
    name: 'fake',
    capabilities: { ...ALL_CAPABILITIES, features: [...features, 'templates.bulkSend'] },
    send,
    parseWebhook: async () => ({ events: [] }),
    sendTemplateBulk,
  };
  return { provider: defineProvider(driver), send, sendTemplateBulk };
}

describe('recipients.bsuid', () => {
  it('without it, a BSUID recipient is refused before the driver runs, naming the field', async () => {
    const { provider, send } = providerWith([]);
    for (const to of [BSUID, PARENT]) {
      const error = await provider.send({ type: 'text', to, text: 'hi' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnsupportedFeatureError);
      expect((error as UnsupportedFeatureError).feature).toBe('sending to a business-scoped user ID (message.to)');
      expect((error as UnsupportedFeatureError).delivery).toBe('not_sent');
    }
    const reaction = await provider.send({ type: 'reaction', to: BSUID, messageId: 'wamid.1', emoji: '👍' }).catch((e: unknown) => e);
    expect(reaction).toBeInstanceOf(UnsupportedFeatureError);
    expect(send).not.toHaveBeenCalled();
  });

  it('without it, a phone number is sent as before', async () => {
    const { provider, send } = providerWith([]);
    await provider.send({ type: 'text', to: PHONE, text: 'hi' });
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('with it, a BSUID reaches the driver unchanged', async () => {
    const { provider, send } = providerWith(['recipients.bsuid']);
    await provider.send({ type: 'text', to: BSUID, text: 'hi' });
    expect(send).toHaveBeenCalledWith({ type: 'text', to: BSUID, text: 'hi' }, {});
  });

  it('bulk sends: a BSUID among the recipients is refused before the driver runs, naming its index', async () => {
    const { provider, sendTemplateBulk } = providerWith([]);
    const request = { template: { name: 'order_update', language: 'en' }, recipients: [{ to: PHONE }, { to: BSUID }] };
    const error = await provider.sendTemplateBulk(request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedFeatureError);
    expect((error as UnsupportedFeatureError).feature).toBe('sending to a business-scoped user ID (request.recipients.1.to)');
    expect(sendTemplateBulk).not.toHaveBeenCalled();

    const allowed = providerWith(['recipients.bsuid']);
    await allowed.provider.sendTemplateBulk(request);
    expect(allowed.sendTemplateBulk).toHaveBeenCalledTimes(1);
  });
});
