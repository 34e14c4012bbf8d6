// For the examples that also serve a JSON API: the route that parses JSON
// must keep working next to the webhook route that keeps bodies raw.
import { createMemoryEmulator } from '@wamux/memory/emulator';
import { createProvider, type Provider } from 'wamux';
import type { StartedApp } from './webhook-app-suite';

/** Declares a test of the example's `POST /send` JSON route. */
export function describeSendRoute(name: string, start: (provider: Provider) => Promise<StartedApp>): void {
  describe(`${name}: the JSON route next to the webhook route`, () => {
    it('parses JSON bodies and sends through the provider', async () => {
      const emulator = await createMemoryEmulator();
      const provider = await createProvider({ provider: 'memory', baseUrl: emulator.url, apiKey: emulator.apiKey });
      const app = await start(provider);
      try {
        const post = (body: object) =>
          fetch(`${app.url}/send`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
        const sent = await post({ to: '+905551119988', text: 'Your order has shipped' });
        const refused = await post({ to: '905551119988', text: 'no leading +' });

        expect(sent.status).toBe(201);
        const { id } = (await sent.json()) as { id: string };
        expect(emulator.delivered()).toEqual([
          expect.objectContaining({ id, message: expect.objectContaining({ to: '+905551119988', text: 'Your order has shipped' }) }),
        ]);
        expect(refused.status).toBe(400);
      } finally {
        await app.close();
        await provider.close();
        await emulator.close();
      }
    });
  });
}
