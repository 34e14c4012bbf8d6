import { compact, inboundSender, type InboundMessage, type PhoneNumber, type Referral, safeParse } from '@wamux/core';
import * as v from 'valibot';
import { LenientBoolean, LenientString, LenientTimestamp, maybe } from '../operations/shared/wire';
import { senderOf, type WabaContacts } from './customer';
import { contentFromWaba } from './inbound-content';

// v.object, not looseObject: unknown keys are accepted and left out of the
// parsed copy. The mapping reads known fields only and the event keeps the
// raw payload; copying the rest was a large share of a batch's allocations.
const ContextWire = v.object({
  from: maybe(LenientString),
  id: maybe(LenientString),
  message_id: maybe(LenientString),
  forwarded: maybe(LenientBoolean),
  frequently_forwarded: maybe(LenientBoolean),
});

const ReferralWire = v.object({
  source_url: maybe(v.string()),
  source_id: maybe(LenientString),
  source_type: maybe(v.string()),
  headline: maybe(v.string()),
  body: maybe(v.string()),
  media_type: maybe(v.string()),
  image_url: maybe(v.string()),
  video_url: maybe(v.string()),
  thumbnail_url: maybe(v.string()),
  ctwa_clid: maybe(v.string()),
});

const EnvelopeWire = v.object({
  id: maybe(LenientString),
  from: maybe(LenientString),
  // A username user may come without `from`, named by a business-scoped user ID.
  from_user_id: maybe(LenientString),
  from_parent_user_id: maybe(LenientString),
  origin: maybe(v.string()),
  timestamp: maybe(LenientTimestamp),
  context: maybe(ContextWire),
  referral: maybe(ReferralWire),
});

/** What the payload itself does not say about a customer message. */
export interface InboundExtras {
  /** The customer's WhatsApp id (a number, or a BSUID) when the payload names no sender (get.chat's `customer_wa_id`). */
  customerWaId?: string | undefined;
  /** The message id when the payload lacks one (get.chat's own id). */
  fallbackId?: string | undefined;
  /** The profile name from the message's `contact`. */
  profileName?: string | undefined;
  /** The delivery's `contacts`: the sender's gives its name, username and the identifiers the payload leaves out. */
  contacts?: WabaContacts | undefined;
  /** The business number the delivery names (Cloud API `metadata.display_phone_number`), already E.164. */
  to?: PhoneNumber | undefined;
}

/**
 * A customer message in the model, or why one could not be built from the
 * payload: `reason`, and `field`, the payload's field at fault (`id`, `from`).
 */
export type InboundResult = { ok: true; message: InboundMessage } | { ok: false; reason: string; field: string };

/**
 * A WhatsApp message payload sent by a customer → the model's InboundMessage.
 * Its id is WhatsApp's (`wamid...`), which replies and reactions quote.
 */
export function inboundFromWaba(payload: Record<string, unknown>, extras: InboundExtras = {}): InboundResult {
  const parsed = safeParse(EnvelopeWire, payload);
  if (!parsed.success) {
    const field = v.getDotPath(parsed.issues[0]) ?? '(message)';
    return { ok: false, reason: `the message payload is malformed at ${field}`, field };
  }
  const envelope = parsed.output;
  // A blank id identifies nothing: the model forbids it, and as a de-duplication key it would drop the next blank-id message.
  const id = nonBlank(envelope.id) ?? nonBlank(extras.fallbackId);
  const customer = senderOf(payload, envelope, { contacts: extras.contacts, customerWaId: extras.customerWaId, profileName: extras.profileName });
  if (id === undefined) return { ok: false, reason: 'the message has no id', field: 'id' };
  if (customer === undefined) return { ok: false, reason: 'the message names no sender: no phone number (from) and no business-scoped user ID (from_user_id)', field: 'from' };
  if (envelope.timestamp === undefined) return { ok: false, reason: 'the message has no timestamp', field: 'timestamp' };
  const context = envelope.context;
  const quoted = context?.id ?? context?.message_id;
  const forwarded = context?.forwarded === true || context?.frequently_forwarded === true ? true : undefined;
  // Built field by field rather than through compact(): this runs for every
  // item of a batch, and compact's second object was a tenth of the time.
  const message: InboundMessage = { id, ...inboundSender(customer), timestamp: envelope.timestamp, content: contentFromWaba(payload) };
  if (extras.to !== undefined) message.to = extras.to;
  if (context && (quoted || context.from || forwarded)) message.context = compact({ messageId: quoted, from: context.from, forwarded });
  if (envelope.referral) message.referral = referralOf(envelope.referral);
  return { ok: true, message };
}

function nonBlank(id: string | undefined): string | undefined {
  return id === undefined || id.trim() === '' ? undefined : id;
}

function referralOf(referral: v.InferOutput<typeof ReferralWire>): Referral {
  return compact({
    sourceId: referral.source_id,
    sourceType: referral.source_type,
    sourceUrl: referral.source_url,
    headline: referral.headline,
    body: referral.body,
    mediaType: referral.media_type,
    mediaUrl: referral.image_url ?? referral.video_url,
    thumbnailUrl: referral.thumbnail_url,
    clickId: referral.ctwa_clid,
  });
}
