// Webhook deliveries as each vendor sends them, with a fresh message id on
// every delivery. A load test that replayed one body would measure the
// dedupe store answering "duplicate" instead of the handler's real work, so
// `body(n)` stitches the delivery number into every item's id.
import { createHmac } from 'node:crypto';

const MARK = '~~delivery~~';
// Headers the load generator writes itself, or that describe the captured hop only.
const HOP_HEADERS = new Set(['host', 'connection', 'content-length', 'accept-encoding', 'accept-language', 'sec-fetch-mode', 'user-agent', 'accept']);

/** The object in a vendor body that holds `messages` (an array, or one object as Desk360 sends it). */
function findMessages(node, depth = 0) {
  if (node === null || typeof node !== 'object' || depth > 6) return undefined;
  if (!Array.isArray(node) && 'messages' in node && node.messages && typeof node.messages === 'object') return node;
  for (const value of Array.isArray(node) ? node : Object.values(node)) {
    const found = findMessages(value, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** Tags an id so that `body(n)` makes it unique per delivery: `<id>-<n>` or `<id>-<n>-<item>`. */
function tagged(id, item, items) {
  return items === 1 ? `${id}-${MARK}` : `${id}-${MARK}-${item}`;
}

/**
 * A delivery of `items` messages built from `request`, a single-message
 * delivery captured from the vendor's emulator (URL with its query, headers
 * with the verification secret, body). Returns the request path, the headers
 * to send, and `body(n)`, the body of delivery number `n`.
 */
export function deliveryTemplate(provider, request, items) {
  const parsed = JSON.parse(request.body);
  const holder = findMessages(parsed);
  if (!holder) throw new Error(`${provider}: no messages field in the captured delivery`);
  const first = Array.isArray(holder.messages) ? holder.messages[0] : holder.messages;
  if (typeof first?.id !== 'string') throw new Error(`${provider}: the captured message has no string id`);
  const copies = Array.from({ length: items }, (_, i) => ({
    ...first,
    id: tagged(first.id, i, items),
    // messaging-api carries the WhatsApp id beside its own; both identify the message.
    ...(typeof first.messageIdExt === 'string' ? { messageIdExt: tagged(first.messageIdExt, i, items) } : {}),
  }));
  holder.messages = Array.isArray(holder.messages) || items > 1 ? copies : copies[0];
  const segments = JSON.stringify(parsed).split(MARK);
  const url = new URL(request.url);
  const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => !HOP_HEADERS.has(name)));
  return { provider, items, path: `${url.pathname}${url.search}`, headers, body: (n) => segments.join(String(n)) };
}

/**
 * Delivery statuses built from `request`, a captured status delivery of
 * message `messageId`: `body(n)` is the status of message `<messageId>-<n>`,
 * so every delivery concerns a message the status order store has not seen.
 */
export function statusTemplate(provider, request, messageId) {
  const segments = request.body.split(messageId);
  if (segments.length < 2) throw new Error(`${provider}: the captured status does not carry message id ${messageId}`);
  const url = new URL(request.url);
  const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => !HOP_HEADERS.has(name)));
  return { provider, items: 1, path: `${url.pathname}${url.search}`, headers, body: (n) => segments.join(`${messageId}-${n}`) };
}

/** Meta's signature of a webhook body (`X-Hub-Signature-256`), as a Cloud API app verifies it. */
export function metaSignature(appSecret, body) {
  return `sha256=${createHmac('sha256', appSecret).update(body).digest('hex')}`;
}

/**
 * A source of unique deliveries for the load generator: `next()` returns
 * { path, headers, body } for the next delivery number. With `appSecret`,
 * each one carries Meta's signature of its body.
 */
export function deliverySource(template, { appSecret, start = 0 } = {}) {
  let n = start;
  return {
    next() {
      n += 1;
      const body = template.body(n);
      const headers = appSecret ? { ...template.headers, 'x-hub-signature-256': metaSignature(appSecret, body) } : template.headers;
      return { path: template.path, headers, body };
    },
    get sent() {
      return n - start;
    },
  };
}
