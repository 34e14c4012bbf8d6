import { createRecentMap } from '@wamux/core/adapter';

/**
 * Where a router remembers who owns what: which provider last sent to or
 * heard from a customer (`customer:<customerKey>`), received or sent a
 * message (`message:<id>`), or stored a media file (`media:<id>`). Values
 * are provider names. A store shared by several processes (Redis) keeps
 * conversations with their provider across them.
 *
 * Both methods may be synchronous or return a promise. A failing store
 * never fails a send: the router goes on without stickiness and emits `error`.
 */
export interface RouteStore {
  get(key: string): string | undefined | Promise<string | undefined>;
  set(key: string, provider: string): void | Promise<void>;
}

/** Options of {@link createMemoryRouteStore}. */
export interface MemoryRouteStoreOptions {
  /** How many recent keys are remembered. Default 10 000. */
  capacity?: number | undefined;
}

/**
 * A bounded in-memory {@link RouteStore}: the last `capacity` keys set. The
 * default store of a router; one process only.
 */
export function createMemoryRouteStore(options: MemoryRouteStoreOptions = {}): RouteStore {
  const capacity = options.capacity ?? 10_000;
  if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be a positive integer');
  const map = createRecentMap<string, string>(capacity);
  return {
    get: (key) => map.get(key),
    set: (key, provider) => map.set(key, provider),
  };
}
