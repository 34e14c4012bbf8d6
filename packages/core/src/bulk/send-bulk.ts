import type { WamuxError } from '../errors/wamux-error';
import type { OutboundMessage } from '../model/outbound';
import type { SendResult } from '../model/send-result';
import type { Provider } from '../provider/contract';

/** The outcome for one recipient. */
export type BulkItemResult<TRecipient> =
  | { recipient: TRecipient; ok: true; result: SendResult }
  | { recipient: TRecipient; ok: false; error: WamuxError | Error };

/** Progress after each recipient. */
export interface BulkProgress {
  done: number;
  succeeded: number;
  failed: number;
  /** Recipients in all, when known up front (an array). */
  total: number | undefined;
}

/** Options of {@link sendBulk}. */
export interface SendBulkOptions<TRecipient> {
  /** Recipients: an array, or any (async) iterable read lazily. */
  recipients: Iterable<TRecipient> | AsyncIterable<TRecipient>;
  /** Builds the message for one recipient. */
  message: (recipient: TRecipient) => OutboundMessage;
  /** Sends in flight at once. Default 4. The provider's rate limiter paces them. */
  concurrency?: number | undefined;
  /**
   * Stops dispatching new recipients. Sends already handed to the provider
   * are not cancelled (the vendor may have them): they finish and are
   * reported, so the results are a complete record of what was sent.
   */
  signal?: AbortSignal | undefined;
  onProgress?: ((progress: BulkProgress) => void) | undefined;
  /** Called once per recipient as soon as its send settles (for a results file). */
  onResult?: ((result: BulkItemResult<TRecipient>) => void | Promise<void>) | undefined;
}

/** What {@link sendBulk} returns. */
export interface BulkSummary<TRecipient> {
  results: BulkItemResult<TRecipient>[];
  succeeded: number;
  failed: number;
  /** True when the signal stopped the run before every recipient was dispatched. */
  aborted: boolean;
}

/**
 * Sends one message per recipient through `provider.send`, with bounded
 * concurrency (the provider's rate limiter does the pacing), a result per
 * recipient and abort. One failure never stops the others; each recipient
 * is sent at most once.
 */
export async function sendBulk<TRecipient>(provider: Provider, options: SendBulkOptions<TRecipient>): Promise<BulkSummary<TRecipient>> {
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 4));
  const total = Array.isArray(options.recipients) ? options.recipients.length : undefined;
  const iterator = toAsyncIterator(options.recipients);
  const results: BulkItemResult<TRecipient>[] = [];
  let succeeded = 0;
  let failed = 0;
  let aborted = false;

  let dispatched = 0;
  const next = async (): Promise<IteratorResult<TRecipient>> => {
    if (options.signal?.aborted) {
      // With an array we know whether anyone was left; an iterable is not
      // pulled once more to find out (that would consume an item).
      if (total === undefined || dispatched < total) aborted = true;
      return { done: true, value: undefined };
    }
    const item = await iterator.next();
    if (!item.done) dispatched += 1;
    return item;
  };

  const worker = async () => {
    for (let item = await next(); !item.done; item = await next()) {
      const recipient = item.value;
      let outcome: BulkItemResult<TRecipient>;
      try {
        // No signal here on purpose: a send in flight is never cut off midway.
        const result = await provider.send(options.message(recipient));
        outcome = { recipient, ok: true, result };
        succeeded += 1;
      } catch (error) {
        outcome = { recipient, ok: false, error: error instanceof Error ? error : new Error(String(error)) };
        failed += 1;
      }
      results.push(outcome);
      await options.onResult?.(outcome);
      options.onProgress?.({ done: succeeded + failed, succeeded, failed, total });
    }
  };

  await Promise.all(Array.from({ length: concurrency }, worker));
  return { results, succeeded, failed, aborted };
}

function toAsyncIterator<T>(source: Iterable<T> | AsyncIterable<T>): AsyncIterator<T> {
  if (Symbol.asyncIterator in source) return (source as AsyncIterable<T>)[Symbol.asyncIterator]();
  const sync = (source as Iterable<T>)[Symbol.iterator]();
  let busy = Promise.resolve();
  return {
    next: () => {
      // Serialize pulls so concurrent workers never read the same item.
      const result = busy.then(() => sync.next());
      busy = result.then(() => undefined);
      return result;
    },
  };
}
