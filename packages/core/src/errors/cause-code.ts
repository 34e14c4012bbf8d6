/**
 * The first string `code` in an error's cause chain (`ECONNREFUSED`...): ky
 * wraps fetch's TypeError, which wraps the socket error. Five links at most.
 */
export function codeInChain(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
