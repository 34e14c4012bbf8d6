import nock from 'nock';
import { CustomerWindowClosedError, webhookRequest, type WhatsAppLimitsOption } from '@wamux/core';
import { signatureFor } from '@wamux/whatsapp-cloud';
import { useNock } from '../../../test-support/use-nock';
import { APP_SECRET, caught, GRAPH, MESSAGES, provider, sent } from './helpers';

useNock();

const HOUR = 60 * 60 * 1000;
const CUSTOMER = '+16505551234';
const STRANGER = '+16505559999';

/** A signed Cloud API delivery of one text message from `from`, sent `age` ms before `now`. */
async function inbound(from: string, age: number, now: number, id: string) {
  const body = JSON.stringify({
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
              contacts: [{ profile: { name: 'Kerry' }, wa_id: from.slice(1) }],
              messages: [{ from: from.slice(1), id, timestamp: String(Math.floor((now - age) / 1000)), type: 'text', text: { body: 'hi' } }],
            },
          },
        ],
      },
    ],
  });
  return webhookRequest({
    method: 'POST',
    url: 'https://app.example/webhooks',
    headers: { 'x-hub-signature-256': await signatureFor(body, APP_SECRET) },
    body,
  });
}

describe("WhatsApp's 24-hour window through the Cloud API adapter", () => {
  const now = Date.UTC(2026, 11, 3, 12);
  const limits: WhatsAppLimitsOption = { customerWindow: true, clock: () => now };

  it('refuses a free-form message to a customer whose window closed, before any request, and lets a template through', async () => {
    const cloudApi = provider({ whatsappLimits: limits });
    await cloudApi.parseWebhook(await inbound(CUSTOMER, 25 * HOUR, now, 'wamid.OLD'));

    const refused = await caught(() => cloudApi.send({ type: 'text', to: CUSTOMER, text: 'Still there?' }));
    expect(refused).toBeInstanceOf(CustomerWindowClosedError);
    expect(refused).toMatchObject({ code: 'window_closed', delivery: 'not_sent' });
    expect((refused as Error).message).toMatch(/template/);
    expect(nock.pendingMocks()).toEqual([]);

    const scope = nock(GRAPH)
      .post(MESSAGES, (body: { type?: string }) => body.type === 'template')
      .reply(200, sent());
    await expect(cloudApi.send({ type: 'template', to: CUSTOMER, template: { name: 'order_update', language: 'en' } })).resolves.toMatchObject({
      id: expect.any(String),
    });
    expect(scope.isDone()).toBe(true);
  });

  it('sends when the customer wrote within 24 hours, and when their window is unknown', async () => {
    const cloudApi = provider({ whatsappLimits: limits });
    await cloudApi.parseWebhook(await inbound(CUSTOMER, 23 * HOUR, now, 'wamid.RECENT'));
    const scope = nock(GRAPH).post(MESSAGES).twice().reply(200, sent());
    await cloudApi.send({ type: 'text', to: CUSTOMER, text: 'Your order shipped' });
    await cloudApi.send({ type: 'text', to: STRANGER, text: 'Never wrote to us' });
    expect(scope.isDone()).toBe(true);
  });

  it('is off unless asked for: the same closed window is left to WhatsApp', async () => {
    const cloudApi = provider();
    await cloudApi.parseWebhook(await inbound(CUSTOMER, 25 * HOUR, now, 'wamid.OLD'));
    const scope = nock(GRAPH).post(MESSAGES).reply(200, sent());
    await cloudApi.send({ type: 'text', to: CUSTOMER, text: 'Still there?' });
    expect(scope.isDone()).toBe(true);
  });
});
