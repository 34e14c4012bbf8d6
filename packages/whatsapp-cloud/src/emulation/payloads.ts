import {
  compact,
  contactCardToWhatsApp,
  e164Digits,
  isBsuid,
  type Customer,
  type DeliveryStatus,
  type InboundMessage,
  type MessageContent,
  type StatusError,
} from '@wamux/core/adapter';
import { cloudStatusWord } from '../map/status';

// Webhook bodies as Meta posts them, built from the model: what a Cloud API
// emulator delivers when a test simulates a customer message or a status.
// Shared by the emulators of every adapter that forwards Cloud API payloads.

/** A customer message to post: the model's content, and the customer as the emulator resolved it. */
export interface CloudInboundDraft {
  id: string;
  timestamp: Date;
  customer: Customer;
  content: MessageContent;
  context?: InboundMessage['context'] | undefined;
  referral?: InboundMessage['referral'] | undefined;
}

/** A status to post for a message sent earlier. */
export interface CloudStatusDraft {
  messageId: string;
  status: DeliveryStatus;
  timestamp?: Date | undefined;
  errors?: StatusError[] | undefined;
}

/** Who the deliveries are about: the business account and number. */
export interface CloudWebhookAccount {
  businessAccountId: string;
  phoneNumberId: string;
  displayPhoneNumber: string;
}

/** The envelope of one `messages` change. */
export function messagesDelivery(account: CloudWebhookAccount, value: Record<string, unknown>): Record<string, unknown> {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: account.businessAccountId,
        changes: [
          {
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: account.displayPhoneNumber, phone_number_id: account.phoneNumberId },
              ...value,
            },
            field: 'messages',
          },
        ],
      },
    ],
  };
}

/** The envelope of a change of another field (`message_template_status_update`...). */
export function fieldDelivery(account: CloudWebhookAccount, field: string, value: Record<string, unknown>): Record<string, unknown> {
  return { object: 'whatsapp_business_account', entry: [{ id: account.businessAccountId, time: Math.floor(Date.now() / 1000), changes: [{ value, field }] }] };
}

/** A customer as a `contacts[]` item: `wa_id` (digits), `user_id`, `parent_user_id`, `profile`. */
function contactOf(customer: Customer): Record<string, unknown> {
  const profile = compact({ name: customer.name, username: customer.username });
  return compact({
    profile: Object.keys(profile).length > 0 ? profile : undefined,
    wa_id: customer.phone === undefined ? undefined : e164Digits(customer.phone),
    user_id: customer.bsuid,
    parent_user_id: customer.parentBsuid,
  });
}

/** A customer message as Meta posts it: the `value` of a `messages` change. */
export function inboundPayload(message: CloudInboundDraft): Record<string, unknown> {
  const { customer } = message;
  const payload: Record<string, unknown> = compact({
    from: customer.phone === undefined ? undefined : e164Digits(customer.phone),
    from_user_id: customer.bsuid,
    from_parent_user_id: customer.parentBsuid,
    id: message.id,
    timestamp: String(Math.floor(message.timestamp.getTime() / 1000)),
    context: message.context ? compact({ from: message.context.from, id: message.context.messageId, forwarded: message.context.forwarded }) : undefined,
    referral: message.referral
      ? compact({
          source_url: message.referral.sourceUrl,
          source_id: message.referral.sourceId,
          source_type: message.referral.sourceType,
          headline: message.referral.headline,
          body: message.referral.body,
          media_type: message.referral.mediaType,
          image_url: message.referral.mediaUrl,
          thumbnail_url: message.referral.thumbnailUrl,
          ctwa_clid: message.referral.clickId,
        })
      : undefined,
    ...contentPayload(message.content),
  });
  return { contacts: [contactOf(customer)], messages: [payload] };
}

/** Model content → the type and content object of a message payload. */
function contentPayload(content: MessageContent): Record<string, unknown> {
  switch (content.type) {
    case 'text':
      return { type: 'text', text: { body: content.text } };
    case 'image':
    case 'video':
    case 'audio':
    case 'document':
    case 'sticker':
      return {
        type: content.type,
        [content.type]: compact({
          id: content.media.id,
          url: content.media.url,
          mime_type: content.media.mimeType,
          sha256: content.media.sha256,
          caption: content.media.caption,
          filename: content.media.filename,
          voice: content.media.voice,
        }),
      };
    case 'location':
      return {
        type: 'location',
        location: compact({ latitude: content.latitude, longitude: content.longitude, name: content.name, address: content.address, url: content.url }),
      };
    case 'contacts':
      return { type: 'contacts', contacts: content.contacts.map(contactCardToWhatsApp) };
    case 'interactive_reply': {
      const key = content.reply.kind === 'button' ? 'button_reply' : 'list_reply';
      return {
        type: 'interactive',
        interactive: { type: key, [key]: compact({ id: content.reply.id, title: content.reply.title, description: content.reply.description }) },
      };
    }
    case 'button':
      return { type: 'button', button: compact({ text: content.text, payload: content.payload }) };
    case 'reaction':
      return { type: 'reaction', reaction: compact({ message_id: content.messageId, emoji: content.emoji === '' ? undefined : content.emoji }) };
    case 'unsupported':
      return {
        type: 'unsupported',
        errors: [
          {
            code: 131051,
            title: 'Message type unknown',
            message: 'Message type unknown',
            error_data: { details: content.text ?? 'Message type is currently not supported.' },
          },
        ],
      };
  }
}

/**
 * A status as Meta posts it (the `value` of a `messages` change), with the
 * conversation and pricing a sent message reports. `customer` is the
 * recipient as the emulator resolved it; `address` the number or BSUID the
 * message went to, when no customer is known.
 */
export function statusPayload(status: CloudStatusDraft, customer: Customer | undefined, address: string | undefined): Record<string, unknown> {
  const timestamp = String(Math.floor((status.timestamp ?? new Date()).getTime() / 1000));
  const word = cloudStatusWord(status.status);
  const billable = word === 'sent' || word === 'delivered' || word === 'read';
  const item = compact({
    id: status.messageId,
    status: word,
    timestamp,
    recipient_id: customer?.phone === undefined ? (address !== undefined && !isBsuid(address) ? address : undefined) : e164Digits(customer.phone),
    recipient_user_id: customer?.bsuid,
    recipient_parent_user_id: customer?.parentBsuid,
    conversation: billable ? { id: 'c0ffee5e1f1ed0c0ffee5e1f1ed0c0ff', origin: { type: 'service' } } : undefined,
    pricing: billable ? { billable: true, pricing_model: 'PMP', category: 'service', type: 'free_customer_service' } : undefined,
    errors: status.errors?.map((error) =>
      compact({
        code: Number.isFinite(Number(error.code)) ? Number(error.code) : error.code,
        title: error.title,
        message: error.title,
        error_data: error.details === undefined ? undefined : { details: error.details },
      }),
    ),
  });
  const saysMore = customer !== undefined && (customer.bsuid !== undefined || customer.parentBsuid !== undefined || customer.username !== undefined);
  return { ...(saysMore ? { contacts: [contactOf(customer)] } : {}), statuses: [item] };
}
