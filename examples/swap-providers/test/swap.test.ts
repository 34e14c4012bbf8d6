// Proves that swapping providers is a change of config only: the same
// `startApp` and the same conversation give the same normalized events.
import { createMemoryEmulator, type MemoryEmulator } from '@wamux/memory/emulator';
import type { Emulator } from '@wamux/emulator';
import type { ProviderConfig, WebhookEvent } from 'wamux';
// Every provider's emulator, as `wamux demo` starts them (the repository's sources, not a public export).
import { localTargets, type LocalTarget } from 'wamux/emulators';
import { replyText, startApp, type RunningApp } from '../src/app';
import { CUSTOMER, CUSTOMER_TEXT, playScenario, summarize } from '../src/scenario';

/** Runs the app under `config` against `emulator`; closes the app. */
async function run(config: ProviderConfig, emulator: Emulator, env?: Record<string, string>) {
  const app: RunningApp = await startApp(config, { env: env ?? {} });
  try {
    const result = await playScenario(app, emulator);
    return { ...result, events: [...app.events], replies: [...app.replies], errors: [...app.errors], capabilities: app.provider.capabilities };
  } finally {
    await app.close();
  }
}

/**
 * The events without `raw` (the vendor payload, which is allowed to differ),
 * and a status's message id as the reply it is about (`reply #1`): every
 * emulator hands out ids of its own.
 */
function normalized(events: readonly WebhookEvent[], replyIds: readonly string[]): unknown[] {
  return events.map(({ raw: _raw, ...event }) =>
    event.type === 'status' ? { ...event, status: { ...event.status, messageId: `reply #${replyIds.indexOf(event.status.messageId) + 1}` } } : event,
  );
}

/** The replies, each id as its position (`reply #1`). */
const replyShapes = (replies: readonly { to: string; id: string }[]) => replies.map(({ to }, index) => ({ to, id: `reply #${index + 1}` }));

describe('the same app under two configs of the memory provider', () => {
  let first: MemoryEmulator;
  let second: MemoryEmulator;

  beforeAll(async () => {
    first = await createMemoryEmulator();
    second = await createMemoryEmulator({ apiKey: 'another-key', webhookSecret: 'another-secret' });
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
  });

  it('produces identical normalized events', async () => {
    // Config 1: every option inline.
    const inline = await run({ provider: 'memory', baseUrl: first.url, apiKey: first.apiKey, webhookSecret: first.webhookSecret }, first);
    // Config 2: only the name; the URL and secrets come from environment variables.
    const fromEnv = await run({ provider: 'memory' }, second, {
      WAMUX_MEMORY_URL: second.url,
      WAMUX_MEMORY_API_KEY: 'another-key',
      WAMUX_MEMORY_WEBHOOK_SECRET: 'another-secret',
    });

    expect(inline.errors).toEqual([]);
    expect(fromEnv.errors).toEqual([]);
    expect(inline.answers).toEqual([200, 200]);
    expect(inline.events.map((event) => event.type)).toEqual(['message', 'status']);
    const replyIds = (run: { replies: readonly { id: string }[] }) => run.replies.map((reply) => reply.id);
    expect(normalized(fromEnv.events, replyIds(fromEnv))).toEqual(normalized(inline.events, replyIds(inline)));
    expect(normalized(inline.events, replyIds(inline))).toContainEqual(
      expect.objectContaining({ type: 'status', status: expect.objectContaining({ messageId: 'reply #1' }) }),
    );
    expect(replyShapes(fromEnv.replies)).toEqual(replyShapes(inline.replies));
    // Each emulator received the app's reply, decoded back into the model.
    for (const emulator of [first, second]) {
      expect(emulator.delivered().map((d) => d.message)).toEqual([{ type: 'text', to: CUSTOMER, text: replyText(CUSTOMER_TEXT) }]);
    }
  });
});

describe('the same app against every provider with a local emulator', () => {
  it('gives every available provider the same conversation, event for event', async () => {
    const ran: string[] = [];
    const unavailable: string[] = [];

    for (const [name, start] of Object.entries(localTargets)) {
      let target: LocalTarget;
      try {
        target = await start({});
      } catch (error) {
        // Only "not wired yet" counts as unavailable; any other failure fails the test.
        const message = error instanceof Error ? error.message : String(error);
        if (!/not wired/i.test(message)) throw error;
        unavailable.push(`${name} (${message})`);
        continue;
      }
      try {
        const result = await run(target.config, target.emulator);
        const summary = summarize(
          result.events,
          result.replies.map((reply) => reply.id),
        ).filter((line) => !line.startsWith('provider event'));

        expect({ provider: name, errors: result.errors, answers: result.answers }).toEqual({
          provider: name,
          errors: [],
          answers: result.answers.map(() => 200),
        });
        // Labelled with the provider name, so a failure says which vendor differs.
        const wanted = [`message from ${CUSTOMER}: ${CUSTOMER_TEXT}`, ...(result.status ? [`status of reply #1: ${result.status}`] : [])];
        expect({ provider: name, summary }).toEqual({ provider: name, summary: wanted });
        ran.push(name);
      } finally {
        await target.emulator.close();
      }
    }

    console.info(`swap-providers ran against: ${ran.join(', ')}${unavailable.length ? `\nnot available: ${unavailable.join('; ')}` : ''}`);
    expect(ran).toContain('memory');
    expect(ran.length + unavailable.length).toBe(Object.keys(localTargets).length);
  });
});
