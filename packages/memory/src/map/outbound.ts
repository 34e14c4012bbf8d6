import type { BulkTemplateRequest, OutboundMessage } from '@wamux/core/adapter';
import { toWire, type WireValue } from '../wire/codec';

/** `OutboundMessage` → the body of `POST /messages`: the message as JSON. */
export function toSendRequest(message: OutboundMessage): { message: WireValue } {
  return { message: toWire(message) };
}

/** `BulkTemplateRequest` → the body of `POST /templates/bulk`. */
export function toBulkRequest(request: BulkTemplateRequest): WireValue {
  return toWire(request);
}
