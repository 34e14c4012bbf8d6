import * as v from 'valibot';

/** Values a log line carries besides its message: codes, counts, route templates; never a secret or a phone number. */
export type LogFields = Record<string, string | number | boolean | undefined>;

/** One level of a {@link Logger}: `console.warn` and friends fit. */
export type LogMethod = (message: string, fields?: LogFields) => void;

/**
 * Where wamux says what a person running it needs to see (retries, a
 * limiter held back by a vendor's Retry-After, a redirect refused, a
 * listener that failed, a shared store that failed). `console` fits; so do
 * pino and winston loggers. Silent by default.
 */
export interface Logger {
  debug: LogMethod;
  info: LogMethod;
  warn: LogMethod;
  error: LogMethod;
}

const nothing: LogMethod = () => undefined;

/** The logger used when none is given: says nothing. */
export const silentLogger: Logger = Object.freeze({ debug: nothing, info: nothing, warn: nothing, error: nothing });

const LEVELS = ['debug', 'info', 'warn', 'error'] as const;

/** Whether `value` has the four methods of a {@link Logger}. */
export function isLogger(value: unknown): value is Logger {
  return typeof value === 'object' && value !== null && LEVELS.every((level) => typeof (value as Record<string, unknown>)[level] === 'function');
}

/** The valibot entry of a `logger` option, to spread into an options schema. */
export const LoggerOptionSchema = v.optional(v.custom<Logger>(isLogger, 'must be a logger with debug, info, warn and error methods (console fits)'));

/**
 * The logger to use for an option: the silent one when none is given, else
 * a wrapper that keeps the logger's `this` (pino needs it) and swallows
 * what it throws, so a broken logger never fails a send or a webhook.
 */
export function resolveLogger(logger: Logger | undefined): Logger {
  if (logger === undefined || logger === silentLogger) return silentLogger;
  const wrap =
    (level: (typeof LEVELS)[number]): LogMethod =>
    (message, fields) => {
      try {
        if (fields === undefined) logger[level](message);
        else logger[level](message, fields);
      } catch {
        // A logger that throws is not the app's delivery problem.
      }
    };
  return { debug: wrap('debug'), info: wrap('info'), warn: wrap('warn'), error: wrap('error') };
}
