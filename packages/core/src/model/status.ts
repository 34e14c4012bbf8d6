import * as v from 'valibot';
import { customerAddress, CustomerSchema } from './customer';

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

/**
 * A change in the delivery state of a message the business sent. When the
 * vendor names the recipient by more than an address, `customer` holds it
 * (phone, BSUID, username...), and `recipient` is then its address.
 */
export const StatusUpdateSchema = v.pipe(
  v.object({
    /** The id `send()` returned for the message, so an app can link the two. */
    messageId: v.pipe(v.string(), v.nonEmpty()),
    /** WhatsApp's own id (`wamid...`) when it differs from `messageId`. */
    whatsappMessageId: v.optional(v.string()),
    status: DeliveryStatusSchema,
    /** The vendor's own status code (`DLVRD`, `delivered`, ...), kept as sent. */
    vendorStatus: v.optional(v.string()),
    /** The recipient's address, when the vendor said: E.164 with `+`, else the BSUID (or the vendor's id for it, as sent). */
    recipient: v.optional(v.string()),
    /** The recipient, when the vendor identified it: phone, BSUID, parent BSUID, username, profile name. */
    customer: v.optional(CustomerSchema),
    timestamp: v.optional(v.date()),
    errors: v.optional(v.array(StatusErrorSchema)),
  }),
  v.forward(
    v.check(
      (status) => status.customer === undefined || status.recipient === undefined || status.recipient === customerAddress(status.customer),
      "must be the customer's address: customer.phone, else customer.bsuid, else customer.parentBsuid",
    ),
    ['recipient'],
  ),
);

/** A change in the delivery state of a message the business sent. */
export type StatusUpdate = v.InferOutput<typeof StatusUpdateSchema>;
