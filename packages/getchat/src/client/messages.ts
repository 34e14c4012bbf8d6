import type { QueryValue } from '@wamux/core/adapter';
import type * as v from 'valibot';
import type { GetchatContext } from './context';
import { callOperation, callOperationIgnoringBody, routeOf } from './call';
import { parseArgs, RequestOptionsInput, StringIdInput, type RequestOptions } from '../map/input';
import { walkHistory } from './history';
import { HistoryWalkInput, MarkAsReceivedInput } from '../map/message-input';
import { CreatedMessageBody, createdMessageOf, MessageWire, type GetchatMessage } from '../map/message';

// The message calls the driver makes (send, history, read marks). The
// provider's `messages` namespace (operations/messages.ts) builds on them, adding
// create-in-WhatsApp's-format, the plain list, and the filters.

/** The input of `messages.markAsReceived`. */
export interface GetchatMarkAsReceivedInput {
  /** The customer whose chat to mark (digits or E.164). */
  customerWaId: string;
  /**
   * The timestamp of the latest message the caller received (a Date or POSIX
   * seconds). Take it from a message, never from the local clock: get.chat
   * refuses timestamps in its future.
   */
  timestamp: Date | number;
}

/** The provider's history walk (`listMessages` of the contract): one chat, bounds, direction. */
export interface HistoryWalkOptions {
  /** Only the chat with this customer (digits or E.164). */
  waId?: string | undefined;
  /** Only messages strictly before this time. */
  before?: Date | undefined;
  /** Only messages strictly after this time. */
  since?: Date | undefined;
  /** `newest` (default) walks back with `before_time`; `oldest` walks forward with `since_time`. */
  order?: 'newest' | 'oldest' | undefined;
  /** Stop after this many messages. */
  limit?: number | undefined;
  /** Messages per request. Default 50. */
  pageSize?: number | undefined;
  signal?: AbortSignal | undefined;
}

/** Posts a createMessage body (already validated) and reads get.chat's answer. */
export async function postCreateMessage(ctx: GetchatContext, body: Record<string, unknown>, signal: AbortSignal | undefined) {
  const response = await ctx.http.request({ ...routeOf(ctx, 'createMessage'), json: body, schema: CreatedMessageBody, signal });
  return { created: createdMessageOf(response.data), rateLimit: response.rateLimit, raw: response.data };
}

/**
 * Walks parsed history options with `query` on every page, newest first
 * unless told otherwise, 50 per page unless told otherwise.
 */
export function historyOf(
  ctx: GetchatContext,
  walk: v.InferOutput<typeof HistoryWalkInput>,
  query: Record<string, QueryValue>,
): AsyncGenerator<GetchatMessage, void, undefined> {
  const { before, since, order, limit, pageSize, signal } = walk;
  return walkHistory(ctx, { order: order ?? 'newest', before, since, query, pageSize: pageSize ?? 50, limit, signal });
}

/**
 * Reads one chat's history (or every chat's) through `listMessages` with
 * `before_time` (newest to oldest) or `since_time` (oldest to newest)
 * cursors, so messages arriving during the walk are neither repeated nor missed.
 */
export function messageHistory(ctx: GetchatContext, options?: HistoryWalkOptions): AsyncGenerator<GetchatMessage, void, undefined> {
  const walk = parseArgs(HistoryWalkInput, options, 'options');
  return historyOf(ctx, walk, { wa_id: walk.waId });
}

/** `retrieveMessage` (`GET /messages/{id}/`, an inferred path). */
export async function retrieveMessage(ctx: GetchatContext, id: string, options?: RequestOptions): Promise<GetchatMessage> {
  const messageId = parseArgs(StringIdInput, id, 'id');
  const { signal } = parseArgs(RequestOptionsInput, options, 'options') ?? {};
  return callOperation(ctx, 'retrieveMessage', { params: { id: messageId }, schema: MessageWire, signal });
}

/**
 * `createReceivedMessageMark` (`POST /mark_as_received/`): marks the
 * customer's chat as received up to `timestamp`, for the calling user.
 */
export async function markAsReceived(ctx: GetchatContext, input: GetchatMarkAsReceivedInput, options?: RequestOptions): Promise<void> {
  const mark = parseArgs(MarkAsReceivedInput, input, 'input');
  const { signal } = parseArgs(RequestOptionsInput, options, 'options') ?? {};
  await callOperationIgnoringBody(ctx, 'createReceivedMessageMark', { json: { timestamp: mark.timestamp, customer_wa_id: mark.customerWaId }, signal });
}
