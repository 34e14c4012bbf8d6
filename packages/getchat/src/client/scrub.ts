import { isWamuxError, redactText, redactValue } from '@wamux/core/adapter';

/**
 * Runs `action` and scrubs `secrets` (passwords sent in a request body) from
 * any wamux error it throws. The HTTP client already scrubs the auth headers;
 * body secrets such as a new password are only known here, and a vendor
 * error that echoes the submitted value must not carry it into a log.
 */
export async function withBodySecrets<T>(secrets: readonly string[], action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    throw scrubError(error, secrets);
  }
}

function scrubError(error: unknown, secrets: readonly string[]): unknown {
  if (!isWamuxError(error)) return error;
  const redact = (text: string) => redactText(text, secrets);
  Object.defineProperty(error, 'message', { value: redact(error.message), writable: true, configurable: true, enumerable: false });
  if (error.stack !== undefined) error.stack = redact(error.stack);
  if (error.details !== undefined)
    Object.defineProperty(error, 'details', { value: redactValue(error.details, secrets), enumerable: true, configurable: true });
  return error;
}
