import type { RateLimitOptions } from '@wamux/core';

/** The adapter's name, as `provider.name` and on every error it raises. */
export const DESK360 = 'desk360' as const;

/** Desk360's public API host. Every path below starts with `/v1`. */
export const DEFAULT_BASE_URL = 'https://public-api.desk360.com';

/** The documented limit: 60 requests a minute (per IP), spaced evenly by default. */
export const DESK360_RATE_LIMIT: RateLimitOptions = { requests: 60, interval: 60_000 };

/** Desk360 list pages hold a fixed 20 objects. */
export const PAGE_SIZE = 20;

/** How long a template listing is reused to resolve template names and languages to Desk360 ids. */
export const DEFAULT_TEMPLATE_CACHE_TTL = 5 * 60_000;
