import * as v from 'valibot';
import { LenientString, maybe } from './lenient';

// The envelope of every Cloud API webhook delivery:
// `{ object: "whatsapp_business_account", entry: [{ id, time?, changes: [{ field, value }] }] }`.
// Items inside are read one at a time (see the parser), so one unreadable
// message never hides the rest of a batch: these schemas only cover what
// the parser needs from the envelope.

/** `value.metadata` of a `messages` change: the business number the delivery is about. */
export const MetadataSchema = v.object({
  display_phone_number: maybe(LenientString),
  phone_number_id: maybe(LenientString),
});

/** One item of `value.contacts`: the customer of a message or status. */
export const ContactSchema = v.object({
  wa_id: maybe(LenientString),
  // Since WhatsApp usernames: the business-scoped user ID and its parent.
  user_id: maybe(LenientString),
  parent_user_id: maybe(LenientString),
  profile: maybe(v.object({ name: maybe(LenientString), username: maybe(LenientString) })),
});

/** One item of `value.contacts`, parsed. */
export type CloudContact = v.InferOutput<typeof ContactSchema>;

/** The webhook fields that are not messages or statuses, kept as provider events with their `value`. */
export const OTHER_WEBHOOK_FIELDS = [
  'message_template_status_update',
  'message_template_quality_update',
  'message_template_components_update',
  'template_category_update',
  'phone_number_quality_update',
  'phone_number_name_update',
  'account_update',
  'account_review_update',
  'account_alerts',
  'business_capability_update',
  'business_status_update',
  'security',
  'flows',
  'user_preferences',
  'history',
  'smb_message_echoes',
  'smb_app_state_sync',
] as const;

/** A webhook field Meta documents besides `messages`. */
export type OtherWebhookField = (typeof OTHER_WEBHOOK_FIELDS)[number];

/** `message_template_status_update`: a template was approved, rejected, paused, disabled... */
export const TemplateStatusUpdateSchema = v.object({
  event: v.string(),
  message_template_id: maybe(LenientString),
  message_template_name: maybe(v.string()),
  message_template_language: maybe(v.string()),
  message_template_category: maybe(v.string()),
  reason: maybe(v.string()),
});

/** `phone_number_quality_update`: the number's messaging limit tier or quality changed (throughput follows it). */
export const PhoneNumberQualityUpdateSchema = v.object({
  display_phone_number: maybe(LenientString),
  event: v.string(),
  current_limit: maybe(v.string()),
  old_limit: maybe(v.string()),
  max_daily_conversation_per_phone: maybe(v.number()),
});

/** `account_update`: the WhatsApp Business Account changed (verified, restricted, banned...). */
export const AccountUpdateSchema = v.object({
  event: v.string(),
  phone_number: maybe(LenientString),
  ban_info: maybe(v.object({ waba_ban_state: maybe(v.string()), waba_ban_date: maybe(v.string()) })),
  restriction_info: maybe(v.array(v.object({ restriction_type: maybe(v.string()), expiration: maybe(v.string()) }))),
});
