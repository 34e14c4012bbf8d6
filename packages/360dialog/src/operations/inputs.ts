import { isLoopbackHost, parseInput } from '@wamux/core/adapter';
import * as v from 'valibot';
import { D360 } from '../options';

const HeaderName = v.pipe(v.string('must be a string'), v.regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, 'must be an HTTP header name'));

/** An https URL; plain http only on this machine (an emulator: 360dialog itself posts to https only). */
const WebhookUrlSchema = v.pipe(
  v.string('must be a string'),
  v.url('must be a URL'),
  v.check((url) => {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || (parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname));
  }, 'must be an https URL'),
);

/**
 * A webhook configuration: the URL (360dialog refuses anything but https,
 * and underscores or a port in the host) and the headers to add to every
 * delivery (the secret the provider's `webhookSecret` checks).
 */
const WebhookConfigInputSchema = v.strictObject({
  url: WebhookUrlSchema,
  headers: v.optional(v.record(HeaderName, v.pipe(v.string('must be a string'), v.nonEmpty('must not be empty')))),
});

/** A webhook configuration to set. */
export function webhookConfigInput(config: unknown): v.InferOutput<typeof WebhookConfigInputSchema> {
  return parseInput(WebhookConfigInputSchema, config, { root: 'config', provider: D360 });
}
