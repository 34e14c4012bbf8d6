import { parseInput, type CallOptions } from '@wamux/core/adapter';
import { ENDPOINTS, type MessagingApiClient } from '../client';
import { MESSAGING_API_PROVIDER } from '../options';
import {
  ChatMessageDTOSchema,
  InBoundEventSchema,
  SessionQueueAssignmentSchema,
  SessionRequestSchema,
  type ChatMessageDTO,
  type InBoundEvent,
  type SessionQueueAssignment,
  type SessionRequest,
} from '../wire/session';

/**
 * Session management. A session id comes with every inbound message
 * (`inboundSession(event)`) and with session events.
 */
export interface SessionOperations {
  /** `POST /session/close`: closes the active session. */
  close(request: SessionRequest, options?: CallOptions): Promise<InBoundEvent[]>;
  /** `POST /session/resolve`: resolves the session, leaving it to the customer to close. */
  resolve(request: SessionRequest, options?: CallOptions): Promise<InBoundEvent[]>;
  /** `POST /session/messages`: every message of the session, in both directions. */
  messages(request: SessionRequest, options?: CallOptions): Promise<ChatMessageDTO[]>;
  /** `POST /session/routing`: moves the session to a queue (and agent, team, skills); later messages go there. */
  route(request: SessionQueueAssignment, options?: CallOptions): Promise<InBoundEvent[]>;
}

/**
 * Creates the `sessions` operations. Only the history read is repeated
 * after a failure: closing, resolving or routing twice may fail the second
 * time after the first succeeded.
 */
export function createSessionOperations(client: MessagingApiClient): SessionOperations {
  const session = (request: SessionRequest) => parseInput(SessionRequestSchema, request, { root: 'request', provider: MESSAGING_API_PROVIDER });
  return {
    async close(request, { signal } = {}) {
      return client.list(InBoundEventSchema, { method: 'POST', path: ENDPOINTS.sessionClose, json: session(request), signal });
    },

    async resolve(request, { signal } = {}) {
      return client.list(InBoundEventSchema, { method: 'POST', path: ENDPOINTS.sessionResolve, json: session(request), signal });
    },

    async messages(request, { signal } = {}) {
      return client.list(ChatMessageDTOSchema, { method: 'POST', path: ENDPOINTS.sessionMessages, json: session(request), idempotent: true, signal });
    },

    async route(request, { signal } = {}) {
      const valid = parseInput(SessionQueueAssignmentSchema, request, { root: 'request', provider: MESSAGING_API_PROVIDER });
      return client.list(InBoundEventSchema, { method: 'POST', path: ENDPOINTS.sessionRouting, json: valid, signal });
    },
  };
}
