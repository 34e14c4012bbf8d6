import {
  createMemoryStatusOrderStore,
  STATUS_BITS,
  statusBehind,
  statusOfToken,
  statusOrderKey,
  StoreUnavailableError,
  type DeliveryStatus,
} from '@wamux/core/adapter';

// The shared contract (packages/testing, run for memory and Redis) covers
// the protocol; these cover what only the in-memory twin has.

const mask = (...statuses: DeliveryStatus[]) => statuses.reduce((bits, status) => bits | STATUS_BITS[status], 0);

describe('statusBehind', () => {
  it.each<[DeliveryStatus, DeliveryStatus[], DeliveryStatus | undefined]>([
    ['delivered', [], undefined],
    ['delivered', ['sent'], undefined],
    ['delivered', ['read'], 'read'],
    ['sent', ['delivered', 'failed'], 'delivered'],
    ['sent', ['failed'], 'failed'],
    ['queued', ['failed'], 'failed'],
    ['delivered', ['failed'], undefined],
    ['read', ['failed'], undefined],
    ['failed', ['delivered'], undefined],
    ['failed', ['read'], 'read'],
    ['failed', ['played'], 'played'],
    ['read', ['played'], 'played'],
    ['deleted', ['played', 'failed'], undefined],
  ])('%s after %j → %s', (status, reached, behind) => {
    expect(statusBehind(status, mask(...reached))).toBe(behind);
  });
});

describe('createMemoryStatusOrderStore', () => {
  it('remembers the last `capacity` messages touched: one forgotten starts over', () => {
    const store = createMemoryStatusOrderStore({ capacity: 2 });
    const reach = (key: string, status: DeliveryStatus) => {
      const claim = store.claim(key, status, 1000);
      if (!('state' in claim) || claim.state !== 'claimed') throw new Error(`expected a claim for ${key}`);
      store.complete(key, claim.token);
    };
    reach('a', 'read');
    reach('b', 'read');
    expect(store.claim('a', 'delivered', 1000)).toEqual({ state: 'stale', current: 'read' });
    reach('c', 'read');
    // Capacity 2 holds up to 3 messages; a fourth trims it back to the 2 touched last.
    reach('d', 'read');
    // b was touched longest ago, then a (touched by the claim above), then c: a and b are forgotten.
    expect(store.claim('d', 'delivered', 1000)).toEqual({ state: 'stale', current: 'read' });
    expect(store.claim('c', 'delivered', 1000)).toEqual({ state: 'stale', current: 'read' });
    expect(store.claim('b', 'delivered', 1000)).toMatchObject({ state: 'claimed' });
  });

  it('refuses a capacity that is not a whole number of at least 1', () => {
    for (const capacity of [0, 1.5, -3]) {
      expect(() => createMemoryStatusOrderStore({ capacity })).toThrow(expect.objectContaining({ code: 'configuration_invalid', field: 'capacity' }));
    }
  });

  it('ignores tokens it never issued', () => {
    const store = createMemoryStatusOrderStore();
    store.complete('m', 'nonsense');
    store.complete('m', 'read.999');
    // A complete with a well-formed token and no claim marks the status reached (a lapsed holder may still complete)...
    expect(store.claim('m', 'delivered', 1000)).toEqual({ state: 'stale', current: 'read' });
    // ...but a malformed token settles nothing.
    expect(store.claim('n', 'read', 1000)).toMatchObject({ state: 'claimed' });
  });
});

describe('status order helpers', () => {
  it('one key per message, whatever the status', () => {
    const event = (status: DeliveryStatus) => ({ type: 'status' as const, provider: 'memory', status: { messageId: 'm1', status }, raw: {} });
    expect(statusOrderKey(event('read'))).toBe(statusOrderKey(event('delivered')));
    expect(statusOrderKey(event('read'))).toBe('memory:s:m1');
  });

  it('reads the status back from a token', () => {
    expect(statusOfToken('delivered.12')).toBe('delivered');
    expect(statusOfToken('bogus.12')).toBeUndefined();
    expect(statusOfToken('read')).toBeUndefined();
  });
});

describe('StoreUnavailableError', () => {
  it('has its own code, names the store, and is retryable unless said otherwise', () => {
    const error = new StoreUnavailableError('Redis is unreachable', { store: 'webhook dedupe' });
    expect(error).toMatchObject({ code: 'store_unavailable', store: 'webhook dedupe', retryable: true, name: 'StoreUnavailableError' });
    expect(error.toJSON()).toMatchObject({ code: 'store_unavailable', store: 'webhook dedupe' });
    expect(new StoreUnavailableError('refused', { store: 'rate limit', retryable: false, delivery: 'not_sent' })).toMatchObject({
      retryable: false,
      delivery: 'not_sent',
    });
  });
});
