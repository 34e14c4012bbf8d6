import * as v from 'valibot';

/** The normalized delivery states, in the order a message moves through them. */
export const DELIVERY_STATUSES = ['queued', 'sent', 'delivered', 'read', 'played', 'failed', 'deleted'] as const;

export const DeliveryStatusSchema = v.picklist(DELIVERY_STATUSES);
/** A normalized delivery state. */
export type DeliveryStatus = v.InferOutput<typeof DeliveryStatusSchema>;

export const StatusErrorSchema = v.object({
  code: v.string(),
  title: v.optional(v.string()),
  details: v.optional(v.string()),
});

export type StatusError = v.InferOutput<typeof StatusErrorSchema>;

/** A change in the delivery state of a message the business sent. */
export const StatusUpdateSchema = v.object({
  /** The id `send()` returned for the message, so an app can link the two. */
  messageId: v.pipe(v.string(), v.nonEmpty()),
  /** WhatsApp's own id (`wamid...`) when it differs from `messageId`. */
  whatsappMessageId: v.optional(v.string()),
  status: DeliveryStatusSchema,
  /** The vendor's own status code (`DLVRD`, `delivered`, ...), kept as sent. */
  vendorStatus: v.optional(v.string()),
  /** The recipient, E.164 with `+`, when the vendor said. */
  recipient: v.optional(v.string()),
  timestamp: v.optional(v.date()),
  errors: v.optional(v.array(StatusErrorSchema)),
});

/** A change in the delivery state of a message the business sent. */
export type StatusUpdate = v.InferOutput<typeof StatusUpdateSchema>;
