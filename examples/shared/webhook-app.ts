// What every webhook example's `src/app.ts` shares, written once: the
// options that say what the app does with deliveries, the shape of a started
// app, and subscribing those options to a webhook handler. What differs
// between frameworks (how the raw body reaches the handler) stays in each
// example's app.ts.
import type { WamuxError, WebhookEvent, WebhookHandler } from 'wamux';

/** What the app does with webhook deliveries. Both default to logging. */
export interface AppOptions {
  /** Called with every normalized event (message, status, provider_event). */
  onEvent?: ((event: WebhookEvent) => void) | undefined;
  /** Called when a delivery is refused (bad signature, bad body) or a listener throws. */
  onError?: ((error: WamuxError) => void) | undefined;
}

/** A started app. */
export interface RunningApp {
  /** `http://host:port`, without a trailing slash. */
  url: string;
  close(): Promise<void>;
}

/** Subscribes `onEvent` to all three event kinds and `onError` to refusals; each logs when not given. */
export function listenToWebhooks(webhooks: WebhookHandler, options: AppOptions): void {
  const onEvent = options.onEvent ?? ((event) => console.log(`[${event.provider}] ${event.type}`));
  webhooks.on('message', onEvent);
  webhooks.on('status', onEvent);
  webhooks.on('provider_event', onEvent);
  webhooks.on('error', options.onError ?? ((error) => console.error(`webhook refused: ${error.code}: ${error.message}`)));
}
