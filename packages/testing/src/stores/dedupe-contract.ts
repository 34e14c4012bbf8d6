import { expect, it } from '@jest/globals';
import type { DedupeClaim, DedupeStore } from '@wamux/core/adapter';
import { freshKey } from './keys';

/** Long enough never to lapse during a test, on any machine. */
const HELD = 60_000;
/** Short enough to lapse after `elapse(LAPSED)`. */
const SHORT = 100;
const LAPSED = 400;

/** Registers the claim / complete / release tests of a {@link DedupeStore}. */
export function dedupeContract(get: () => { stores: readonly DedupeStore[]; elapse(ms: number): Promise<void> }): void {
  const handle = (index: number) => {
    const { stores } = get();
    return stores[index % stores.length] as DedupeStore;
  };
  const claimed = (claim: DedupeClaim): string => {
    if (claim.state !== 'claimed') throw new Error(`expected a claim, got ${claim.state}`);
    return claim.token;
  };

  it('a first claim wins; a second one, while the first is live, answers in_flight', async () => {
    const key = freshKey('event');
    const first = await handle(0).claim(key, HELD);
    expect(first).toEqual({ state: 'claimed', token: expect.any(String) });
    expect(await handle(1).claim(key, HELD)).toEqual({ state: 'in_flight' });
  });

  it('after complete, every claim answers done', async () => {
    const key = freshKey('event');
    const token = claimed(await handle(0).claim(key, HELD));
    await handle(0).complete(key, token);
    expect(await handle(0).claim(key, HELD)).toEqual({ state: 'done' });
    expect(await handle(1).claim(key, HELD)).toEqual({ state: 'done' });
  });

  it('after release, the next claim wins again, with another token', async () => {
    const key = freshKey('event');
    const token = claimed(await handle(0).claim(key, HELD));
    await handle(0).release(key, token);
    const again = claimed(await handle(1).claim(key, HELD));
    expect(again).not.toBe(token);
  });

  it('32 concurrent claims of one key yield exactly one claim', async () => {
    const key = freshKey('event');
    const claims = await Promise.all(Array.from({ length: 32 }, (_, i) => handle(i).claim(key, HELD)));
    expect(claims.filter((claim) => claim.state === 'claimed')).toHaveLength(1);
    expect(claims.filter((claim) => claim.state === 'in_flight')).toHaveLength(31);
  });

  it('a claim nobody settles lapses with its lease, and the next claim wins', async () => {
    const key = freshKey('event');
    claimed(await handle(0).claim(key, SHORT));
    await get().elapse(LAPSED);
    expect(claimed(await handle(1).claim(key, HELD))).toEqual(expect.any(String));
  });

  it('a holder whose claim lapsed and was taken over can neither release nor complete the new claim', async () => {
    const key = freshKey('event');
    const stale = claimed(await handle(0).claim(key, SHORT));
    await get().elapse(LAPSED);
    claimed(await handle(1).claim(key, HELD));
    await handle(0).release(key, stale);
    expect(await handle(2).claim(key, HELD)).toEqual({ state: 'in_flight' });
    await handle(0).complete(key, stale);
    // The event is being processed by the new holder: it must not run a third time.
    expect(await handle(2).claim(key, HELD)).not.toMatchObject({ state: 'claimed' });
  });

  it('a token the store never issued settles nothing', async () => {
    const key = freshKey('event');
    claimed(await handle(0).claim(key, HELD));
    await handle(1).release(key, 'not-a-token');
    expect(await handle(1).claim(key, HELD)).toEqual({ state: 'in_flight' });
  });

  it('keys are independent', async () => {
    const a = freshKey('event');
    const b = freshKey('event');
    const token = claimed(await handle(0).claim(a, HELD));
    await handle(0).complete(a, token);
    expect(await handle(1).claim(b, HELD)).toMatchObject({ state: 'claimed' });
  });
}
