// What every webhook example's `src/main.ts` does, written once: pick the
// provider from the environment, serve the app, and with no configuration
// have the memory emulator post one signed message to it.
import type { Provider } from 'wamux';
import { providerFromEnv } from './provider-from-env.ts';

/** The two functions each example's `src/app.ts` exports. */
export interface WebhookExample<App> {
  createApp(provider: Provider): App;
  listen(app: App, port: number, host: string): Promise<{ url: string; close(): Promise<void> }>;
}

/** Runs one example until SIGINT/SIGTERM (PORT and HOST from the environment). */
export async function runWebhookApp<App>({ createApp, listen }: WebhookExample<App>): Promise<void> {
  const { provider, emulator } = await providerFromEnv();
  const running = await listen(createApp(provider), Number(process.env.PORT ?? 3000), process.env.HOST ?? '127.0.0.1');
  const webhookUrl = `${running.url}/webhooks`;
  console.log(`${provider.name}: receiving webhooks on POST ${webhookUrl}`);

  if (emulator) {
    // No config: have the memory emulator deliver one signed message, as a vendor would.
    emulator.setWebhookUrl(webhookUrl);
    const { status } = await emulator.simulateInbound({
      from: '+905551119988',
      profileName: 'Ada',
      content: { type: 'text', text: 'Hello from the emulator' },
    });
    console.log(`the emulator posted a message; the app answered ${status}`);
  }

  const stop = async () => {
    await running.close();
    await provider.close();
    await emulator?.close();
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}
