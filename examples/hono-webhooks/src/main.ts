// Runs the app: `node src/main.ts` (Node >= 22.18; see providerFromEnv for the config).
import { createApp, listen } from './app.ts';
import { providerFromEnv } from './provider-from-env.ts';

const { provider, emulator } = await providerFromEnv();
const running = await listen(createApp(provider), Number(process.env.PORT ?? 3000), process.env.HOST ?? '127.0.0.1');
const webhookUrl = `${running.url}/webhooks`;
console.log(`${provider.name}: receiving webhooks on POST ${webhookUrl}`);

if (emulator) {
  // No config: have the memory emulator deliver one signed message, as a vendor would.
  emulator.setWebhookUrl(webhookUrl);
  const { status } = await emulator.simulateInbound({ from: '+905551119988', profileName: 'Ada', content: { type: 'text', text: 'Hello from the emulator' } });
  console.log(`the emulator posted a message; the app answered ${status}`);
}

const stop = async () => {
  await running.close();
  await provider.close();
  await emulator?.close();
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
