// The test every webhook example runs: a real memory emulator posts real,
// signed webhook deliveries to the example app running on 127.0.0.1, and
// the test checks the normalized events the app handled.
import { createMemoryEmulator, type MemoryEmulator } from '@wamux/memory/emulator';
import { createProvider, type Provider, type WamuxError, type WebhookEvent } from 'wamux';

/** What the suite hands an app to observe what it handled. */
export interface AppHooks {
  onEvent(event: WebhookEvent): void;
  onError(error: WamuxError): void;
}

/** A started example app. */
export interface StartedApp {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  close(): Promise<void>;
}

/** Starts an example app for `provider` on 127.0.0.1 and a free port. */
export type StartApp = (provider: Provider, hooks: AppHooks) => Promise<StartedApp>;

const CUSTOMER = '+905551119988';

/** Declares the shared webhook tests for one example app. */
export function describeWebhookApp(name: string, start: StartApp): void {
  describe(`${name}: receiving webhooks`, () => {
    let emulator: MemoryEmulator;
    let provider: Provider;
    let app: StartedApp;
    let webhookUrl: string;
    const events: WebhookEvent[] = [];
    const errors: WamuxError[] = [];

    beforeAll(async () => {
      emulator = await createMemoryEmulator();
      provider = await createProvider({
        provider: 'memory',
        baseUrl: emulator.url,
        apiKey: emulator.apiKey,
        webhookSecret: emulator.webhookSecret,
      });
      app = await start(provider, { onEvent: (event) => events.push(event), onError: (error) => errors.push(error) });
      expect(app.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      webhookUrl = `${app.url}/webhooks`;
    });

    afterAll(async () => {
      await app?.close();
      await provider?.close();
      await emulator?.close();
    });

    beforeEach(() => {
      events.length = 0;
      errors.length = 0;
    });

    it('handles a signed customer message', async () => {
      const timestamp = new Date('2025-01-02T03:04:05.000Z');
      const result = await emulator.simulateInbound(
        { id: 'wamid.inbound.1', from: CUSTOMER, profileName: 'Ada', timestamp, content: { type: 'text', text: 'Where is my order?' } },
        { webhookUrl },
      );

      expect(result.status).toBe(200);
      expect(errors).toEqual([]);
      expect(events).toHaveLength(1);
      const [event] = events;
      expect(event).toMatchObject({
        type: 'message',
        provider: 'memory',
        message: { id: 'wamid.inbound.1', from: CUSTOMER, profileName: 'Ada', timestamp, content: { type: 'text', text: 'Where is my order?' } },
      });
    });

    it('handles a delivery status for a message the app sent', async () => {
      const sent = await provider.send({ type: 'text', to: CUSTOMER, text: 'On its way' });
      const result = await emulator.simulateStatus({ messageId: sent.id, status: 'delivered', recipient: CUSTOMER }, { webhookUrl });

      expect(result.status).toBe(200);
      expect(events).toEqual([
        expect.objectContaining({ type: 'status', provider: 'memory', status: expect.objectContaining({ messageId: sent.id, status: 'delivered' }) }),
      ]);
    });

    it('drops a redelivered message', async () => {
      const message = { id: 'wamid.inbound.dup', from: CUSTOMER, content: { type: 'text' as const, text: 'Twice' } };
      expect((await emulator.simulateInbound(message, { webhookUrl })).status).toBe(200);
      expect((await emulator.simulateInbound(message, { webhookUrl })).status).toBe(200);

      expect(events).toHaveLength(1);
    });

    it('refuses an unsigned delivery with 401', async () => {
      const result = await emulator.simulateInbound({ from: CUSTOMER, content: { type: 'text', text: 'forged' } }, { webhookUrl, unauthenticated: true });

      expect(result.status).toBe(401);
      expect(events).toEqual([]);
      expect(errors.map((error) => error.code)).toEqual(['webhook_verification_failed']);
    });

    it('refuses a tampered delivery with 401', async () => {
      // A genuine signed delivery, then one word changed: the signature no longer matches.
      const { request } = await emulator.inboundDelivery({ id: 'wamid.t', from: CUSTOMER, content: { type: 'text', text: 'pay 10' } }, { webhookUrl });
      expect(request.body).toContain('pay 10');
      const response = await fetch(webhookUrl, { method: 'POST', headers: request.headers, body: request.body.replace('pay 10', 'pay 99') });

      expect(response.status).toBe(401);
      expect(events).toEqual([]);
      expect(errors.map((error) => error.code)).toEqual(['webhook_verification_failed']);
    });

    it('accepts the same delivery when it is not changed', async () => {
      // The control for the test above: the app checks the signature over the raw body, byte for byte.
      const { request } = await emulator.inboundDelivery({ id: 'wamid.s', from: CUSTOMER, content: { type: 'text', text: 'pay 10' } }, { webhookUrl });
      const response = await fetch(webhookUrl, { method: 'POST', headers: request.headers, body: request.body });

      expect(response.status).toBe(200);
      expect(events).toEqual([expect.objectContaining({ type: 'message', message: expect.objectContaining({ id: 'wamid.s' }) })]);
    });

    it('answers 404 elsewhere', async () => {
      const response = await fetch(`${app.url}/elsewhere`, { method: 'POST', body: '{}' });

      expect(response.status).toBe(404);
      expect(events).toEqual([]);
    });
  });
}
