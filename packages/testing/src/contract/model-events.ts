import { InboundMessageSchema, StatusUpdateSchema, toValidationIssues, type WebhookEvent } from '@wamux/core/adapter';
import * as v from 'valibot';

// The model's event envelopes, built from the core's own schemas for what
// they carry (InboundMessageSchema, StatusUpdateSchema). An adapter's events
// are checked against these by the contract suite and the webhook fuzzers:
// what an app receives is what the model's types promise, whatever the vendor sent.

const NonEmpty = v.pipe(v.string(), v.nonEmpty());

const MessageEventSchema = v.object({ type: v.literal('message'), provider: NonEmpty, message: InboundMessageSchema, raw: v.unknown() });
const StatusEventSchema = v.object({ type: v.literal('status'), provider: NonEmpty, status: StatusUpdateSchema, raw: v.unknown() });
/** A provider event's `id` is a de-duplication key: when present it is never empty. */
const ProviderEventSchema = v.object({
  type: v.literal('provider_event'),
  provider: NonEmpty,
  kind: NonEmpty,
  id: v.optional(NonEmpty),
  payload: v.unknown(),
  raw: v.unknown(),
});

/** A webhook event as the model defines it, a union on `type`. */
export const WebhookEventSchema = v.variant('type', [MessageEventSchema, StatusEventSchema, ProviderEventSchema]);

/** Fields whose content is the vendor's, not the model's: not checked for unknown keys. */
const OPAQUE_FIELDS = new Set(['raw', 'payload']);

/**
 * Why `event` is not a valid model event, as `path: message` lines; empty
 * when it is one. Checks the schema, that `provider` is `provider` when
 * given, and that no object of the model carries a key the model does not
 * define (valibot's `object` would accept and drop it silently).
 */
export function webhookEventIssues(event: unknown, provider?: string): string[] {
  const result = v.safeParse(WebhookEventSchema, event);
  if (!result.success) return toValidationIssues(result.issues).map((issue) => `${issue.path}: ${issue.message}`);
  const issues: string[] = [];
  if (provider !== undefined && (event as WebhookEvent).provider !== provider)
    issues.push(`provider: is "${(event as WebhookEvent).provider}", expected "${provider}"`);
  unknownKeys(event, result.output, '', issues);
  return issues;
}

/** Every key of `input` (not undefined) that the parsed `output` dropped, i.e. that the schema does not define. */
function unknownKeys(input: unknown, output: unknown, path: string, issues: string[]): void {
  if (input === null || typeof input !== 'object' || input instanceof Date || output === null || typeof output !== 'object') return;
  if (Array.isArray(input)) {
    for (const [index, item] of input.entries()) unknownKeys(item, (output as unknown[])[index], `${path}${index}.`, issues);
    return;
  }
  for (const key of Reflect.ownKeys(input)) {
    const name = String(key);
    const value = (input as Record<PropertyKey, unknown>)[key];
    if (value === undefined || (path === '' && OPAQUE_FIELDS.has(name))) continue;
    if (!Object.hasOwn(output, key)) {
      issues.push(`${path}${name}: is not a field of the model`);
      continue;
    }
    unknownKeys(value, (output as Record<PropertyKey, unknown>)[key], `${path}${name}.`, issues);
  }
}
