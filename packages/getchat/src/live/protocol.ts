import * as v from 'valibot';

// The get.chat websockets protocol: the client's one message is the token
// authentication (`{"token": "..."}`, no `type`); the server sends JSON
// frames with a `type`.

const Payload = v.record(v.string(), v.unknown());
/** Any frame: only its `type` is read first. */
const TypedFrame = v.object({ type: v.string() });

/** `{"type": "token", "status": "success" | "failed", "message"}`: the answer to the token message. */
const TokenResult = v.object({ type: v.literal('token'), status: v.string(), message: v.optional(v.string()) });

/** `{"type": "response", "status": "bad_request", "message"}`: the client's message was malformed. */
const ServerResponse = v.object({ type: v.literal('response'), status: v.string(), message: v.optional(v.string()) });

/**
 * `{"type": "waba_webhook", "waba_payload": {...}}`: a WABA webhook, and (in
 * recent inboxes) `getchat_webhook` frames with the flat extension fields.
 * Liberal about where the payload is: `waba_payload`, `getchat_payload` or `payload`.
 */
const WebhookFrame = v.pipe(
  v.object({
    type: v.picklist(['waba_webhook', 'getchat_webhook']),
    waba_payload: v.optional(Payload),
    getchat_payload: v.optional(Payload),
    payload: v.optional(Payload),
  }),
  v.transform((frame) => ({ type: 'webhook' as const, frameType: frame.type, payload: frame.waba_payload ?? frame.getchat_payload ?? frame.payload })),
);

/** A server frame, parsed. */
export type ServerFrame =
  | { type: 'token'; ok: boolean; message?: string | undefined }
  | { type: 'response'; status: string; message?: string | undefined }
  | { type: 'webhook'; frameType: 'waba_webhook' | 'getchat_webhook'; payload: Record<string, unknown> | undefined }
  | { type: 'unknown'; frameType: string };

/** Reads one server frame's text; `undefined` when it is not JSON or not an object with a `type`. */
export function parseServerFrame(text: string): ServerFrame | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const token = v.safeParse(TokenResult, json);
  if (token.success) return { type: 'token', ok: token.output.status === 'success', message: token.output.message };
  const response = v.safeParse(ServerResponse, json);
  if (response.success) return { type: 'response', status: response.output.status, message: response.output.message };
  const webhook = v.safeParse(WebhookFrame, json);
  if (webhook.success) return webhook.output;
  const typed = v.safeParse(TypedFrame, json);
  return typed.success ? { type: 'unknown', frameType: typed.output.type } : undefined;
}

/** The token authentication message, the first (and only) thing a client sends. */
export function tokenMessage(token: string): string {
  return JSON.stringify({ token });
}
