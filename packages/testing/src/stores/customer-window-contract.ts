import { expect, it } from '@jest/globals';
import type { CustomerWindowStore } from '@wamux/core/adapter';
import { freshKey } from './keys';

/** Long enough never to lapse during a test, on any machine. */
const KEPT = 60 * 60 * 1000;
/** Short enough to lapse after `elapse(LAPSED)`. */
const SHORT = 100;
const LAPSED = 400;

const T0 = Date.parse('2026-03-01T10:00:00Z');

/** What the customer window contract needs: handles on one shared store, remembering for `ttl` ms. */
export type CustomerWindowStores = (options: { ttl: number }) => readonly CustomerWindowStore[];

/** Registers the tests of a {@link CustomerWindowStore}: the latest time wins, shared by every handle, forgotten after its ttl. */
export function customerWindowContract(get: () => { stores: CustomerWindowStores; elapse(ms: number): Promise<void> }): void {
  const handles = (ttl = KEPT) => get().stores({ ttl });
  const handle = (stores: readonly CustomerWindowStore[], index: number) => stores[index % stores.length] as CustomerWindowStore;

  it('knows nothing of a customer never recorded', async () => {
    expect(await handle(handles(), 0).lastInbound(freshKey('customer'))).toBeUndefined();
  });

  it('answers the time recorded, on every handle', async () => {
    const stores = handles();
    const key = freshKey('customer');
    await handle(stores, 0).record(key, T0);
    expect(await handle(stores, 0).lastInbound(key)).toBe(T0);
    expect(await handle(stores, 1).lastInbound(key)).toBe(T0);
  });

  it('a later message moves the time; an earlier one (a redelivery out of order) does not', async () => {
    const stores = handles();
    const key = freshKey('customer');
    await handle(stores, 0).record(key, T0 + 5_000);
    await handle(stores, 1).record(key, T0);
    expect(await handle(stores, 2).lastInbound(key)).toBe(T0 + 5_000);
    await handle(stores, 1).record(key, T0 + 9_000);
    expect(await handle(stores, 0).lastInbound(key)).toBe(T0 + 9_000);
  });

  it('32 concurrent records of one customer keep the latest time', async () => {
    const stores = handles();
    const key = freshKey('customer');
    const times = Array.from({ length: 32 }, (_, i) => T0 + ((i * 7919) % 32) * 1_000);
    await Promise.all(times.map((at, i) => handle(stores, i).record(key, at)));
    expect(await handle(stores, 0).lastInbound(key)).toBe(Math.max(...times));
  });

  it('customers are independent', async () => {
    const stores = handles();
    const a = freshKey('customer');
    const b = freshKey('customer');
    await handle(stores, 0).record(a, T0);
    expect(await handle(stores, 1).lastInbound(b)).toBeUndefined();
  });

  it('forgets a customer after its ttl: the window is then unknown, not closed', async () => {
    const stores = handles(SHORT);
    const key = freshKey('customer');
    await handle(stores, 0).record(key, T0);
    await get().elapse(LAPSED);
    expect(await handle(stores, 1).lastInbound(key)).toBeUndefined();
  });
}
