import type { ResolvedOptions } from './options';

/**
 * The headers that authenticate every call: `x-api-key`, and `x-api-id`
 * when configured. The document lists both on every operation (neither
 * marked required) and its prose requires only the key.
 */
export function authHeaders(options: Pick<ResolvedOptions, 'apiKey' | 'apiId'>): Record<string, string> {
  return options.apiId === undefined ? { 'x-api-key': options.apiKey } : { 'x-api-key': options.apiKey, 'x-api-id': options.apiId };
}

/** Every secret the adapter holds, to scrub from errors. */
export function secretsOf(options: Pick<ResolvedOptions, 'apiKey' | 'apiId' | 'verifyToken'>): string[] {
  return [options.apiKey, options.apiId, options.verifyToken].filter((value): value is string => value !== undefined);
}
