import { beforeEach, expect, it } from '@jest/globals';
import type { RateLimitStore, TokenBucketRule } from '@wamux/core/adapter';
import { freshKey } from './keys';

/** One request every 100 ms, no burst. */
const EVERY_100: TokenBucketRule = { capacity: 1, refillPerMs: 1 / 100 };
/** Bursts of 3, then one every 100 ms. */
const BURST_3: TokenBucketRule = { capacity: 3, refillPerMs: 1 / 100 };
/** 60 per second with the limiter's default 1% margin: one every 16.833… ms, not a whole number. */
const SIXTY_PER_SECOND: TokenBucketRule = { capacity: 1, refillPerMs: 60 / (1000 * 1.01) };

/** A take at `at` on the store's clock, and the wait it must answer. */
type Step = readonly [at: number, wait: number];

/**
 * Registers the GCRA reference vectors. The expected waits are worked out
 * by hand from the definition (a theoretical arrival time `tat`; a request
 * at `t` is allowed when `t >= tat - (capacity - 1) * emission`; a caller
 * served late but within one emission interval keeps its slot on the grid;
 * after a longer idle the schedule restarts at `t`), not taken from either
 * implementation.
 */
export function rateLimitContract(get: () => (clock: () => number) => RateLimitStore): void {
  let time = 0;
  let store: RateLimitStore;
  const clock = () => time;
  beforeEach(() => {
    time = 0;
    store = get()(clock);
  });

  const take = async (key: string, rule: TokenBucketRule, at: number) => {
    time = at;
    return store.take(key, rule, at);
  };
  const run = async (key: string, rule: TokenBucketRule, steps: readonly Step[]) => {
    const answers: Step[] = [];
    for (const [at] of steps) answers.push([at, await take(key, rule, at)]);
    expect(answers).toEqual(steps);
  };

  it('spaces requests one emission interval apart, and answers how long to wait', async () => {
    await run(freshKey(), EVERY_100, [
      [0, 0],
      [0, 100],
      [50, 50],
      [100, 0],
      [130, 70],
    ]);
  });

  it('keeps a caller served late on the grid, and restarts the schedule after an idle period', async () => {
    await run(freshKey(), EVERY_100, [
      [0, 0],
      [100, 0],
      // 50 ms late: the slot is kept, the next one is still at 300, not 350.
      [250, 0],
      [299, 1],
      [300, 0],
      // Idle for longer than an interval: no saved-up tokens, a fresh start.
      [1000, 0],
      [1000, 100],
      [1099, 1],
    ]);
  });

  it('allows a burst of `capacity` after an idle period, then the refill rate', async () => {
    await run(freshKey(), BURST_3, [
      [0, 0],
      [0, 0],
      [0, 0],
      [0, 100],
      [100, 0],
      [150, 50],
      [200, 0],
    ]);
  });

  it('serves the k-th of 600 requests at 60/s (1% margin) at ceil(k × 16.833… ms): no drift over a long run', async () => {
    const key = freshKey();
    const emission = 1 / SIXTY_PER_SECOND.refillPerMs;
    const granted: number[] = [];
    let at = 0;
    while (granted.length < 600) {
      const wait = await take(key, SIXTY_PER_SECOND, at);
      if (wait === 0) granted.push(at);
      else at += wait;
    }
    granted.forEach((grantedAt, k) => {
      // ceil(k × emission), with room for the last bit of floating-point rounding in a sum of 600 terms.
      expect(grantedAt).toBeGreaterThanOrEqual(k * emission - 1e-6);
      expect(grantedAt).toBeLessThan(k * emission + 1 + 1e-6);
    });
  });

  it('blockUntil holds the bucket empty until then, and restarts the schedule at its end', async () => {
    const key = freshKey();
    await run(key, EVERY_100, [[0, 0]]);
    time = 0;
    await store.blockUntil(key, 500);
    await run(key, EVERY_100, [
      [100, 400],
      [499, 1],
      [500, 0],
      [500, 100],
    ]);
  });

  it('after a pause, a burst bucket gives at most `capacity`, not the tokens of the whole pause', async () => {
    const key = freshKey();
    time = 0;
    await store.blockUntil(key, 1000);
    await run(key, BURST_3, [
      [1000, 0],
      [1000, 0],
      [1000, 0],
      [1000, 100],
    ]);
  });

  it('a shorter pause does not shorten a longer one', async () => {
    const key = freshKey();
    time = 0;
    await store.blockUntil(key, 1000);
    await store.blockUntil(key, 500);
    await run(key, EVERY_100, [[600, 400]]);
  });

  it('keys are independent', async () => {
    const a = freshKey();
    const b = freshKey();
    time = 0;
    await store.blockUntil(a, 1000);
    await run(b, EVERY_100, [[0, 0]]);
    await run(a, EVERY_100, [[0, 1000]]);
  });

  it('a pause and the schedule are shared by every handle on the store', async () => {
    const key = freshKey();
    const other = get()(clock);
    await run(key, EVERY_100, [[0, 0]]);
    time = 0;
    await other.blockUntil(key, 300);
    time = 100;
    expect(await other.take(key, EVERY_100, 100)).toBe(200);
    await run(key, EVERY_100, [[300, 0]]);
    time = 300;
    expect(await other.take(key, EVERY_100, 300)).toBe(100);
  });
}
