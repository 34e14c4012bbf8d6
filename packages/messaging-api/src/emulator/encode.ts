import { createHash } from 'node:crypto';
import { compact, e164Digits, type MediaRef, type MessageContent, type PhoneNumber, type Referral, type StatusError } from '@wamux/core/adapter';
import { match } from 'ts-pattern';
import type { EmulatedSession, EmulatorState } from './state';

// Builds the vendor's inbound request bodies (`InBoundWrapper`,
// `InBoundContact`) the way its samples write them: numbers for ids, phone
// numbers and epoch-millisecond timestamps.

/** What every body needs to know about the emulated account. */
export interface EncodeContext {
  state: EmulatorState;
  /** The business number, digits. */
  business: string;
  channelId: string;
  /** The emulator's origin, to link media. */
  origin: string;
}

/** The `meta` of every notification. */
export const NOTIFICATION_META = {
  appCode: 'emulator_bot',
  appId: '61ec7d9c2ce85742b201c5ab',
  appMode: 'BOT',
  appType: 'BOT',
  debug: false,
  domain: 'emulator',
  server: 'emulator',
};

/** The service's contact id of a customer: `wa<customer>_<business>`, as the sample writes it. */
export function contactIdOf(customer: string, context: EncodeContext): string {
  return `wa${customer}_${context.business}`;
}

/** An `InBoundContact` for a customer. */
export function inboundContact(
  customer: string,
  context: EncodeContext,
  profile: { name?: string | undefined; email?: string | undefined } = {},
): Record<string, unknown> {
  return {
    contactId: contactIdOf(customer, context),
    channelId: context.channelId,
    contactType: 'WHATSAPP',
    csid: customer,
    lane: Number(context.business),
    profile: compact({ name: profile.name, email: profile.email, phone: Number(customer) }),
  };
}

/** What a simulated customer message becomes. */
export interface InboundInput {
  id: string;
  messageIdExt: string;
  from: PhoneNumber;
  profileName?: string | undefined;
  timestamp: Date;
  content: MessageContent;
  referral?: Referral | undefined;
  session: EmulatedSession;
}

/** A `message/receive` notification carrying one customer message. */
export function messageNotification(input: InboundInput, context: EncodeContext): Record<string, unknown> {
  const customer = e164Digits(input.from);
  const message = compact({
    // A number when it reads back the same, as the sample writes ids.
    id: String(Number(input.id)) === input.id ? Number(input.id) : input.id,
    messageIdExt: input.messageIdExt,
    contactId: contactIdOf(customer, context),
    from: Number(customer),
    timestamp: input.timestamp.getTime(),
    ...contentFields(input.content, context),
    referral: input.referral ? referral(input.referral) : undefined,
    session: compact({
      sessionId: input.session.sessionId,
      routingId: input.session.routingId,
      assignedToAgent: input.session.agent,
      assignedToDept: input.session.team,
    }),
  });
  return { type: 'messages', contacts: [inboundContact(customer, context, { name: input.profileName })], messages: [message], meta: NOTIFICATION_META };
}

/** What a simulated status becomes. */
export interface StatusInput {
  messageId: string;
  messageIdExt?: string | undefined;
  code: string;
  recipient?: PhoneNumber | undefined;
  timestamp: Date;
  errors?: readonly StatusError[] | undefined;
}

/** A `message/receive` notification carrying one status. */
export function statusNotification(input: StatusInput, context: EncodeContext): Record<string, unknown> {
  const customer = input.recipient ? e164Digits(input.recipient) : undefined;
  const status = compact({
    id: input.messageId,
    messageIdExt: input.messageIdExt,
    status: input.code,
    timestamp: input.timestamp.getTime(),
    contactId: customer ? contactIdOf(customer, context) : undefined,
    contact: customer ? inboundContact(customer, context) : undefined,
    errors: input.errors?.map((error) => compact({ code: error.code, title: error.title, details: error.details })),
  });
  return { type: 'statuses', statuses: [status], meta: NOTIFICATION_META };
}

function contentFields(content: MessageContent, context: EncodeContext): Record<string, unknown> {
  return (
    match(content)
      .returnType<Record<string, unknown>>()
      .with({ type: 'text' }, (c) => ({ type: 'text', text: { body: c.text } }))
      .with({ type: 'image' }, { type: 'video' }, { type: 'document' }, { type: 'sticker' }, (c) => ({
        type: c.type,
        [c.type]: media(c.media, c.type, context),
      }))
      .with({ type: 'audio' }, (c) =>
        c.media.voice ? { type: 'voice', voice: media(c.media, 'voice', context) } : { type: 'audio', audio: media(c.media, 'audio', context) },
      )
      .with({ type: 'location' }, (c) => ({
        type: 'location',
        location: compact({ latitude: c.latitude, longitude: c.longitude, name: c.name, address: c.address, url: c.url }),
      }))
      .with({ type: 'interactive_reply' }, (c) => ({
        type: 'interactive',
        form: compact({ reply_id: c.reply.id, reply_title: c.reply.title, reply_desc: c.reply.description, reply_json: {} }),
      }))
      // The vendor has no quick-reply type: a template button tap is a form reply.
      .with({ type: 'button' }, (c) => ({ type: 'button', form: { reply_id: c.payload ?? c.text, reply_title: c.text, reply_json: {} } }))
      // Neither contacts nor reactions exist in `InBoundMsg`: they are sent under their own type, which the adapter reads as unsupported.
      .with({ type: 'contacts' }, (c) => ({ type: 'contacts', contacts: c.contacts }))
      .with({ type: 'reaction' }, (c) => ({ type: 'reaction', reaction: { messageId: c.messageId, emoji: c.emoji } }))
      .with({ type: 'unsupported' }, (c) => compact({ type: c.originalType, text: c.text === undefined ? undefined : { body: c.text } }))
      .exhaustive()
  );
}

/** `InBoundMsgMedia`; stored media gets a link to the emulator and its checksum. */
function media(ref: MediaRef, type: string, context: EncodeContext): Record<string, unknown> {
  const stored = ref.id === undefined ? undefined : context.state.media.get(ref.id);
  const link = ref.url ?? (ref.id === undefined ? undefined : `${context.origin}/media/${encodeURIComponent(ref.id)}`);
  return compact({
    id: ref.id,
    link,
    linkSecure: link,
    mime_type: ref.mimeType ?? stored?.mimeType,
    sha256: ref.sha256 ?? (stored ? createHash('sha256').update(stored.data).digest('base64') : undefined),
    caption: ref.caption,
    filename: ref.filename ?? stored?.filename,
    type,
  });
}

function referral(value: Referral): Record<string, unknown> {
  return compact({
    sourceId: value.sourceId,
    sourceType: value.sourceType,
    sourceUrl: value.sourceUrl,
    title: value.headline,
    body: value.body,
    mediaType: value.mediaType,
    mediaUrl: value.mediaUrl,
    thumbUrl: value.thumbnailUrl,
  });
}
