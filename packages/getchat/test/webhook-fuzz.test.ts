import { MESSAGE_CONTENT_TYPES, type MessageContent } from '@wamux/core';
import { inboundFixture } from '@wamux/testing';
import { describeWebhookFuzz } from '../../../test-support/webhook-fuzz';
import { createGetchatProvider } from '../src';
import { wabaContent } from '../src/emulator/encode-content';
import { renderMessage, wabaDelivery } from '../src/emulator/payloads';
import * as documented from './fixtures/document-webhooks';

const SECRET = 'getchat-fuzz-webhook-secret';
const HEADER = { name: 'x-hook-token', value: 'getchat-fuzz-header-value' };
const BUSINESS = { number: '48500500500', phoneNumberId: '106540352242922', wabaId: '102290129340398' };

const content = (type: (typeof MESSAGE_CONTENT_TYPES)[number]): MessageContent =>
  type === 'unsupported' ? { type, originalType: 'order', text: 'An order' } : inboundFixture(type);

/** A WhatsApp message payload of every content type, as the emulator delivers it. */
const payloads = MESSAGE_CONTENT_TYPES.map((type, index) => ({
  from: '48123123123',
  id: `wamid.fuzz.${index}`,
  timestamp: '1700000000',
  ...wabaContent(content(type)),
  context: { id: 'wamid.quoted', from: '48500500500' },
}));

/** Both documented shapes, a status with errors, and get.chat's extension fields. */
const built: unknown[] = [
  wabaDelivery('cloud_api', { contacts: [{ profile: { name: 'Ada' }, wa_id: '48123123123' }], messages: payloads }, BUSINESS),
  wabaDelivery('on_premise', { messages: payloads.slice(0, 4) }, BUSINESS),
  wabaDelivery(
    'cloud_api',
    {
      statuses: [
        {
          id: 'wamid.sent.1',
          getchat_id: '8b176ba5-fa8e-458e-94ad-85d1ae8f3be0',
          recipient_id: '48123123123',
          status: 'failed',
          timestamp: '1700000000',
          errors: [{ code: 131026, title: 'Message undeliverable', error_data: { details: 'x' } }],
        },
        { id: 'wamid.sent.2', recipient_id: '48123123123', status: 'delivered', timestamp: '1700000000' },
      ],
    },
    BUSINESS,
  ),
  {
    incoming_messages: [
      renderMessage(
        {
          seq: 1,
          getchatId: '0b9f6a1c-3c2d-4f5e-8a7b-1c2d3e4f5a6b',
          wamid: 'wamid.fuzz.0',
          customerWaId: '48123123123',
          fromUs: false,
          timestamp: 1_700_000_000,
          wabaPayload: payloads[0] as Record<string, unknown>,
          statuses: { sent: null, delivered: null, read: null },
          received: false,
        },
        'Ada',
      ),
    ],
  },
];

describeWebhookFuzz({
  name: 'getchat',
  createProvider: () =>
    createGetchatProvider({
      stack: 'acme',
      token: 'getchat-fuzz-api-token',
      webhookSecret: SECRET,
      webhookHeaders: { [HEADER.name]: HEADER.value },
      retry: false,
      rateLimit: false,
    }),
  bodies: [...Object.values(documented), ...built],
  authenticate: ({ url, headers }) => {
    url.searchParams.set('auth', SECRET);
    headers[HEADER.name] = HEADER.value;
  },
  secrets: ['getchat-fuzz-api-token', SECRET, HEADER.value],
});
