import type { StoredMessage } from './state';

// The bodies get.chat posts to WABA webhooks (and sends in websocket frames).

/** Which of the two documented shapes deliveries take. */
export type WebhookShape = 'cloud_api' | 'on_premise';

/** What a delivery about one WhatsApp value holds. */
export interface WabaValue {
  contacts?: unknown[] | undefined;
  messages?: unknown[] | undefined;
  statuses?: unknown[] | undefined;
}

/** The WhatsApp part of a delivery in the chosen shape. */
export function wabaDelivery(
  shape: WebhookShape,
  value: WabaValue,
  business: { number: string; phoneNumberId: string; wabaId: string },
): Record<string, unknown> {
  const fields = Object.fromEntries(Object.entries(value).filter(([, items]) => items !== undefined));
  if (shape === 'on_premise') return fields;
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: business.wabaId,
        changes: [
          {
            field: 'messages',
            value: { messaging_product: 'whatsapp', metadata: { display_phone_number: business.number, phone_number_id: business.phoneNumberId }, ...fields },
          },
        ],
      },
    ],
  };
}

/** Initials as get.chat computes them for a contact (`KT` for "Konrad Tester"). */
function initials(name: string | undefined): string {
  return (name ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');
}

/** A stored message as get.chat's message object (`/messages/` results, extension fields). */
export function renderMessage(message: StoredMessage, profileName: string | undefined): Record<string, unknown> {
  return {
    id: message.getchatId,
    waba_payload: message.wabaPayload,
    waba_statuses: message.statuses,
    contact: {
      wa_id: message.customerWaId,
      waba_payload: { profile: { name: profileName ?? '' }, wa_id: message.customerWaId },
      initials: initials(profileName),
      last_message_timestamp: message.timestamp,
    },
    from_us: message.fromUs,
    received: message.received,
    sender: message.sender ?? null,
    context: null,
    customer_wa_id: message.customerWaId,
    tags: [],
    chat_tags: [],
    is_failed: false,
  };
}
