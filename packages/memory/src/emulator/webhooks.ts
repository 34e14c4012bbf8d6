import {
  customerAddress,
  hmacSha256Hex,
  inboundSender,
  webhookRequest,
  type InboundMessage,
  type StatusUpdate,
  type WebhookRequest,
} from '@wamux/core/adapter';
import { simulatedCustomer, type SimulatedInbound, type SimulatedStatus } from '@wamux/emulator';
import { toWire } from '../wire/codec';
import { SIGNATURE_HEADER } from '../wire/webhook';
import type { MemoryState } from './state';

/** A webhook delivery ready to post or to hand to a webhook handler. */
export interface MemoryDelivery {
  /** The simulated message's id (for a status: the message it is about). */
  id: string;
  /** The body as the memory vendor posts it (`{ events: [...] }`). */
  payload: unknown;
  /** The delivery as the app's webhook handler receives it: signed unless `unauthenticated`. */
  request: WebhookRequest;
}

/** How a delivery is built: where it claims to go, and whether to leave the signature out. */
export interface DeliveryOptions {
  webhookUrl?: string | undefined;
  unauthenticated?: boolean | undefined;
}

const DEFAULT_WEBHOOK_URL = 'http://localhost/webhooks';

/** A customer message as the memory vendor delivers it (the model as JSON), recorded in the history. */
export async function inboundDelivery(state: MemoryState, secret: string, message: SimulatedInbound, options: DeliveryOptions = {}): Promise<MemoryDelivery> {
  const full: InboundMessage = {
    id: message.id ?? state.ids.inbound(),
    ...inboundSender(simulatedCustomer(message.from, message.customer, message.profileName)),
    timestamp: message.timestamp ?? new Date(),
    content: message.content,
    ...(message.context ? { context: message.context } : {}),
    ...(message.referral ? { referral: message.referral } : {}),
  };
  state.history.push({ id: full.id, direction: 'inbound', contact: full.from, timestamp: full.timestamp, content: full.content });
  return signed(full.id, { events: [{ kind: 'message', message: toWire(full) }] }, secret, options);
}

/** A delivery status as the memory vendor delivers it. */
export async function statusDelivery(secret: string, status: SimulatedStatus, options: DeliveryOptions = {}): Promise<MemoryDelivery> {
  const { customer: extra, ...rest } = status;
  const update: Omit<StatusUpdate, 'timestamp'> & { timestamp: Date } = { ...rest, timestamp: status.timestamp ?? new Date() };
  if (extra !== undefined) {
    const address = status.recipient ?? extra.phone ?? extra.bsuid ?? extra.parentBsuid;
    if (address === undefined) throw new TypeError('memory emulator: a simulated status customer needs a recipient or an identifier');
    update.customer = simulatedCustomer(address, extra);
    update.recipient = customerAddress(update.customer);
  }
  return signed(status.messageId, { events: [{ kind: 'status', status: toWire(update) }] }, secret, options);
}

async function signed(id: string, payload: unknown, secret: string, options: DeliveryOptions): Promise<MemoryDelivery> {
  const body = JSON.stringify(payload);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (!options.unauthenticated) headers[SIGNATURE_HEADER] = `sha256=${await hmacSha256Hex(secret, body)}`;
  return { id, payload, request: webhookRequest({ method: 'POST', url: options.webhookUrl ?? DEFAULT_WEBHOOK_URL, headers, body }) };
}
