// In-process timing for the diagnostics. Every comparison is taken side by
// side in the same process: each repeat times A then B (alternating which
// goes first), and the reported ratio is the median of the per-repeat
// ratios, so machine noise that hits a whole repeat cancels out.
import { median } from './stats.mjs';

/** Time per call, in nanoseconds, of `iterations` sequential (awaited) calls. */
export async function timePerCall(fn, iterations) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i += 1) {
    const result = fn(i);
    if (result && typeof result.then === 'function') await result;
  }
  return Number(process.hrtime.bigint() - start) / iterations;
}

/**
 * Compares `a` with `b`: warms both up, then `repeats` rounds of
 * `iterations` calls each. Returns medians in ns/op and the median ratio a/b.
 */
export async function compare(a, b, { iterations = 1000, repeats = 15, warmup = 200 } = {}) {
  await timePerCall(a, warmup);
  await timePerCall(b, warmup);
  const aTimes = [];
  const bTimes = [];
  const ratios = [];
  for (let r = 0; r < repeats; r += 1) {
    let ta;
    let tb;
    if (r % 2 === 0) {
      ta = await timePerCall(a, iterations);
      tb = await timePerCall(b, iterations);
    } else {
      tb = await timePerCall(b, iterations);
      ta = await timePerCall(a, iterations);
    }
    aTimes.push(ta);
    bTimes.push(tb);
    ratios.push(ta / tb);
  }
  return { a: median(aTimes), b: median(bTimes), ratio: median(ratios), repeats };
}
