// Timing helpers. Every comparison is taken side by side in the same process:
// each repeat times A then B (alternating which goes first), and the reported
// ratio is the median of the per-repeat ratios, so machine noise that hits a
// whole repeat cancels out.

/** Median of a list of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

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

/** Formats nanoseconds for a table: 850 ns, 12.3 µs, 4.56 ms. */
export function formatNs(ns) {
  if (ns < 1_000) return `${ns.toFixed(0)} ns`;
  if (ns < 1_000_000) return `${(ns / 1_000).toFixed(1)} µs`;
  return `${(ns / 1_000_000).toFixed(2)} ms`;
}
