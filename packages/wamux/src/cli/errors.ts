import { ConfigurationError, isWamuxError, redactText, type WamuxError } from '@wamux/core/adapter';
import { UsageError } from './command';
import { cliConfigMessage } from './config-hint';

/**
 * One clear line for an error: the normalized code, then who raised it (the
 * provider, the vendor's own code, the HTTP status), then the message, which
 * starts with the field at fault for validation and configuration errors.
 *
 * `wamux: validation_failed: to: must be an E.164 phone number ...`
 * `wamux: request_rejected (memory, vendor code invalid_message, HTTP 400): ...`
 */
export function errorLine(error: unknown): string {
  if (error instanceof UsageError) return `wamux: ${error.message}`;
  if (isWamuxError(error)) {
    const origin = [error.provider, error.vendorCode && `vendor code ${error.vendorCode}`, error.status && `HTTP ${error.status}`].filter(Boolean);
    // A configuration error says where a CLI user sets the option (flag, environment variable, config file).
    const message = error instanceof ConfigurationError ? cliConfigMessage(error.message, error.field, error.provider) : error.message;
    return `wamux: ${error.code}${origin.length > 0 ? ` (${origin.join(', ')})` : ''}: ${oneLine(message)}`;
  }
  const message = error instanceof Error ? error.message : String(error);
  return `wamux: ${oneLine(redactText(message))}`;
}

/**
 * The `--verbose` details of an error: request id, status, vendor details.
 * Built from `toJSON()`, which the core has already scrubbed of secrets.
 */
export function errorDetails(error: unknown): string[] {
  if (isWamuxError(error)) {
    const { message: _message, code: _code, name: _name, ...rest } = (error as WamuxError).toJSON();
    const shown = Object.entries(rest).filter(([, value]) => value !== undefined && value !== false);
    return shown.map(([key, value]) => `  ${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`);
  }
  if (error instanceof Error && !(error instanceof UsageError) && error.stack) {
    return error.stack
      .split('\n')
      .slice(1, 8)
      .map((line) => `  ${redactText(line.trim())}`);
  }
  return [];
}

/** The exit status for an error: 2 for a wrong command line, 1 otherwise. */
export function exitCodeOf(error: unknown): number {
  return error instanceof UsageError ? 2 : 1;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
