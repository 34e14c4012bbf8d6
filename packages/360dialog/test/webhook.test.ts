// 360dialog signs no message webhook: the secret header the app sets in the
// webhook configuration is the proof of origin, checked in constant time
// before the body is read; without one, core's policy applies.
import { ConfigurationError, WebhookVerificationError, type WamuxError } from '@wamux/core';
import { provider, WEBHOOK_SECRET } from './helpers';

const delivery = {
  object: 'whatsapp_business_account',
  entry: [
    {
      id: '102290129340398',
      changes: [
        {
          field: 'messages',
          value: {
            messaging_product: 'whatsapp',
            metadata: { display_phone_number: '15550783881', phone_number_id: '106540352242922' },
            contacts: [{ profile: { name: 'Sheena Nelson' }, wa_id: '16505551234' }],
            messages: [
              {
                from: '16505551234',
                id: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=',
                timestamp: '1749416383',
                type: 'text',
                text: { body: 'Does it come in another color?' },
              },
            ],
          },
        },
      ],
    },
  ],
};

const request = (headers: Record<string, string>, body: unknown = delivery) => ({
  method: 'POST',
  url: '/webhooks/360dialog',
  headers,
  body: JSON.stringify(body),
});

async function failure(call: () => Promise<unknown>): Promise<WamuxError> {
  try {
    await call();
  } catch (error) {
    return error as WamuxError;
  }
  throw new Error('expected the call to reject');
}

it('a delivery with the configured secret header is parsed with the Cloud API parser', async () => {
  const result = await provider().parseWebhook(request({ [WEBHOOK_SECRET.header]: WEBHOOK_SECRET.value }));
  expect(result.events).toEqual([
    expect.objectContaining({
      type: 'message',
      provider: '360dialog',
      message: expect.objectContaining({ from: '+16505551234', content: { type: 'text', text: 'Does it come in another color?' } }),
    }),
  ]);
});

it('the header name is matched whatever its case in the options', async () => {
  const d360 = provider({ webhookSecret: { header: 'X-Wamux-Webhook-Secret', value: WEBHOOK_SECRET.value } });
  await expect(d360.parseWebhook(request({ 'x-wamux-webhook-secret': WEBHOOK_SECRET.value }))).resolves.toMatchObject({ events: [expect.anything()] });
});

it.each([
  ['no secret header', {}, /has no x-wamux-webhook-secret header/],
  ['a wrong secret', { [WEBHOOK_SECRET.header]: 'guess' }, /does not match/],
  ["only Meta's signature header", { 'x-hub-signature-256': 'sha256=00' }, /has no x-wamux-webhook-secret header/],
])('%s is refused with 401, before the body is read, and never shows the secret', async (_case, headers, reason) => {
  const error = await failure(() => provider().parseWebhook(request(headers, 'not json')));
  expect(error).toBeInstanceOf(WebhookVerificationError);
  expect(error).toMatchObject({ status: 401, provider: '360dialog' });
  expect(error.message).toMatch(reason);
  expect(JSON.stringify(error)).not.toContain(WEBHOOK_SECRET.value);
});

it('without a webhookSecret every delivery is refused with a ConfigurationError naming it', async () => {
  const error = await failure(() => provider({ webhookSecret: undefined }).parseWebhook(request({})));
  expect(error).toBeInstanceOf(ConfigurationError);
  expect(error.message).toMatch(/webhookSecret/);
});

it('allowUnauthenticatedWebhooks accepts deliveries when no secret is configured, and drops webhooks.verify', async () => {
  const d360 = provider({ webhookSecret: undefined, allowUnauthenticatedWebhooks: true });
  await expect(d360.parseWebhook(request({}))).resolves.toMatchObject({ events: [expect.objectContaining({ type: 'message' })] });
  expect(d360.capabilities.features).not.toContain('webhooks.verify');
  expect(provider().capabilities.features).toContain('webhooks.verify');
});

it("has no subscription handshake: a GET with Meta's hub parameters is not answered", () => {
  expect(
    provider().verifySubscription({ method: 'GET', url: '/webhooks/360dialog?hub.mode=subscribe&hub.verify_token=x&hub.challenge=1', headers: {}, body: '' }),
  ).toBeUndefined();
});
