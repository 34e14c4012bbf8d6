import { deliveryOf, isWamuxError, type DeliveryOutcome, type WamuxError } from '../errors/wamux-error';
import type { OutboundMessage } from '../model/outbound';
import type { SendResult } from '../model/send-result';
import type { Provider } from '../provider/contract';
import { sleep } from '../util/sleep';

/**
 * The outcome for one recipient. A failure says whether the message may
 * have reached them (`delivery`): `not_sent` is safe to send again,
 * `unknown` may have been delivered (settle it with status webhooks or the
 * vendor's history before sending again).
 */
export type BulkItemResult<TRecipient> =
  | { recipient: TRecipient; ok: true; result: SendResult }
  | { recipient: TRecipient; ok: false; error: WamuxError | Error; delivery: DeliveryOutcome };

/** Progress after each recipient. */
export interface BulkProgress {
  done: number;
  succeeded: number;
  failed: number;
  /** Recipients in all, when known up front (an array). */
  total: number | undefined;
}

/** When {@link sendBulk} sends a recipient again. */
export interface BulkRetryOptions {
  /** Further sends per recipient after a failure that proves it was not sent. Default 0: none. */
  limit?: number | undefined;
  /** Wait before such a send when the error gives no `retryAfter`, in ms. Default 1 000. */
  delay?: number | undefined;
  /** A `retryAfter` longer than this (ms) is not waited for: the failure is reported. Default 60 000. */
  maxWait?: number | undefined;
}

/** Options of {@link sendBulk}. */
export interface SendBulkOptions<TRecipient> {
  /** Recipients: an array, or any (async) iterable read lazily. */
  recipients: Iterable<TRecipient> | AsyncIterable<TRecipient>;
  /** Builds the message for one recipient. Called once per recipient, retries included. */
  message: (recipient: TRecipient) => OutboundMessage;
  /** Sends in flight at once. Default 4. The provider's rate limiter paces them. */
  concurrency?: number | undefined;
  /**
   * Sends a recipient again after a failure that is `retryable` and
   * `delivery: 'not_sent'` (a rate limit, a refused connection), never
   * after one whose outcome is `unknown`. Off by default: the provider's
   * HTTP path already retries what is safe within its own policy.
   */
  retry?: BulkRetryOptions | undefined;
  /**
   * Stops dispatching new recipients, and ends the waits before retries
   * (the recipient is reported with its last, `not_sent`, failure). Sends
   * already handed to the provider are not cancelled (the vendor may have
   * them): they finish and are reported, so the results are a complete
   * record of what was sent.
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
  /** Failures in all: `notSent + unknown`. */
  failed: number;
  /** Failures that prove the message was not sent: safe to send again. */
  notSent: number;
  /** Failures after which the message may have been delivered: settle them before sending again. */
  unknown: number;
  /** True when the signal stopped the run before every recipient was dispatched. */
  aborted: boolean;
}

/**
 * Sends one message per recipient through `provider.send`, with bounded
 * concurrency (the provider's rate limiter does the pacing), a result per
 * recipient and abort. One failure never stops the others; a recipient is
 * sent again only after a failure that proves the message was not sent
 * (`retry`), so nobody gets it twice.
 */
export async function sendBulk<TRecipient>(provider: Provider, options: SendBulkOptions<TRecipient>): Promise<BulkSummary<TRecipient>> {
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 4));
  const retryLimit = Math.max(0, Math.floor(options.retry?.limit ?? 0));
  const retryDelay = Math.max(0, options.retry?.delay ?? 1_000);
  const maxWait = options.retry?.maxWait ?? 60_000;
  const total = Array.isArray(options.recipients) ? options.recipients.length : undefined;
  const iterator = toAsyncIterator(options.recipients);
  const results: BulkItemResult<TRecipient>[] = [];
  let succeeded = 0;
  let notSent = 0;
  let unknown = 0;
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

  /** Whether to send again after `error`, and after how long; `undefined` for no. */
  const retryWait = (error: unknown, retries: number): number | undefined => {
    if (retries >= retryLimit || deliveryOf(error) !== 'not_sent' || !isWamuxError(error) || !error.retryable) return undefined;
    const wait = error.retryAfter ?? retryDelay;
    return wait <= maxWait ? wait : undefined;
  };

  const sendOne = async (recipient: TRecipient): Promise<BulkItemResult<TRecipient>> => {
    let message: OutboundMessage;
    try {
      message = options.message(recipient);
    } catch (error) {
      return { recipient, ok: false, error: asError(error), delivery: 'not_sent' };
    }
    for (let retries = 0; ; retries += 1) {
      try {
        // No signal here on purpose: a send in flight is never cut off midway.
        return { recipient, ok: true, result: await provider.send(message) };
      } catch (error) {
        const wait = retryWait(error, retries);
        const failure: BulkItemResult<TRecipient> = { recipient, ok: false, error: asError(error), delivery: deliveryOf(error) };
        if (wait === undefined || options.signal?.aborted) return failure;
        try {
          await sleep(wait, options.signal);
        } catch {
          return failure;
        }
      }
    }
  };

  const worker = async () => {
    for (let item = await next(); !item.done; item = await next()) {
      const outcome = await sendOne(item.value);
      if (outcome.ok) succeeded += 1;
      else if (outcome.delivery === 'not_sent') notSent += 1;
      else unknown += 1;
      results.push(outcome);
      await options.onResult?.(outcome);
      options.onProgress?.({ done: succeeded + notSent + unknown, succeeded, failed: notSent + unknown, total });
    }
  };

  await Promise.all(Array.from({ length: concurrency }, worker));
  return { results, succeeded, failed: notSent + unknown, notSent, unknown, aborted };
}

/** What a send threw, as an `Error` (a thrown string becomes one). */
function asError(error: unknown): WamuxError | Error {
  return error instanceof Error ? error : new Error(String(error));
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
