import type { CallOptions, SendResult } from '@wamux/core/adapter';
import { SendResponseSchema, SuccessResponseSchema, type CloudMarkReadRequest } from '../wire';
import type { CloudApiClient } from './index';

/**
 * `POST /{phone-number-id}/messages` with a message request; the result's
 * id is WhatsApp's `wamid...`, which the message's statuses carry.
 */
export async function postMessage(client: CloudApiClient, body: Record<string, unknown>, options: CallOptions): Promise<SendResult> {
  const response = await client.http.request({ method: 'POST', path: client.paths.messages, json: body, schema: SendResponseSchema, signal: options.signal });
  const [message] = response.data.messages;
  return { id: (message as { id: string }).id, rateLimit: response.rateLimit, raw: response.data };
}

/** Marks a received message read (the same endpoint, `status: "read"`). Safe to repeat, so retried like a read. */
export async function postRead(client: CloudApiClient, body: CloudMarkReadRequest, options: CallOptions): Promise<void> {
  await client.http.request({
    method: 'POST',
    path: client.paths.messages,
    json: body,
    schema: SuccessResponseSchema,
    idempotent: true,
    signal: options.signal,
  });
}
