import type { Span } from '@opentelemetry/api';
import type { EventEmitter } from 'eventemitter3';
import { WebhookListenerError } from '../errors/classes';
import type { WamuxError } from '../errors/wamux-error';
import type { WebhookEvent } from '../model/events';
import { dedupeKey, type DedupeStore } from './dedupe';
import { callListeners, type ListenersResult } from './listeners';
import { statusOrderKey, type StatusOrderStore } from './status-order';
import type { Logger } from '../telemetry/logger';
import { countListenerFailure, errorName, traceListeners } from '../telemetry/webhook-span';

/** What {@link processEvents} needs from the handler. */
export interface EventProcessing {
  emitter: EventEmitter;
  provider: string;
  /** Where processed events are recorded; none: every event runs. */
  dedupe: DedupeStore | undefined;
  /** Keeps each message's status moving forward; replaces `dedupe` for `status` events. */
  statusOrder: StatusOrderStore | undefined;
  /** The listeners of one delivery have this long, in ms, in all. */
  listenerTimeout: number;
  /** How long a claim lives in the store, in ms, when nobody completes or releases it. */
  leaseMs: number;
  /** Emits an `error` event (never throws). */
  report(error: WamuxError): void;
  /** Where listener failures, missed deadlines and store failures are told. */
  logger: Logger;
}

/** How the events of one delivery went. */
export interface ProcessedEvents {
  /** Every listener succeeded (and, with dedupe, the event is recorded as processed). */
  processed: WebhookEvent[];
  /** Not processed: a listener failed, the deadline passed, or the dedupe store failed. Not recorded: a redelivery runs them again. */
  failed: WebhookEvent[];
  /** Skipped: already processed (by an earlier delivery, or earlier in this one), or a status the message is already past. */
  duplicates: number;
  /** Being processed by another delivery right now. */
  inFlight: number;
  /** Of the duplicates: statuses dropped because the message was already past them. */
  statusDrops: number;
  /** The first listener failure: the delivery is answered 500. */
  listenerFailure: WebhookListenerError | undefined;
  /** The deadline passed or the dedupe store failed to claim: the delivery is answered 503. */
  unavailable: WebhookListenerError | undefined;
}

/** A claim an event holds in a store while its listeners run. */
interface Claim {
  settle(succeeded: boolean): void | Promise<void>;
}

type Claimed =
  | { state: 'claimed'; claim: Claim }
  | { state: 'skip'; as: 'duplicates' | 'inFlight'; drop?: boolean }
  | { state: 'run' }
  | { state: 'store_failed'; cause: unknown };

const EXPIRED = Symbol('expired');

/**
 * Runs the listeners of a delivery's events around the stores' claim /
 * complete / release, within the listener deadline. Never rejects.
 *
 * Each event is claimed (a duplicate, a status the message is past, or an
 * event in flight elsewhere does not run), its listeners are called and
 * awaited, and its claim is completed if they all succeeded or released if
 * not, so the vendor's redelivery runs only the failed ones.
 *
 * Listeners are called in the delivery's order, as `emit` calls them, and
 * awaited together: an async listener of one event does not hold back the
 * next event's. The exception is a message's statuses: each waits until
 * the one before it in the delivery has settled, so a listener never sees
 * a message go backwards.
 *
 * Events still running at the deadline count as failed (503), and the ones
 * not started by then do not start. Listeners left running keep their
 * claim, which then follows what they come to: completed if they succeed
 * late (a redelivery is a duplicate), released if they fail, lapsed with
 * its lease if they never settle. A claim is never released while its
 * listeners run, so no event runs twice at once.
 */
export async function processEvents(events: readonly WebhookEvent[], context: EventProcessing, span?: Span): Promise<ProcessedEvents> {
  const result: ProcessedEvents = { processed: [], failed: [], duplicates: 0, inFlight: 0, statusDrops: 0, listenerFailure: undefined, unavailable: undefined };
  const deadline = createDeadline(context.listenerTimeout);
  const finished = new Set<WebhookEvent>();

  /** Calls the event's listeners now (synchronously), then awaits them and settles the claim. */
  const run = async (event: WebhookEvent, claimed: Claimed): Promise<void> => {
    if (claimed.state === 'store_failed') {
      finished.add(event);
      fail(result, event, 'unavailable', storeError('claim', event, claimed.cause, context), context);
      return;
    }
    if (claimed.state === 'skip') {
      result[claimed.as] += 1;
      if (claimed.drop) result.statusDrops += 1;
      finished.add(event);
      return;
    }
    const claim = claimed.state === 'claimed' ? claimed.claim : undefined;
    const running = traceListeners(span, context.provider, event, () => callListeners(context.emitter, event.type, event));
    const ran = await deadline.race(running);
    if (ran === EXPIRED) {
      void running.then((late) => {
        if (!late.ok) {
          countListenerFailure(context.provider, event, 'error');
          context.logger.error(`wamux: a "${event.type}" listener failed after the deadline`, {
            provider: context.provider,
            eventType: event.type,
            error: errorName(late.cause),
          });
          context.report(listenerError(event, late, context));
        }
        return claim ? settle(claim, late.ok, event, context) : undefined;
      });
      return;
    }
    finished.add(event);
    if (ran.ok) result.processed.push(event);
    else {
      countListenerFailure(context.provider, event, 'error');
      context.logger.error(
        `wamux: ${ran.failures === 1 ? 'a' : ran.failures} "${event.type}" listener${ran.failures === 1 ? '' : 's'} failed; the delivery is answered 500 so the vendor delivers it again`,
        {
          provider: context.provider,
          eventType: event.type,
          error: errorName(ran.cause),
        },
      );
      fail(result, event, 'listenerFailure', listenerError(event, ran, context), context);
    }
    if (claim) await deadline.race(settle(claim, ran.ok, event, context));
  };

  /** Claims within the deadline; a claim granted after it is given back. */
  const claimInTime = async (event: WebhookEvent): Promise<Claimed | typeof EXPIRED> => {
    const pending = claimFor(event, context);
    const claimed = await deadline.race(pending);
    if (claimed === EXPIRED) void pending.then((late) => (late.state === 'claimed' ? settle(late.claim, false, event, context) : undefined));
    return claimed;
  };

  const unique = withoutRepeats(events, context, result, finished);
  // A message's second status in this delivery waits for its first.
  const after = new Map<WebhookEvent, Promise<void>>();
  const done = new Map<WebhookEvent, () => void>();
  const lastOfMessage = new Map<string, Promise<void>>();
  for (const event of unique) {
    const settled = new Promise<void>((resolve) => done.set(event, resolve));
    if (event.type !== 'status') continue;
    const message = statusOrderKey(event);
    const previous = lastOfMessage.get(message);
    if (previous) after.set(event, previous);
    lastOfMessage.set(message, settled);
  }

  try {
    const heads = unique.filter((event) => !after.has(event));
    // The heads' claims together, then their listeners in the delivery's order.
    const claims = await deadline.race(Promise.all(heads.map(claimInTime)));
    const work: Promise<void>[] = [];
    if (claims !== EXPIRED) {
      heads.forEach((event, index) => {
        const claimed = claims[index] as Claimed | typeof EXPIRED;
        work.push((claimed === EXPIRED ? Promise.resolve() : run(event, claimed)).finally(done.get(event)));
      });
    }
    for (const [event, previous] of after) {
      const next = previous.then(async () => {
        if (deadline.passed) return;
        const claimed = await claimInTime(event);
        if (claimed !== EXPIRED) await run(event, claimed);
      });
      work.push(next.finally(done.get(event)));
    }
    await deadline.race(Promise.all(work));
    for (const event of unique) {
      if (finished.has(event)) continue;
      countListenerFailure(context.provider, event, 'deadline');
      context.logger.warn(`wamux: the listener deadline of ${context.listenerTimeout} ms passed before a "${event.type}" event was processed; answered 503`, {
        provider: context.provider,
        eventType: event.type,
      });
      fail(result, event, 'unavailable', deadlineError(event, context), context);
    }
    return result;
  } finally {
    deadline.clear();
  }
}

/** The events of a delivery without the ones it repeats (counted as duplicates when dedupe is on). */
function withoutRepeats(events: readonly WebhookEvent[], context: EventProcessing, result: ProcessedEvents, finished: Set<WebhookEvent>): WebhookEvent[] {
  if (!context.dedupe && !context.statusOrder) return [...events];
  const seen = new Set<string>();
  return events.filter((event) => {
    const key = dedupeKey(event);
    if (key === undefined) return true;
    if (seen.has(key)) {
      result.duplicates += 1;
      finished.add(event);
      return false;
    }
    seen.add(key);
    return true;
  });
}

/** Claims `event` in the store that keeps it: the status-order store for statuses, the dedupe store otherwise. Never rejects. */
async function claimFor(event: WebhookEvent, context: EventProcessing): Promise<Claimed> {
  const { statusOrder, dedupe } = context;
  try {
    if (event.type === 'status' && statusOrder) {
      const key = statusOrderKey(event);
      const answer = await statusOrder.claim(key, event.status.status, context.leaseMs);
      if (answer.state === 'claimed')
        return { state: 'claimed', claim: { settle: (ok) => (ok ? statusOrder.complete(key, answer.token) : statusOrder.release(key, answer.token)) } };
      // `stale`: the message is already past this status (a drop); `done`: this very status was processed (a duplicate).
      return answer.state === 'in_flight' ? { state: 'skip', as: 'inFlight' } : { state: 'skip', as: 'duplicates', drop: answer.state === 'stale' };
    }
    const key = dedupeKey(event);
    if (key === undefined || !dedupe) return { state: 'run' };
    const answer = await dedupe.claim(key, context.leaseMs);
    if (answer.state === 'claimed')
      return { state: 'claimed', claim: { settle: (ok) => (ok ? dedupe.complete(key, answer.token) : dedupe.release(key, answer.token)) } };
    return { state: 'skip', as: answer.state === 'in_flight' ? 'inFlight' : 'duplicates' };
  } catch (cause) {
    return { state: 'store_failed', cause };
  }
}

/**
 * Completes (after success) or releases (after failure) a claim. A store
 * failure is reported, never thrown: the listeners' outcome stands, and a
 * claim that could not be completed or released lapses with its lease.
 */
async function settle(claim: Claim, succeeded: boolean, event: WebhookEvent, context: EventProcessing): Promise<void> {
  try {
    await claim.settle(succeeded);
  } catch (cause) {
    context.report(storeError(succeeded ? 'complete' : 'release', event, cause, context));
  }
}

function fail(
  result: ProcessedEvents,
  event: WebhookEvent,
  as: 'listenerFailure' | 'unavailable',
  error: WebhookListenerError,
  context: EventProcessing,
): void {
  result[as] ??= error;
  context.report(error);
  result.failed.push(event);
}

function listenerError(event: WebhookEvent, ran: Extract<ListenersResult, { ok: false }>, context: EventProcessing): WebhookListenerError {
  const message = ran.failures === 1 ? `a "${event.type}" listener failed` : `${ran.failures} "${event.type}" listeners failed`;
  return new WebhookListenerError(message, { provider: context.provider, event, cause: ran.cause });
}

function deadlineError(event: WebhookEvent, context: EventProcessing): WebhookListenerError {
  return new WebhookListenerError(`the listener deadline of ${context.listenerTimeout} ms passed before this event was processed`, {
    provider: context.provider,
    event,
  });
}

function storeError(what: 'claim' | 'complete' | 'release', event: WebhookEvent, cause: unknown, context: EventProcessing): WebhookListenerError {
  const store = event.type === 'status' && context.statusOrder ? 'status-order' : 'dedupe';
  const consequence = what === 'claim' ? 'the event did not run and the delivery is answered 503 (failing closed)' : 'its claim lapses with its lease';
  context.logger.error(`wamux: the ${store} store failed to ${what} a "${event.type}" event; ${consequence}`, {
    provider: context.provider,
    eventType: event.type,
    store,
    error: errorName(cause),
  });
  return new WebhookListenerError(`the ${store} store failed to ${what} the event`, {
    provider: context.provider,
    event,
    cause,
  });
}

/** The listener deadline of one delivery: one timer, cleared when the delivery is done. */
interface Deadline {
  /** Whether the time is up. */
  readonly passed: boolean;
  /** `work`'s value, or {@link EXPIRED} once the deadline has passed. */
  race<T>(work: Promise<T>): Promise<T | typeof EXPIRED>;
  clear(): void;
}

function createDeadline(ms: number): Deadline {
  let passed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expiry = new Promise<typeof EXPIRED>((resolve) => {
    timer = setTimeout(() => {
      passed = true;
      resolve(EXPIRED);
    }, ms);
  });
  return {
    get passed() {
      return passed;
    },
    race: (work) => Promise.race([work, expiry]),
    clear: () => clearTimeout(timer),
  };
}
