import { compact, toE164, type InboundMessage, type PhoneNumber, type Referral, safeParse } from '@wamux/core';
import * as v from 'valibot';
import { LenientBoolean, LenientString, LenientTimestamp, maybe } from '../operations/shared/wire';
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
  timestamp: maybe(LenientTimestamp),
  context: maybe(ContextWire),
  referral: maybe(ReferralWire),
});

/** What the payload itself does not say about a customer message. */
export interface InboundExtras {
  /** The customer's WhatsApp id when the payload lacks `from` (get.chat's `customer_wa_id`). */
  customerWaId?: string | undefined;
  /** The message id when the payload lacks one (get.chat's own id). */
  fallbackId?: string | undefined;
  /** The profile name from the message's `contact`. */
  profileName?: string | undefined;
  /** Profile names by wa_id, from the delivery's `contacts`; the sender's is used. */
  profileNames?: ReadonlyMap<string, string> | undefined;
  /** The business number the delivery names (Cloud API `metadata.display_phone_number`), already E.164. */
  to?: PhoneNumber | undefined;
}

/** A customer message in the model, or why one could not be built from the payload. */
export type InboundResult = { ok: true; message: InboundMessage } | { ok: false; reason: string };

/**
 * A WhatsApp message payload sent by a customer → the model's InboundMessage.
 * Its id is WhatsApp's (`wamid...`), which replies and reactions quote.
 */
export function inboundFromWaba(payload: Record<string, unknown>, extras: InboundExtras = {}): InboundResult {
  const parsed = safeParse(EnvelopeWire, payload);
  if (!parsed.success) return { ok: false, reason: `the message payload is malformed at ${v.getDotPath(parsed.issues[0]) ?? '(root)'}` };
  const envelope = parsed.output;
  const id = envelope.id ?? extras.fallbackId;
  const sender = envelope.from ?? extras.customerWaId;
  const from = sender === undefined ? undefined : toE164(sender);
  if (id === undefined) return { ok: false, reason: 'the message has no id' };
  if (from === undefined) return { ok: false, reason: 'the message has no sender phone number' };
  if (envelope.timestamp === undefined) return { ok: false, reason: 'the message has no timestamp' };
  const context = envelope.context;
  const quoted = context?.id ?? context?.message_id;
  const forwarded = context?.forwarded === true || context?.frequently_forwarded === true ? true : undefined;
  const profileName = extras.profileName ?? (sender === undefined ? undefined : extras.profileNames?.get(sender));
  // Built field by field rather than through compact(): this runs for every
  // item of a batch, and compact's second object was a tenth of the time.
  const message: InboundMessage = { id, from, timestamp: envelope.timestamp, content: contentFromWaba(payload) };
  if (profileName !== undefined) message.profileName = profileName;
  if (extras.to !== undefined) message.to = extras.to;
  if (context && (quoted || context.from || forwarded)) message.context = compact({ messageId: quoted, from: context.from, forwarded });
  if (envelope.referral) message.referral = referralOf(envelope.referral);
  return { ok: true, message };
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
