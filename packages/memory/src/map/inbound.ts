import { InboundMessageSchema, type InboundMessage } from '@wamux/core/adapter';
import { readModel } from './model';

/** A memory inbound message (the model as JSON) → `InboundMessage`; `root` names it in errors. */
export function toInboundMessage(wire: unknown, root: string): InboundMessage {
  return readModel(InboundMessageSchema, wire, root);
}
