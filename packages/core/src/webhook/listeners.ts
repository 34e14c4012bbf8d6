import type { EventEmitter } from 'eventemitter3';

/** How the listeners of one event ended: all of them succeeded, or `failures` of them threw or rejected (`cause`: the first). */
export type ListenersResult = { readonly ok: true } | { readonly ok: false; readonly cause: unknown; readonly failures: number };

const SUCCEEDED: ListenersResult = Object.freeze({ ok: true });

/** A listener as eventemitter3 stores it: the function, its `this`, and whether it was added with `once`. */
interface StoredListener {
  fn: (...args: unknown[]) => unknown;
  context: unknown;
  once: boolean;
}

/** Whether `value` is a promise or any other thenable. */
export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

/**
 * Calls every listener of `type` with `arg`, in registration order, as
 * eventemitter3's `emit` does (`once` listeners removed first, each called
 * with its context), but keeps what they return, which `emit` throws away:
 * a synchronous throw is captured, every listener still runs, and the
 * promises returned are awaited together. Never throws, never rejects; the
 * answer is synchronous when no listener returned a promise.
 */
export function callListeners(emitter: EventEmitter, type: string, arg: unknown): ListenersResult | Promise<ListenersResult> {
  const stored = storedListeners(emitter, type);
  if (stored === undefined) return SUCCEEDED;
  // A copy: removing a `once` listener must not shift the iteration.
  const listeners = Array.isArray(stored) ? stored.slice() : [stored as StoredListener];
  let pending: Array<PromiseLike<unknown>> | undefined;
  let failures = 0;
  let cause: unknown;
  for (const listener of listeners) {
    if (listener.once) emitter.removeListener(type, listener.fn, undefined, true);
    try {
      const returned = listener.fn.call(listener.context, arg);
      if (isThenable(returned)) {
        pending ??= [];
        pending.push(returned);
      }
    } catch (error) {
      if (failures === 0) cause = error;
      failures += 1;
    }
  }
  if (pending === undefined) return failures === 0 ? SUCCEEDED : { ok: false, cause, failures };
  // allSettled also attaches a handler to every promise: a rejection that
  // arrives after the handler stopped waiting is never unhandled.
  return Promise.allSettled(pending).then((results) => {
    for (const result of results) {
      if (result.status === 'fulfilled') continue;
      if (failures === 0) cause = result.reason;
      failures += 1;
    }
    return failures === 0 ? SUCCEEDED : { ok: false, cause, failures };
  });
}

/**
 * The listeners of `type` with their context and `once` flag: one, several,
 * or none. eventemitter3's `listeners()` returns the bare functions, which
 * would lose both, so this reads its store (one listener object, or an array
 * of them, under `_events[type]`), the same one its `emit` reads.
 */
function storedListeners(emitter: EventEmitter, type: string): StoredListener | readonly StoredListener[] | undefined {
  const events = (emitter as unknown as { _events?: Record<string, StoredListener | StoredListener[] | undefined> })._events;
  if (typeof events === 'object' && events !== null) {
    const stored = events[type];
    if (stored === undefined || Array.isArray(stored) || typeof stored.fn === 'function') return stored;
  }
  // An eventemitter3 that stores listeners otherwise: its public view.
  return emitter.listeners(type).map((fn) => ({ fn: fn as StoredListener['fn'], context: emitter, once: false }));
}
