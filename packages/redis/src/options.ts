import { ConfigurationError, toValidationIssues } from '@wamux/core/adapter';
import * as v from 'valibot';

/** A whole number of milliseconds, at least 1. */
export const Milliseconds = v.pipe(v.number('must be a number of ms'), v.integer('must be a whole number of ms'), v.minValue(1, 'must be at least 1 ms'));

/** What every Redis store accepts. */
export interface RedisStoreOptions {
  /** Prepended to every key the store writes, so several apps (or tests) share one Redis. Default `wamux:`. */
  prefix?: string | undefined;
  /** How long one store call may take, connection retries included, in ms. Default 1 000. */
  timeout?: number | undefined;
  /** While Redis is unreachable, how often to check whether it is back, in ms. Default 1 000. */
  retryInterval?: number | undefined;
}

/** The valibot entries of {@link RedisStoreOptions}, to spread into each store's schema. */
export const storeOptionsEntries = {
  prefix: v.optional(v.pipe(v.string('must be a string'), v.nonEmpty('must not be empty'))),
  timeout: v.optional(Milliseconds),
  retryInterval: v.optional(Milliseconds),
};

export const DEFAULT_PREFIX = 'wamux:';
export const DEFAULT_TIMEOUT = 1_000;
export const DEFAULT_RETRY_INTERVAL = 1_000;

/**
 * Parses a store's options; a bad one throws a `ConfigurationError` whose
 * `field` names it (`timeout`, `doneTtl`...). The message never echoes the value.
 */
export function parseStoreOptions<TSchema extends v.GenericSchema>(schema: TSchema, options: unknown): v.InferOutput<TSchema> {
  const result = v.safeParse(schema, options ?? {});
  if (result.success) return result.output;
  const [issue] = toValidationIssues(result.issues);
  throw new ConfigurationError(issue?.path ?? '(root)', issue?.message ?? 'invalid');
}
