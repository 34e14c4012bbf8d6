import type { EmulatorRoute, EmulatorResponse } from '@wamux/emulator';
import type { EmulatorContext } from '../context';
import { decodeOutbound } from '../decode';
import { dataEnvelope } from '../envelope';
import { OutBoundMsgSchema, type OutBoundMsgWire } from '../../wire/outbound';
import { parseBody } from './validate';

/** `POST /message/send`. */
export function messageRoutes(context: EmulatorContext): EmulatorRoute[] {
  return [{ method: 'POST', pattern: '/message/send', handler: (request) => send(context, request.json) }];
}

function send(context: EmulatorContext, body: unknown): EmulatorResponse {
  const parsed = parseBody(context, OutBoundMsgSchema, body);
  if (!parsed.ok) return parsed.response;
  const message = parsed.value;
  const { channelId } = message;
  if (channelId === undefined) {
    return context.failure(400, 'INVALID_REQUEST', 'channelId is required', [{ field: 'channelId', code: 'REQUIRED', description: 'is required' }]);
  }
  if (!context.state.channels.some((channel) => channel.channelId === channelId)) {
    return context.failure(404, 'CHANNEL_NOT_FOUND', `No channel ${channelId}`, [
      { field: 'channelId', code: 'NOT_FOUND', description: 'is not a configured channel' },
    ]);
  }
  const template = message.type === 'template' ? findTemplate(context, message.template) : undefined;
  if (message.type === 'template' && template === undefined) {
    return context.failure(404, 'TEMPLATE_NOT_FOUND', 'No approved template with this code, id and language', [
      { field: 'template', code: 'NOT_FOUND', description: 'matches no template' },
    ]);
  }

  const wire: OutBoundMsgWire = { ...message, channelId };
  const id = context.ids.message();
  const messageIdExt = context.ids.messageExt();
  context.state.outbox.push({ id, messageIdExt, body: wire, at: new Date() });
  const decoded = decodeOutbound(wire);
  if (decoded) context.state.delivered.push({ id, message: decoded, raw: body });
  recordInSession(context, wire, id, messageIdExt);
  return dataEnvelope({ id, type: message.type, templateCode: template?.code, templateId: template?.id });
}

function findTemplate(
  context: EmulatorContext,
  spec: { code?: string | undefined; id?: string | undefined; lang?: string | undefined },
): Record<string, unknown> | undefined {
  return context.state.templates.find(
    (template) =>
      (spec.id === undefined || template.id === spec.id) &&
      (spec.code === undefined || template.code === spec.code) &&
      (spec.lang === undefined || template.lang === spec.lang),
  );
}

/** A message to a customer with an open session joins its history. */
function recordInSession(context: EmulatorContext, wire: OutBoundMsgWire, id: string, messageIdExt: string): void {
  const phone = wire.to.phone;
  const session = context.state.sessions.find((s) => s.status !== 'CLOSED' && (s.phone === phone || s.contactId === wire.to.contactId));
  if (!session) return;
  session.messages.push({
    messageId: id,
    messageIdExt,
    sessionId: session.sessionId,
    type: wire.type,
    status: 'SENT',
    text: wire.type === 'text' ? wire.text.body : undefined,
    timestamp: Date.now(),
    contact: { contactId: session.contactId, phone: session.phone },
  });
}
