import { parseJsonBody, toValidationIssues, WebhookPayloadError, type WebhookParseResult, type WebhookRequest } from '@wamux/core/adapter';
import * as v from 'valibot';
import { MESSAGING_API_PROVIDER, type ContactInfoHandler } from '../options';
import { InBoundContactSchema } from '../wire/contact';
import { InBoundWrapperSchema } from '../wire/inbound';
import { contactInfoResult } from './contact-info';
import { notificationEvents } from './notification';
import { verifyToken, type WebhookAuth } from './verify';

/** What the webhook parser needs from the options. */
export interface WebhookParserOptions extends WebhookAuth {
  onContactInfo: ContactInfoHandler | undefined;
}

/** The two requests the vendor makes to the app. */
type InboundRequestKind = 'notification' | 'contact_info';

const NOTIFICATION_KEYS = ['messages', 'statuses', 'events', 'actions', 'contacts', 'meta'];
const CONTACT_KEYS = ['contactId', 'channelId', 'lane', 'profile', 'businessProfile', 'csid', 'contactType'];

/**
 * Which request this is. The document gives each its own path
 * (`/contact/info`, `/message/receive`) but configures a single webhook URL,
 * so the body's shape decides: a notification has item lists (`messages`,
 * `statuses`, ...), a contact has contact fields (`contactId`, `profile`,
 * ...). Only a body with neither is placed by its URL's path.
 */
function inboundRequestKind(url: string, body: Record<string, unknown>): InboundRequestKind {
  if (NOTIFICATION_KEYS.some((key) => Object.hasOwn(body, key))) return 'notification';
  if (CONTACT_KEYS.some((key) => Object.hasOwn(body, key))) return 'contact_info';
  return /\/contact\/info\/?$/i.test(pathOf(url)) ? 'contact_info' : 'notification';
}

/**
 * Creates the adapter's `parseWebhook`: the verify token is checked first
 * (a wrong or missing one is a `WebhookVerificationError`, which webhook
 * handlers answer with 401), then the body is parsed and normalized. A body
 * not in the documented shape, or an item without an id, refuses the whole
 * delivery with a `WebhookPayloadError` whose `field` names the path at
 * fault (`statuses.2.id`); nothing else escapes.
 */
export function createWebhookParser(options: WebhookParserOptions): (request: WebhookRequest) => Promise<WebhookParseResult> {
  return async (request) => {
    verifyToken(request, options);
    const body = parseJsonBody(request, MESSAGING_API_PROVIDER);
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new WebhookPayloadError('the webhook body must be a JSON object', { provider: MESSAGING_API_PROVIDER, status: 400 });
    }
    const record = body as Record<string, unknown>;
    if (inboundRequestKind(request.url, record) === 'contact_info') {
      return contactInfoResult(parseBody(InBoundContactSchema, record, 'contact/info'), record, options.onContactInfo);
    }
    const wrapper = parseBody(InBoundWrapperSchema, record, 'message/receive');
    requireIds(wrapper.messages, record, 'messages');
    requireIds(wrapper.statuses, record, 'statuses');
    return { events: notificationEvents(wrapper, record, new Date()) };
  };
}

/**
 * Refuses a message or status whose id is blank. The id is the model's
 * `id` / `messageId` and the webhook handler's de-duplication key: emitted,
 * a blank one would break the model, and the next blank-id item (a
 * different one) would be dropped as its duplicate. The schema already
 * refuses a missing one; this names the field the same way.
 */
function requireIds(items: ReadonlyArray<{ id: string }>, body: Record<string, unknown>, key: 'messages' | 'statuses'): void {
  const index = items.findIndex((item) => item.id.trim() === '');
  if (index === -1) return;
  // A single object where the document has an array is read as a list of one: its path has no index.
  const field = Array.isArray(body[key]) ? `${key}.${index}.id` : `${key}.id`;
  throw new WebhookPayloadError(`the message/receive body is not in the documented shape: ${field}: must not be blank`, {
    provider: MESSAGING_API_PROVIDER,
    status: 400,
    field,
  });
}

function parseBody<TSchema extends v.GenericSchema>(schema: TSchema, body: unknown, what: string): v.InferOutput<TSchema> {
  const result = v.safeParse(schema, body);
  if (result.success) return result.output;
  const issues = toValidationIssues(result.issues);
  const first = issues[0];
  const field = first === undefined || first.path === '(root)' ? '(body)' : first.path;
  throw new WebhookPayloadError(`the ${what} body is not in the documented shape: ${field}: ${first?.message}`, {
    provider: MESSAGING_API_PROVIDER,
    status: 400,
    field,
    details: { issues: issues.slice(0, 5) },
  });
}

function pathOf(url: string): string {
  try {
    return new URL(url, 'http://localhost').pathname;
  } catch {
    return '';
  }
}
