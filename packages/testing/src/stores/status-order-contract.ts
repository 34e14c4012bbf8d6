import { expect, it } from '@jest/globals';
import type { DeliveryStatus, StatusClaim, StatusOrderStore } from '@wamux/core/adapter';
import { freshKey } from './keys';

const HELD = 60_000;
const SHORT = 100;
const LAPSED = 400;

/** Registers the tests of a {@link StatusOrderStore}: only forward, each status once, claims as in dedupe. */
export function statusOrderContract(get: () => { stores: readonly StatusOrderStore[]; elapse(ms: number): Promise<void> }): void {
  const handle = (index: number) => {
    const { stores } = get();
    return stores[index % stores.length] as StatusOrderStore;
  };
  const claimed = (claim: StatusClaim): string => {
    if (claim.state !== 'claimed') throw new Error(`expected a claim, got ${JSON.stringify(claim)}`);
    return claim.token;
  };
  /** Delivers each status in turn, as a handler whose listeners succeed would; returns what each claim answered. */
  const deliver = async (key: string, statuses: readonly DeliveryStatus[]) => {
    const answers: Array<StatusClaim['state'] | `stale:${DeliveryStatus}`> = [];
    for (const [i, status] of statuses.entries()) {
      const store = handle(i);
      const claim = await store.claim(key, status, HELD);
      if (claim.state === 'claimed') await store.complete(key, claim.token);
      answers.push(claim.state === 'stale' ? `stale:${claim.current}` : claim.state);
    }
    return answers;
  };

  it('moves forward through sent, delivered, read, played', async () => {
    await expect(deliver(freshKey('msg'), ['queued', 'sent', 'delivered', 'read', 'played'])).resolves.toEqual([
      'claimed',
      'claimed',
      'claimed',
      'claimed',
      'claimed',
    ]);
  });

  it('a status behind the message is stale: delivered after read, sent after delivered, read after played', async () => {
    await expect(deliver(freshKey('msg'), ['read', 'delivered'])).resolves.toEqual(['claimed', 'stale:read']);
    await expect(deliver(freshKey('msg'), ['delivered', 'sent', 'queued'])).resolves.toEqual(['claimed', 'stale:delivered', 'stale:delivered']);
    await expect(deliver(freshKey('msg'), ['played', 'read', 'sent'])).resolves.toEqual(['claimed', 'stale:played', 'stale:played']);
  });

  it('read implies delivered: a skipped step is not emitted later', async () => {
    await expect(deliver(freshKey('msg'), ['sent', 'read', 'delivered'])).resolves.toEqual(['claimed', 'claimed', 'stale:read']);
  });

  it('a status processed once is done when redelivered, even after the message moved on', async () => {
    await expect(deliver(freshKey('msg'), ['delivered', 'delivered', 'read', 'delivered', 'read'])).resolves.toEqual([
      'claimed',
      'done',
      'claimed',
      'done',
      'done',
    ]);
  });

  it('failed comes after sent, beside delivered in either order, never after read', async () => {
    await expect(deliver(freshKey('msg'), ['sent', 'failed', 'delivered'])).resolves.toEqual(['claimed', 'claimed', 'claimed']);
    await expect(deliver(freshKey('msg'), ['delivered', 'failed'])).resolves.toEqual(['claimed', 'claimed']);
    await expect(deliver(freshKey('msg'), ['failed', 'sent', 'queued', 'failed'])).resolves.toEqual(['claimed', 'stale:failed', 'stale:failed', 'done']);
    await expect(deliver(freshKey('msg'), ['read', 'failed'])).resolves.toEqual(['claimed', 'stale:read']);
  });

  it('deleted is never behind', async () => {
    await expect(deliver(freshKey('msg'), ['played', 'deleted', 'deleted'])).resolves.toEqual(['claimed', 'claimed', 'done']);
  });

  it('in every order of sent, delivered, read and failed: never backwards, each once, the furthest step always emitted', async () => {
    for (const order of permutations<DeliveryStatus>(['sent', 'delivered', 'read', 'failed'])) {
      const answers = await deliver(freshKey('msg'), order);
      const emitted = order.filter((_, i) => answers[i] === 'claimed');
      const steps = emitted.filter((status) => status !== 'failed').map((status) => PROGRESS.indexOf(status));
      expect(steps).toEqual([...steps].sort((a, b) => a - b));
      expect(new Set(emitted).size).toBe(emitted.length);
      expect(emitted).toContain('read');
      if (emitted.includes('failed')) expect(emitted.indexOf('failed')).toBeLessThan(emitted.indexOf('read'));
    }
  });

  it('a claim in flight answers in_flight to the same status, and counts as reached for the others', async () => {
    const key = freshKey('msg');
    const read = claimed(await handle(0).claim(key, 'read', HELD));
    expect(await handle(1).claim(key, 'read', HELD)).toEqual({ state: 'in_flight' });
    expect(await handle(1).claim(key, 'delivered', HELD)).toEqual({ state: 'stale', current: 'read' });
    // Released (its listener failed): the message is back where it was.
    await handle(0).release(key, read);
    claimed(await handle(1).claim(key, 'delivered', HELD));
  });

  it('one status of a message at a time: a status ahead of the one in flight waits for it', async () => {
    const key = freshKey('msg');
    const delivered = claimed(await handle(0).claim(key, 'delivered', HELD));
    expect(await handle(1).claim(key, 'read', HELD)).toEqual({ state: 'in_flight' });
    expect(await handle(1).claim(key, 'failed', HELD)).toEqual({ state: 'in_flight' });
    await handle(0).complete(key, delivered);
    claimed(await handle(1).claim(key, 'read', HELD));
    // Other messages are not held up.
    claimed(await handle(2).claim(freshKey('msg'), 'read', HELD));
  });

  it('after release, the same status is claimed again by the redelivery', async () => {
    const key = freshKey('msg');
    const token = claimed(await handle(0).claim(key, 'delivered', HELD));
    await handle(0).release(key, token);
    const again = claimed(await handle(1).claim(key, 'delivered', HELD));
    expect(again).not.toBe(token);
    await handle(1).complete(key, again);
    expect(await handle(2).claim(key, 'delivered', HELD)).toEqual({ state: 'done' });
  });

  it('a claim nobody settles lapses with its lease; its first holder cannot settle the new claim', async () => {
    const key = freshKey('msg');
    const stale = claimed(await handle(0).claim(key, 'delivered', SHORT));
    await get().elapse(LAPSED);
    claimed(await handle(1).claim(key, 'delivered', HELD));
    await handle(0).release(key, stale);
    expect(await handle(2).claim(key, 'delivered', HELD)).toEqual({ state: 'in_flight' });
    await handle(0).complete(key, stale);
    expect(await handle(2).claim(key, 'delivered', HELD)).not.toMatchObject({ state: 'claimed' });
  });

  it('32 concurrent claims of one status of one message yield exactly one claim', async () => {
    const key = freshKey('msg');
    const claims = await Promise.all(Array.from({ length: 32 }, (_, i) => handle(i).claim(key, 'delivered', HELD)));
    expect(claims.filter((claim) => claim.state === 'claimed')).toHaveLength(1);
    expect(claims.filter((claim) => claim.state === 'in_flight')).toHaveLength(31);
  });

  it('messages are independent', async () => {
    await deliver(freshKey('msg'), ['read']);
    await expect(deliver(freshKey('msg'), ['delivered'])).resolves.toEqual(['claimed']);
  });
}

const PROGRESS: readonly DeliveryStatus[] = ['queued', 'sent', 'delivered', 'read', 'played'];

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}
