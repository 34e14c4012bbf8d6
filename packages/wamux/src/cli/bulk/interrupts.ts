/** What to do on each Ctrl-C (SIGINT or SIGTERM) of a bulk run. */
export interface InterruptHandlers {
  /** The first: stop dispatching. */
  first(): void;
  /** The second: abandon the sends in flight. */
  second(): void;
  /** The third: leave at once. */
  third(): void;
}

/** Routes SIGINT and SIGTERM to the handlers, in order. Returns a function that removes them. */
export function onInterrupts(handlers: InterruptHandlers): () => void {
  let count = 0;
  const handle = () => {
    count += 1;
    if (count === 1) handlers.first();
    else if (count === 2) handlers.second();
    else handlers.third();
  };
  process.on('SIGINT', handle);
  process.on('SIGTERM', handle);
  return () => {
    process.off('SIGINT', handle);
    process.off('SIGTERM', handle);
  };
}
