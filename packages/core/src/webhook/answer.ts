import type { ServerResponse } from 'node:http';
import type { WebhookOutcome } from './handler';

/**
 * The HTTP answer to an outcome: the adapter's reply when it gave one, a
 * JSON error for a refused or failed delivery, `Retry-After` on a 503.
 * Throws when the adapter's reply cannot be an HTTP answer (a status out of
 * range, a body that is not serialisable): the caller answers 500 then.
 */
export function toResponse(outcome: WebhookOutcome): Response {
  const reply = outcome.reply;
  if (reply?.body !== undefined) {
    const isText = typeof reply.body === 'string';
    return new Response(isText ? (reply.body as string) : JSON.stringify(reply.body), {
      status: reply.status,
      headers: { 'content-type': isText ? 'text/plain; charset=utf-8' : 'application/json', ...reply.headers },
    });
  }
  const headers = new Headers(reply?.headers);
  if (outcome.retryAfter !== undefined) headers.set('retry-after', String(outcome.retryAfter));
  if (outcome.error) {
    return Response.json({ error: { code: outcome.error.code, message: outcome.error.message } }, { status: outcome.status, headers });
  }
  if (outcome.status === 405) return new Response('method not allowed', { status: 405, headers });
  if (outcome.inFlight > 0 && outcome.status === 503)
    return new Response('an event of this delivery is being processed; deliver it again later', { status: 503, headers });
  return new Response(null, { status: outcome.status, headers });
}

/**
 * Writes `response` on a Node response, unless there is nobody left to
 * answer (the client went away, or Node already answered and closed the
 * connection). `close`: ask Node to close the connection after it, for an
 * answer sent before the request body arrived in full.
 */
export async function writeNodeResponse(res: ServerResponse, response: Response, close = false): Promise<void> {
  const body = await response.text();
  if (res.destroyed || res.writableEnded || res.headersSent) return;
  res.statusCode = response.status;
  for (const [name, value] of response.headers) res.setHeader(name, value);
  if (close) res.setHeader('connection', 'close');
  res.end(body);
}
