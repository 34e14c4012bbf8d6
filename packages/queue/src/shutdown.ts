import type { OutboxWorker } from './worker';

/**
 * Closes `workers` on SIGTERM and SIGINT (each finishes its messages in
 * flight), then calls `done` (default: exit 0; 1 when a close failed).
 * Returns a function that removes the signal handlers.
 */
export function handleSigterm(
  workers: readonly Pick<OutboxWorker, 'close'>[],
  done: (failed: boolean) => void = (failed) => process.exit(failed ? 1 : 0),
): () => void {
  const onSignal = () => {
    remove();
    void Promise.allSettled(workers.map((worker) => worker.close())).then((results) => done(results.some((result) => result.status === 'rejected')));
  };
  const remove = () => {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  return remove;
}
