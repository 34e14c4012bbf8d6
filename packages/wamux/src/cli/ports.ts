/**
 * `wamux listen`'s default port. Not 3000, 8080 or 5173, where the app
 * under development usually runs, nor 4040 (ngrok's inspector).
 */
export const LISTEN_DEFAULT_PORT = 3737;

/** A port the CLI could not listen on because another process has it. */
export class PortBusyError extends Error {
  override readonly name = 'PortBusyError';
}

/**
 * Turns "address in use" from a server that failed to start (the
 * emulator's `PortInUseError`, node's `EADDRINUSE`) into one line naming
 * the port and the flag that changes it; any other error is returned as it is.
 */
export function explainBusyPort(error: unknown, port: number, host = '127.0.0.1'): unknown {
  if (!isAddressInUse(error)) return error;
  return new PortBusyError(`port ${port} on ${host} is already in use by another process: choose another with --port <n>, or --port 0 for any free port`);
}

function isAddressInUse(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    const { code, name, field } = current as { code?: unknown; name?: unknown; field?: unknown };
    if (code === 'EADDRINUSE' || name === 'PortInUseError' || (code === 'configuration_invalid' && field === 'port')) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
