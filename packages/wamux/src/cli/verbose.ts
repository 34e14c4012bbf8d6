// `--verbose`: what the providers and the webhook handler log (retries,
// limiter blocks, refused redirects, listener failures) goes to stderr.
import type { LogFields, Logger } from '@wamux/core/adapter';
import { note } from './io';

let verboseLogger: Logger | undefined;

/** Turns on the stderr logger for the rest of the process (`--verbose`, `-v` or `WAMUX_VERBOSE=1`). */
export function enableVerbose(): void {
  const at =
    (level: string) =>
    (message: string, fields?: LogFields): void => {
      const details = Object.entries(fields ?? {})
        .filter(([, value]) => value !== undefined)
        .map(([key, value]) => `${key}=${String(value)}`)
        .join(' ');
      note(`${message} [${level}]${details === '' ? '' : ` (${details})`}`);
    };
  verboseLogger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** The logger to give providers and webhook handlers: the stderr one under `--verbose`, else none (silent). */
export function cliLogger(): Logger | undefined {
  return verboseLogger;
}

/** A provider's `config` with the `--verbose` logger, when it is on and the config names none (a router config is left as it is). */
export function withCliLogger<T extends object>(config: T): T {
  return verboseLogger === undefined || 'logger' in config || !('provider' in config) ? config : { ...config, logger: verboseLogger };
}
