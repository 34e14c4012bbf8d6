/** What a simulated vendor saw while delivering one webhook until it was accepted. */
export interface DeliveryLog {
  /** Every answer, in order: an HTTP status, or `network` for a connection that failed. */
  answers: Array<number | 'network'>;
  /** The port that finally answered 200. */
  acceptedBy: number;
}

/**
 * Delivers `body` as a vendor does: POST, and on anything but a 2xx (or a
 * broken connection) deliver again a little later, each time to whichever
 * process `pickPort` names (behind a load balancer a redelivery lands
 * anywhere). Gives up after `within` ms.
 */
export async function deliverUntilAccepted(body: unknown, pickPort: () => number, within = 30_000): Promise<DeliveryLog> {
  const answers: DeliveryLog['answers'] = [];
  const deadline = Date.now() + within;
  for (;;) {
    const port = pickPort();
    try {
      const response = await fetch(`http://127.0.0.1:${port}/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      await response.arrayBuffer();
      answers.push(response.status);
      if (response.status >= 200 && response.status < 300) return { answers, acceptedBy: port };
    } catch {
      answers.push('network');
    }
    if (Date.now() > deadline) throw new Error(`a delivery was never accepted: ${JSON.stringify(answers)}`);
    await new Promise((resolve) => setTimeout(resolve, 30 + Math.random() * 70));
  }
}

/** Runs `tasks` with at most `concurrency` at once. */
export async function pool(tasks: ReadonlyArray<() => Promise<unknown>>, concurrency: number): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < tasks.length) {
        const task = tasks[next] as () => Promise<unknown>;
        next += 1;
        await task();
      }
    }),
  );
}

/** The items of `list` in a random order. */
export function shuffled<T>(list: readonly T[]): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
