import type { OutboundMessage } from '@wamux/core/adapter';
import type { EmulatorResponse, EmulatorRoute } from '@wamux/emulator';
import { CloudRequestError, decodeMessageRequest } from './decode';
import { graphErrorResponse } from './graph-error';
import { injectedError, type RouteGuard } from './guards';
import type { CloudEmulatorState } from './state';
import { templateSendProblem } from './templates';

/** Where a Cloud API emulator's message route sits. */
export interface CloudMessageRoutesOptions {
  /** The path: `/:phoneNumberId/messages` on Graph, `/messages` where the credential names the number. */
  pattern: string;
  /** Checked first (the phone number id of the path). */
  guard?: RouteGuard | undefined;
}

/** `POST .../messages`: sends a message (the Cloud API's request body), or marks one read. */
export function cloudMessageRoutes(state: CloudEmulatorState, options: CloudMessageRoutesOptions): EmulatorRoute[] {
  return [
    {
      method: 'POST',
      pattern: options.pattern,
      handler: (request) => {
        const refused = options.guard?.(request) ?? injectedError(state, request);
        if (refused) return refused;
        const body = request.json;
        if (typeof body !== 'object' || body === null || Array.isArray(body))
          return graphErrorResponse(400, 100, 'Invalid parameter', 'The request body must be a JSON object');
        const json = body as Record<string, unknown>;
        if (json.status === 'read') return markRead(state, json);
        let message: OutboundMessage;
        try {
          message = decodeMessageRequest(json);
        } catch (error) {
          if (error instanceof CloudRequestError)
            return graphErrorResponse(400, 100, 'Invalid parameter', `Parameter ${error.field} is invalid: ${error.message}`);
          throw error;
        }
        const problem = checkMessage(state, message);
        if (problem) return problem;
        const id = state.nextMessageId();
        state.delivered.push({ id, message, raw: json });
        state.recipients.set(id, message.to);
        const contact =
          typeof json.to === 'string' ? { input: json.to, wa_id: json.to.replace(/^\+/, '') } : { input: json.recipient, user_id: json.recipient };
        return { json: { messaging_product: 'whatsapp', contacts: [contact], messages: [{ id }] } };
      },
    },
  ];
}

/** A mark-read request (`status: "read"`), recorded with whether it asked for the typing indicator. */
function markRead(state: CloudEmulatorState, json: Record<string, unknown>): EmulatorResponse {
  if (json.messaging_product !== 'whatsapp') return graphErrorResponse(400, 100, 'Invalid parameter', 'messaging_product must be "whatsapp"');
  if (typeof json.message_id !== 'string' || json.message_id === '') return graphErrorResponse(400, 100, 'Invalid parameter', 'message_id is required');
  state.reads.push({ messageId: json.message_id, typing: typeof json.typing_indicator === 'object' && json.typing_indicator !== null, at: new Date() });
  return { json: { success: true } };
}

/** What Meta refuses after reading a request: unknown media, an unknown template, a parameter count that does not match. */
function checkMessage(state: CloudEmulatorState, message: OutboundMessage): EmulatorResponse | undefined {
  if ('media' in message && 'id' in message.media && !state.media.has(message.media.id)) {
    return graphErrorResponse(400, 131053, 'Media upload error', `The media id ${message.media.id} was not found`);
  }
  return message.type === 'template' ? templateSendProblem(state.templates, message.template) : undefined;
}
