import { MESSAGE_CONTENT_TYPES, type MessageContent } from '@wamux/core';
import { createMessagingApiProvider } from '@wamux/messaging-api';
import { inboundFixture } from '@wamux/testing';
import { describeWebhookFuzz } from '../../../test-support/webhook-fuzz';
import { messageNotification, statusNotification, type EncodeContext } from '../src/emulator/encode';
import { createState } from '../src/emulator/state';
import { inBoundContactSample, inBoundWrapperSample } from './fixtures/document-samples';

const VERIFY_TOKEN = 'messaging-api-fuzz-verify-token';
const API_KEY = 'messaging-api-fuzz-api-key';

const context: EncodeContext = {
  state: createState([], [], undefined),
  business: '919999998888',
  channelId: 'wa360:919999998888',
  origin: 'https://emulator.example',
};
const session = {
  sessionId: 's-1',
  routingId: 'r-1',
  contactId: 'wa919988776655_919999998888',
  phone: '919988776655',
  status: 'OPEN' as const,
  queue: 'default',
  skills: [],
  params: {},
  messages: [],
};

const content = (type: (typeof MESSAGE_CONTENT_TYPES)[number]): MessageContent =>
  type === 'unsupported' ? { type, originalType: 'order', text: 'An order' } : inboundFixture(type);

/** The emulator's notification for every content type and a failed status, and the document's samples. */
const bodies: unknown[] = [
  inBoundWrapperSample(),
  inBoundContactSample(),
  ...MESSAGE_CONTENT_TYPES.map((type, index) =>
    messageNotification(
      {
        id: String(1000 + index),
        messageIdExt: `wamid.fuzz.${index}`,
        from: '+919988776655',
        profileName: 'Ada',
        timestamp: new Date(1_700_000_000_000),
        content: content(type),
        session,
      },
      context,
    ),
  ),
  statusNotification(
    {
      messageId: '5001',
      messageIdExt: 'wamid.sent.1',
      code: 'FAILD',
      recipient: '+919988776655',
      timestamp: new Date(1_700_000_000_000),
      errors: [{ code: '470', title: 'Re-engagement' }],
    },
    context,
  ),
];

describeWebhookFuzz({
  name: 'messaging-api',
  createProvider: () =>
    createMessagingApiProvider({
      baseUrl: 'https://messaging.example.test',
      apiKey: API_KEY,
      channelId: 'wa360:919999998888',
      verifyToken: VERIFY_TOKEN,
      retry: false,
    }),
  bodies,
  // The vendor posts both requests to one URL; the path decides only for a body of neither shape.
  paths: ['/webhooks', '/api/v1/message/receive', '/api/v1/contact/info', '/contact/info/'],
  authenticate: ({ headers }) => {
    headers['x-verify-token'] = VERIFY_TOKEN;
  },
  secrets: [API_KEY, VERIFY_TOKEN],
});
