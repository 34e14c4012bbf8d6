import * as v from 'valibot';
import { EmbeddedUserWire, type GetchatUser } from './users';
import { LenientBoolean, LenientInt, maybe } from './lenient';

/** A WABA webhook: where get.chat forwards WhatsApp events for one user. */
export interface GetchatWabaWebhook {
  id: number;
  /** The user the webhook belongs to. */
  user?: GetchatUser | undefined;
  /** The target URL (with its `?auth=` shared secret, if one was set). */
  url?: string | undefined;
  /** Called for every incoming customer message. */
  onIncomingMessage: boolean;
  /** Called for every message the inbox's users send. */
  onOutgoingMessage: boolean;
  /** Called when a chat is assigned to the user or gets a message while assigned. */
  onAssigned: boolean;
  /** Extra headers get.chat sends with each call (may hold credentials: do not log). */
  headers: Record<string, string>;
}

/** A WABA webhook object. */
export const WabaWebhookWire = v.pipe(
  v.object({
    id: LenientInt,
    user: EmbeddedUserWire,
    url: maybe(v.string()),
    on_incoming_message: maybe(LenientBoolean),
    on_outgoing_message: maybe(LenientBoolean),
    on_assigned: maybe(LenientBoolean),
    headers: maybe(v.record(v.string(), v.pipe(v.union([v.string(), v.number(), v.boolean()]), v.transform(String)))),
  }),
  v.transform(
    (webhook): GetchatWabaWebhook => ({
      id: webhook.id,
      user: webhook.user,
      url: webhook.url,
      onIncomingMessage: webhook.on_incoming_message ?? false,
      onOutgoingMessage: webhook.on_outgoing_message ?? false,
      onAssigned: webhook.on_assigned ?? false,
      headers: webhook.headers ?? {},
    }),
  ),
);
