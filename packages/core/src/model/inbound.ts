import * as v from 'valibot';
import { ContactCardSchema } from './contact-card';
import { customerAddress, CustomerAddressSchema, CustomerSchema, type Customer } from './customer';
import { MediaRefSchema } from './media';
import { PhoneNumberSchema } from './phone';

const mediaContent = <T extends string>(type: T) => v.object({ type: v.literal(type), media: MediaRefSchema });

/** What an inbound (or history) message holds, a union on `type`. */
export const MessageContentSchema = v.variant('type', [
  v.object({ type: v.literal('text'), text: v.string() }),
  mediaContent('image'),
  mediaContent('video'),
  mediaContent('audio'),
  mediaContent('document'),
  mediaContent('sticker'),
  v.object({
    type: v.literal('location'),
    latitude: v.number(),
    longitude: v.number(),
    name: v.optional(v.string()),
    address: v.optional(v.string()),
    url: v.optional(v.string()),
  }),
  v.object({ type: v.literal('contacts'), contacts: v.array(ContactCardSchema) }),
  /** The customer tapped a reply button or picked a list row. */
  v.object({
    type: v.literal('interactive_reply'),
    reply: v.object({
      kind: v.picklist(['button', 'list']),
      id: v.string(),
      title: v.string(),
      description: v.optional(v.string()),
    }),
  }),
  /** The customer tapped a template's quick reply button. */
  v.object({ type: v.literal('button'), text: v.string(), payload: v.optional(v.string()) }),
  /** A reaction; an empty emoji means the reaction was removed. */
  v.object({ type: v.literal('reaction'), messageId: v.string(), emoji: v.string() }),
  /** A type wamux does not model; `originalType` is the vendor's name for it and the event's `raw` has the rest. */
  v.object({ type: v.literal('unsupported'), originalType: v.string(), text: v.optional(v.string()) }),
]);

/** What an inbound (or history) message holds, a union on `type`. */
export type MessageContent = v.InferOutput<typeof MessageContentSchema>;
/** The `type` of inbound message content. */
export type MessageContentType = MessageContent['type'];

/** Every inbound content type, in a stable order (for capability tables). */
export const MESSAGE_CONTENT_TYPES = [
  'text',
  'image',
  'video',
  'audio',
  'document',
  'sticker',
  'location',
  'contacts',
  'interactive_reply',
  'button',
  'reaction',
  'unsupported',
] as const satisfies readonly MessageContentType[];

/** Ad click data on a message that started from a click-to-WhatsApp ad or post. */
export const ReferralSchema = v.object({
  sourceId: v.optional(v.string()),
  sourceType: v.optional(v.string()),
  sourceUrl: v.optional(v.string()),
  headline: v.optional(v.string()),
  body: v.optional(v.string()),
  mediaType: v.optional(v.string()),
  mediaUrl: v.optional(v.string()),
  thumbnailUrl: v.optional(v.string()),
  clickId: v.optional(v.string()),
});

export type Referral = v.InferOutput<typeof ReferralSchema>;

/**
 * A message a customer sent to the business. `from` is always the
 * customer's address (`customerAddress(customer)`: the phone number when
 * the vendor gave it, else the BSUID), so `send({ to: message.from })`
 * replies; `profileName`, when present, is `customer.name`.
 */
export const InboundMessageSchema = v.pipe(
  v.object({
    /** The provider's id for the message. */
    id: v.pipe(v.string(), v.nonEmpty()),
    /** Where to reply: the customer's E.164 number (with `+`) when the vendor gave it, else the customer's BSUID. */
    from: CustomerAddressSchema,
    /** Who sent it: phone, BSUID, parent BSUID (at least one), username and profile name. */
    customer: CustomerSchema,
    /** The customer's WhatsApp profile name, when the vendor sent it (the same as `customer.name`). */
    profileName: v.optional(v.string()),
    /** The business number it was sent to, when the vendor said. */
    to: v.optional(PhoneNumberSchema),
    timestamp: v.date(),
    content: MessageContentSchema,
    /** The message this one replies to or forwards. */
    context: v.optional(
      v.object({
        messageId: v.optional(v.string()),
        from: v.optional(v.string()),
        forwarded: v.optional(v.boolean()),
      }),
    ),
    referral: v.optional(ReferralSchema),
  }),
  v.forward(
    v.check(
      (message) => message.from === customerAddress(message.customer),
      "must be the customer's address: customer.phone, else customer.bsuid, else customer.parentBsuid",
    ),
    ['from'],
  ),
  v.forward(
    v.check((message) => message.profileName === undefined || message.profileName === message.customer.name, 'must equal customer.name'),
    ['profileName'],
  ),
);

/** A message a customer sent to the business. */
export type InboundMessage = v.InferOutput<typeof InboundMessageSchema>;

/**
 * The sender fields of an {@link InboundMessage} for a customer: `customer`,
 * `from` (its address) and `profileName` (its name, when it has one), so
 * adapters never set the three apart.
 */
export function inboundSender(customer: Customer): Pick<InboundMessage, 'from' | 'customer' | 'profileName'> {
  const sender: Pick<InboundMessage, 'from' | 'customer' | 'profileName'> = { from: customerAddress(customer), customer };
  if (customer.name !== undefined) sender.profileName = customer.name;
  return sender;
}
