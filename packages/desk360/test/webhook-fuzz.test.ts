import { createDesk360Provider } from '@wamux/desk360';
import { describeWebhookFuzz } from '../../../test-support/webhook-fuzz';
import { DOCUMENT_WEBHOOKS, EMULATOR_WEBHOOKS } from './webhook-fixtures';

const SECRET = { value: 'desk360-fuzz-webhook-secret', query: 'secret' } as const;

describeWebhookFuzz({
  name: 'desk360',
  createProvider: () => createDesk360Provider({ apiKey: 'desk360-fuzz-api-key', integrationId: 11, webhookSecret: SECRET }),
  bodies: [...DOCUMENT_WEBHOOKS, ...EMULATOR_WEBHOOKS],
  authenticate: ({ url }) => url.searchParams.set(SECRET.query, SECRET.value),
  secrets: ['desk360-fuzz-api-key', SECRET.value],
});
