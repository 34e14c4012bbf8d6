// Runs the app: `node src/main.ts` (Node >= 22.18). The provider comes from
// WAMUX_CONFIG or WAMUX_PROVIDER, else a local memory emulator (examples/shared).
import { runWebhookApp } from '../../shared/run-webhook-app.ts';
import { createApp, listen } from './app.ts';

await runWebhookApp({ createApp, listen });
