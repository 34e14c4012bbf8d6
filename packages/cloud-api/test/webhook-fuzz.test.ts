import { createHmac } from 'node:crypto';
import { createCloudApiProvider } from '@wamux/cloud-api';
import { META_WEBHOOK_FIXTURES } from '../../whatsapp-cloud/test/fixtures/meta-webhooks';
import { describeWebhookFuzz } from '../../../test-support/webhook-fuzz';

const APP_SECRET = 'cloud-api-fuzz-app-secret';
const TOKEN = 'cloud-api-fuzz-access-token';

describeWebhookFuzz({
  name: 'cloud-api',
  createProvider: () => createCloudApiProvider({ accessToken: TOKEN, phoneNumberId: '106540352242922', appSecret: APP_SECRET }),
  bodies: META_WEBHOOK_FIXTURES.map((fixture) => fixture.body),
  // Signed as Meta signs: HMAC-SHA256 of the raw body with the app secret.
  authenticate: (delivery) => {
    delivery.headers['x-hub-signature-256'] = `sha256=${createHmac('sha256', APP_SECRET).update(delivery.body).digest('hex')}`;
  },
  secrets: [APP_SECRET, TOKEN],
});
