/** The IPC side of a child: send to the parent, handle its requests. */
export function toParent(message: { type: string; [key: string]: unknown }): void {
  process.send?.(message);
}

/** Calls `handle` for every message of `type` from the parent; the answer is sent back with the request's `id`. */
export function onRequest(type: string, handle: (request: Record<string, unknown>) => unknown): void {
  process.on('message', (message: { type?: string; id?: string }) => {
    if (message.type !== type) return;
    void Promise.resolve(handle(message as Record<string, unknown>)).then((answer) =>
      toParent({ type: `${type}:done`, id: message.id, ...(answer as object) }),
    );
  });
}

/** Ends the child when the parent goes away, so no child outlives a failed test run. */
export function exitWithParent(): void {
  process.on('disconnect', () => process.exit(0));
}
