import { createHmac } from 'node:crypto';
import { DELIVERY_STATUSES, MESSAGE_CONTENT_TYPES, type MessageContent } from '@wamux/core';
import { createMemoryProvider } from '@wamux/memory';
import { createInProcessMemoryEmulator } from '@wamux/memory/emulator';
import { inboundFixture } from '@wamux/testing';
import { describeWebhookFuzz } from '../../../test-support/webhook-fuzz';

const API_KEY = 'memory-fuzz-api-key';
const WEBHOOK_SECRET = 'memory-fuzz-webhook-secret';
const emulator = createInProcessMemoryEmulator({ apiKey: API_KEY, webhookSecret: WEBHOOK_SECRET });

const content = (type: (typeof MESSAGE_CONTENT_TYPES)[number]): MessageContent =>
  type === 'unsupported' ? { type, originalType: 'order', text: 'An order' } : inboundFixture(type);

/** The emulator's delivery for every content type and every status (built, and signed, asynchronously: read when the fuzz test runs). */
let bodies: unknown[] = [];
beforeAll(async () => {
  const deliveries = await Promise.all([
    ...MESSAGE_CONTENT_TYPES.map((type) => emulator.inboundDelivery({ from: '+905551119988', profileName: 'Ada', content: content(type) })),
    ...DELIVERY_STATUSES.map((status) => emulator.statusDelivery({ messageId: 'mem_msg_1', status, recipient: '+905551119988' })),
  ]);
  bodies = deliveries.map((delivery) => delivery.payload);
});

describeWebhookFuzz({
  name: 'memory',
  createProvider: () => createMemoryProvider({ baseUrl: emulator.url, apiKey: API_KEY, webhookSecret: WEBHOOK_SECRET, fetch: emulator.fetch }),
  get bodies() {
    return bodies;
  },
  authenticate: ({ headers, body }) => {
    headers['x-memory-signature'] = `sha256=${createHmac('sha256', WEBHOOK_SECRET).update(body).digest('hex')}`;
  },
  secrets: [API_KEY, WEBHOOK_SECRET],
});
