import type { ParseArgsOptionsConfig } from 'node:util';
import { UsageError } from './command';

/** The flags every command that talks to a provider accepts. */
export const TARGET_OPTIONS = {
  config: { type: 'string', short: 'c' },
  provider: { type: 'string', short: 'p' },
  'base-url': { type: 'string' },
  timeout: { type: 'string' },
  'rate-limit': { type: 'string' },
  'allow-insecure-http': { type: 'boolean' },
  set: { type: 'string', multiple: true },
  local: { type: 'boolean' },
  country: { type: 'string' },
  verbose: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsOptionsConfig;

/** The values of {@link TARGET_OPTIONS}, as `parseArgs` returns them. */
export interface TargetFlags {
  config?: string | undefined;
  provider?: string | undefined;
  'base-url'?: string | undefined;
  timeout?: string | undefined;
  'rate-limit'?: string | undefined;
  'allow-insecure-http'?: boolean | undefined;
  set?: string[] | undefined;
  local?: boolean | undefined;
  country?: string | undefined;
}

/** The help text of {@link TARGET_OPTIONS}, shared by every command's usage. */
export const TARGET_USAGE = `Provider options (flags override the config file, which overrides the environment):
  -c, --config <path>        Config file (default: ./wamux.config.{json,ts,mjs,js}, or $WAMUX_CONFIG)
  -p, --provider <name>      Provider (or $WAMUX_PROVIDER)
      --base-url <url>       The provider's API base URL
      --timeout <ms>         Per-request timeout
      --rate-limit <n>/<t>   Client-side rate limit, e.g. 10/s, 600/min, 5/2000 (ms)
      --allow-insecure-http  Allow an http:// base URL on another host (http to this machine needs no flag)
      --set <key>=<value>    Any other provider option (JSON values allowed; dotted keys nest)
      --local                Use the provider's built-in emulator instead of the real API
      --country <code>       The country of national phone numbers, e.g. US (or "defaultCountry"
                             in the config file, or $WAMUX_DEFAULT_COUNTRY); without it a number
                             needs its country code (+15551112233)
  -v, --verbose              Print error details (request id, status, vendor details) and what
                             the provider logs (retries, limiter blocks, refused redirects)
With no provider configured, commands run against the built-in memory emulator.`;

/**
 * The provider options the flags set: `--base-url`, `--timeout`,
 * `--rate-limit`, `--allow-insecure-http` and each `--set key=value`.
 */
export function optionsFromFlags(flags: TargetFlags): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  if (flags['base-url'] !== undefined) options.baseUrl = flags['base-url'];
  if (flags.timeout !== undefined) {
    const timeout = Number(flags.timeout);
    if (!Number.isInteger(timeout) || timeout < 1) throw new UsageError(`--timeout: expected milliseconds, got "${flags.timeout}"`);
    options.timeout = timeout;
  }
  if (flags['rate-limit'] !== undefined) options.rateLimit = parseRateLimit(flags['rate-limit']);
  if (flags['allow-insecure-http']) options.allowInsecureHttp = true;
  for (const assignment of flags.set ?? []) {
    const eq = assignment.indexOf('=');
    if (eq <= 0) throw new UsageError(`--set: expected key=value, got "${assignment.split('=')[0]}..."`);
    setPath(options, assignment.slice(0, eq).trim().split('.'), parseValue(assignment.slice(eq + 1)));
  }
  return options;
}

/** Parses `10/s`, `600/min`, `5/2000` (ms) or `20/2s` into `{ requests, interval }` (ms). */
export function parseRateLimit(text: string): { requests: number; interval: number } {
  const match = /^\s*(\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)?\s*(ms|s|sec|m|min|h)?\s*$/.exec(text);
  const units: Record<string, number> = { ms: 1, s: 1000, sec: 1000, m: 60_000, min: 60_000, h: 3_600_000 };
  if (!match || (match[2] === undefined && match[3] === undefined))
    throw new UsageError(`--rate-limit: expected <requests>/<interval>, e.g. 10/s or 5/2000, got "${text}"`);
  const requests = Number(match[1]);
  const interval = Number(match[2] ?? 1) * (units[match[3] ?? 'ms'] ?? 1);
  if (!(requests > 0) || !(interval > 0)) throw new UsageError(`--rate-limit: requests and interval must be positive, got "${text}"`);
  return { requests, interval };
}

function parseValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'prototype', 'constructor']);

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  const [head, ...rest] = path;
  if (head === undefined || head === '') throw new UsageError('--set: empty key');
  // An option path never names a prototype: `--set __proto__.x=1` would
  // otherwise write into Object.prototype for the whole process.
  if (FORBIDDEN_KEYS.has(head)) throw new UsageError(`--set: "${head}" is not an option name`);
  if (rest.length === 0) {
    target[head] = value;
    return;
  }
  const child = Object.hasOwn(target, head) ? target[head] : undefined;
  const next = typeof child === 'object' && child !== null ? (child as Record<string, unknown>) : {};
  target[head] = next;
  setPath(next, rest, value);
}
