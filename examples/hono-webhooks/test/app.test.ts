import { describeWebhookApp } from '../../test-support/webhook-app-suite';
import { createApp, listen } from '../src/app';

describeWebhookApp('Hono', (provider, hooks) => listen(createApp(provider, hooks), 0, '127.0.0.1'));
