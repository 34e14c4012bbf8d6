import { createMemoryDedupeStore, dedupeKey, type DedupeClaim, type DedupeStore, type WebhookEvent } from '@wamux/core/adapter';

const message = (id: string, provider = 'p'): WebhookEvent => ({
  type: 'message',
  provider,
  message: { id, from: '+905551112233', customer: { phone: '+905551112233' }, timestamp: new Date(0), content: { type: 'text', text: 'hi' } },
  raw: {},
});
const status = (messageId: string, state: 'sent' | 'delivered' | 'read', provider = 'p'): WebhookEvent => ({
  type: 'status',
  provider,
  status: { messageId, status: state },
  raw: {},
});
const providerEvent = (kind: string, id?: string): WebhookEvent => ({ type: 'provider_event', provider: 'p', kind, id, payload: {}, raw: {} });

describe('dedupeKey', () => {
  it('keys a message by provider and id', () => {
    expect(dedupeKey(message('m1'))).toBe(dedupeKey(message('m1')));
    expect(dedupeKey(message('m1'))).not.toBe(dedupeKey(message('m2')));
    expect(dedupeKey(message('m1', 'a'))).not.toBe(dedupeKey(message('m1', 'b')));
  });

  it('keys a status by message id and state', () => {
    expect(dedupeKey(status('m1', 'delivered'))).toBe(dedupeKey(status('m1', 'delivered')));
    expect(dedupeKey(status('m1', 'delivered'))).not.toBe(dedupeKey(status('m1', 'read')));
    expect(dedupeKey(status('m1', 'read'))).not.toBe(dedupeKey(status('m2', 'read')));
  });

  it('never confuses a message with a status of the same id', () => {
    expect(dedupeKey(message('m1'))).not.toBe(dedupeKey(status('m1', 'sent')));
  });

  it('keys a provider event by kind and id, and does not key one without an id', () => {
    expect(dedupeKey(providerEvent('assigned', 'e1'))).toBe(dedupeKey(providerEvent('assigned', 'e1')));
    expect(dedupeKey(providerEvent('assigned', 'e1'))).not.toBe(dedupeKey(providerEvent('closed', 'e1')));
    expect(dedupeKey(providerEvent('assigned'))).toBeUndefined();
  });
});

/** A clock the test moves by hand, so lease expiry needs no sleeping. */
function manualClock(start = 1_000_000) {
  let time = start;
  return {
    now: () => time,
    advance: (ms: number): void => {
      time += ms;
    },
  };
}

/** Claims `key` and returns the token, failing the test when the claim is refused. */
async function claimed(store: DedupeStore, key: string, leaseMs = 1_000): Promise<string> {
  const claim = await store.claim(key, leaseMs);
  if (claim.state !== 'claimed') throw new Error(`expected ${key} to be claimed, got ${claim.state}`);
  return claim.token;
}

describe('createMemoryDedupeStore', () => {
  it('claims a new key, answers in_flight while it is held, done once completed', async () => {
    const store = createMemoryDedupeStore();
    const token = await claimed(store, 'a');
    expect(await store.claim('a', 1_000)).toEqual({ state: 'in_flight' });
    expect(await store.claim('b', 1_000)).toMatchObject({ state: 'claimed' });
    await store.complete('a', token);
    expect(await store.claim('a', 1_000)).toEqual({ state: 'done' });
    expect(await store.claim('a', 1_000)).toEqual({ state: 'done' });
  });

  it('forgets a released key, so the next claim wins', async () => {
    const store = createMemoryDedupeStore();
    const first = await claimed(store, 'a');
    await store.release('a', first);
    const second = await claimed(store, 'a');
    expect(second).not.toBe(first);
  });

  it('lets only the holder of the token complete or release a claim', async () => {
    const store = createMemoryDedupeStore();
    const token = await claimed(store, 'a');
    await store.release('a', 'not-the-token');
    await store.complete('a', 'not-the-token');
    expect(await store.claim('a', 1_000)).toEqual({ state: 'in_flight' });
    // A token of another key does not work either.
    const other = await claimed(store, 'b');
    await store.complete('a', other);
    expect(await store.claim('a', 1_000)).toEqual({ state: 'in_flight' });
    await store.complete('a', token);
    expect(await store.claim('a', 1_000)).toEqual({ state: 'done' });
  });

  it('lets a claim lapse after its lease, and the lapsed holder can no longer release or complete it', async () => {
    const clock = manualClock();
    const store = createMemoryDedupeStore({ now: clock.now });
    const first = await claimed(store, 'a', 5_000);
    clock.advance(4_999);
    expect(await store.claim('a', 5_000)).toEqual({ state: 'in_flight' });
    clock.advance(1);
    const second = await claimed(store, 'a', 5_000);
    // The first holder (a hung listener that finally settles) cannot undo the new claim.
    await store.release('a', first);
    await store.complete('a', first);
    expect(await store.claim('a', 5_000)).toEqual({ state: 'in_flight' });
    await store.complete('a', second);
    expect(await store.claim('a', 5_000)).toEqual({ state: 'done' });
  });

  it('does not record a completion that comes after the lease, taken over or not (a redelivery runs the event again)', async () => {
    const clock = manualClock();
    const store = createMemoryDedupeStore({ now: clock.now });
    const token = await claimed(store, 'a', 100);
    clock.advance(100);
    await store.complete('a', token);
    expect(await store.claim('a', 100)).toMatchObject({ state: 'claimed' });
  });

  it('gives exactly one of 32 concurrent claims of one key', async () => {
    const store = createMemoryDedupeStore();
    const claims = await Promise.all(Array.from({ length: 32 }, () => Promise.resolve().then(() => store.claim('hot', 1_000))));
    expect(claims.filter((claim) => claim.state === 'claimed')).toHaveLength(1);
    expect(claims.filter((claim) => claim.state === 'in_flight')).toHaveLength(31);
  });

  it('forgets the oldest completed keys once it holds a sixteenth more than its capacity', async () => {
    // Capacity 16 holds up to 17 keys; the 18th trims it back to the newest 16.
    const store = createMemoryDedupeStore({ capacity: 16 });
    const keys = Array.from({ length: 18 }, (_, i) => `k${i}`);
    for (const key of keys.slice(0, 17)) await store.complete(key, await claimed(store, key));
    expect(await store.claim('k0', 1_000)).toEqual({ state: 'done' });
    await store.complete('k17', await claimed(store, 'k17'));
    for (const key of keys.slice(2)) expect(await store.claim(key, 1_000)).toEqual({ state: 'done' });
    expect(await store.claim('k0', 1_000)).toMatchObject({ state: 'claimed' });
    expect(await store.claim('k1', 1_000)).toMatchObject({ state: 'claimed' });
  });

  it('takes a number as the capacity, and refuses a capacity that is not a positive whole number', () => {
    const store = createMemoryDedupeStore(1);
    const first = store.claim('a', 1_000) as DedupeClaim;
    if (first.state === 'claimed') store.complete('a', first.token);
    for (const key of ['b', 'c']) {
      const claim = store.claim(key, 1_000) as DedupeClaim;
      if (claim.state === 'claimed') store.complete(key, claim.token);
    }
    expect(store.claim('a', 1_000)).toMatchObject({ state: 'claimed' });
    for (const capacity of [0, -1, 1.5, Number.NaN]) {
      expect(() => createMemoryDedupeStore({ capacity })).toThrow(expect.objectContaining({ code: 'configuration_invalid', field: 'capacity' }));
    }
  });

  it('stays bounded over many keys: at least the last `capacity` completed are remembered', async () => {
    const store = createMemoryDedupeStore({ capacity: 100 });
    for (let i = 0; i < 10_000; i += 1) await store.complete(`k${i}`, await claimed(store, `k${i}`));
    expect(await store.claim('k9999', 1_000)).toEqual({ state: 'done' });
    expect(await store.claim('k9900', 1_000)).toEqual({ state: 'done' });
    // At most a sixteenth more than the capacity is kept.
    expect(await store.claim('k9893', 1_000)).toMatchObject({ state: 'claimed' });
  });
});
