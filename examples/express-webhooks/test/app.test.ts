import { describeSendRoute } from '../../test-support/send-route-suite';
import { describeWebhookApp } from '../../test-support/webhook-app-suite';
import { createApp, listen } from '../src/app';

describeWebhookApp('Express', (provider, hooks) => listen(createApp(provider, hooks), 0, '127.0.0.1'));
describeSendRoute('Express', (provider) => listen(createApp(provider), 0, '127.0.0.1'));
