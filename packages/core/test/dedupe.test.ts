import { createMemoryDedupeStore, dedupeKey, type WebhookEvent } from '@wamux/core';

const message = (id: string, provider = 'p'): WebhookEvent => ({
  type: 'message',
  provider,
  message: { id, from: '+905551112233', timestamp: new Date(0), content: { type: 'text', text: 'hi' } },
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

describe('createMemoryDedupeStore', () => {
  it('accepts a key once', () => {
    const store = createMemoryDedupeStore();
    expect(store.add('a')).toBe(true);
    expect(store.add('a')).toBe(false);
    expect(store.add('b')).toBe(true);
    expect(store.add('a')).toBe(false);
  });

  it('forgets the oldest key beyond its capacity', () => {
    const store = createMemoryDedupeStore(3);
    for (const key of ['a', 'b', 'c']) expect(store.add(key)).toBe(true);
    expect(store.add('d')).toBe(true); // evicts a
    expect(store.add('b')).toBe(false);
    expect(store.add('c')).toBe(false);
    expect(store.add('d')).toBe(false);
    expect(store.add('a')).toBe(true); // forgotten, so accepted again (evicts b)
    expect(store.add('b')).toBe(true);
  });

  it('stays bounded over many keys', () => {
    const store = createMemoryDedupeStore(100);
    for (let i = 0; i < 10_000; i += 1) store.add(`k${i}`);
    // The last 100 are remembered, everything older is forgotten.
    expect(store.add('k9999')).toBe(false);
    expect(store.add('k9900')).toBe(false);
    expect(store.add('k0')).toBe(true);
  });
});
