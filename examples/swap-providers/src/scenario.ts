// The conversation both the demo (main.ts) and the test play through an
// emulator: a customer writes, the app replies, the reply is delivered.
import type { Emulator } from '@wamux/emulator';
import type { DeliveryStatus, WebhookEvent } from 'wamux';
import type { RunningApp } from './app.ts';

export const CUSTOMER = '+905551119988';
export const CUSTOMER_TEXT = 'Hi, where is my order #1001?';
/** Whole seconds: some vendors' timestamps have no milliseconds. */
export const SENT_AT = new Date('2025-03-04T05:06:07.000Z');

/** What happened, vendor-neutral: what the app saw and did. */
export interface ScenarioResult {
  /** HTTP statuses the app answered the emulator's webhook posts with. */
  answers: number[];
  /** The status simulated for the reply (the first of delivered, read, sent the provider reports). */
  status: DeliveryStatus | undefined;
}

/** Plays the conversation through `emulator` to `app`. */
export async function playScenario(app: RunningApp, emulator: Emulator): Promise<ScenarioResult> {
  const answers: number[] = [];
  const inbound = await emulator.simulateInbound(
    { id: 'wamid.swap.1', from: CUSTOMER, profileName: 'Ada', timestamp: SENT_AT, content: { type: 'text', text: CUSTOMER_TEXT } },
    { webhookUrl: app.webhookUrl },
  );
  answers.push(inbound.status);
  await app.settled();

  const status = (['delivered', 'read', 'sent'] as const).find((candidate) => app.provider.capabilities.statuses.includes(candidate));
  const reply = app.replies[0];
  if (status && reply) {
    const result = await emulator.simulateStatus({ messageId: reply.id, status, recipient: CUSTOMER, timestamp: SENT_AT }, { webhookUrl: app.webhookUrl });
    answers.push(result.status);
  }
  return { answers, status };
}

/** One line per event, with only what any provider must agree on. */
export function summarize(events: readonly WebhookEvent[], replyIds: readonly string[]): string[] {
  return events.map((event) => {
    switch (event.type) {
      case 'message': {
        const { from, content } = event.message;
        return `message from ${from}: ${content.type === 'text' ? content.text : `(${content.type})`}`;
      }
      case 'status': {
        const reply = replyIds.indexOf(event.status.messageId);
        return `status of ${reply === -1 ? `unknown message ${event.status.messageId}` : `reply #${reply + 1}`}: ${event.status.status}`;
      }
      default: {
        // Every other type is handled above: this assignment fails to compile when a new one is added.
        const providerEvent: Extract<WebhookEvent, { type: 'provider_event' }> = event;
        return `provider event ${providerEvent.kind}`;
      }
    }
  });
}
