import * as v from 'valibot';
import type { ProviderEvent, WebhookEvent } from '../model/events';
import { PhoneNumberSchema } from '../model/phone';

/**
 * The `kind` of the provider event an adapter emits when its vendor reports
 * a business number's throughput (Meta's `phone_number_quality_update`
 * webhook, whose `event` tells a throughput change). `defineProvider` feeds
 * it to the throughput limiter of `whatsappLimits`.
 */
export const WHATSAPP_THROUGHPUT_EVENT = 'whatsapp.throughput' as const;

/** The payload of a {@link ThroughputEvent}. */
export const ThroughputPayloadSchema = v.object({
  /** The business number the change concerns (E.164), when the vendor said; Meta sends its display number. */
  phoneNumber: v.optional(PhoneNumberSchema),
  /** The number's throughput now, in messages per second (80 by default, 1,000 after Meta's upgrade). */
  messagesPerSecond: v.pipe(v.number('must be a number'), v.finite('must be a finite number'), v.minValue(1, 'must be at least 1')),
});

/** What a {@link ThroughputEvent} says: which business number, and its messages per second. */
export type ThroughputPayload = v.InferOutput<typeof ThroughputPayloadSchema>;

/** A provider event telling a business number's new throughput: `kind: 'whatsapp.throughput'`. */
export type ThroughputEvent = ProviderEvent<typeof WHATSAPP_THROUGHPUT_EVENT, ThroughputPayload>;

/** True when `event` is a well-formed {@link ThroughputEvent}; a malformed one is an ordinary provider event. */
export function isThroughputEvent(event: WebhookEvent): event is ThroughputEvent {
  return event.type === 'provider_event' && event.kind === WHATSAPP_THROUGHPUT_EVENT && v.is(ThroughputPayloadSchema, event.payload);
}

/** Builds a {@link ThroughputEvent}, for adapters whose vendor reports throughput. */
export function throughputEvent(provider: string, payload: ThroughputPayload, raw: unknown, id?: string): ThroughputEvent {
  const event: ThroughputEvent = { type: 'provider_event', provider, kind: WHATSAPP_THROUGHPUT_EVENT, payload, raw };
  if (id !== undefined) event.id = id;
  return event;
}
