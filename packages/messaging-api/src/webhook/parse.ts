import { parseJsonBody, safeParse, toValidationIssues, WebhookPayloadError, type WebhookParseResult, type WebhookRequest } from '@wamux/core';
import * as v from 'valibot';
import { PROVIDER } from '../provider-name';
import { InBoundContactSchema } from '../wire/contact';
import { InBoundWrapperSchema } from '../wire/inbound';
import { contactInfoResult, type ContactInfoHandler } from './contact-info';
import { notificationEvents } from './notification';
import { verifyToken } from './verify';

/** What the webhook parser needs from the options. */
export interface WebhookParserOptions {
  verifyToken: string | undefined;
  onContactInfo: ContactInfoHandler | undefined;
}

/** The two requests the vendor makes to the app. */
export type InboundRequestKind = 'notification' | 'contact_info';

const NOTIFICATION_KEYS = ['messages', 'statuses', 'events', 'actions', 'contacts', 'meta'];
const CONTACT_KEYS = ['contactId', 'channelId', 'lane', 'profile', 'businessProfile', 'csid', 'contactType'];

/**
 * Which request this is. The document gives each its own path
 * (`/contact/info`, `/message/receive`) but configures a single webhook URL,
 * so the body's shape decides: a notification has item lists (`messages`,
 * `statuses`, ...), a contact has contact fields (`contactId`, `profile`,
 * ...). Only a body with neither is placed by its URL's path.
 */
export function inboundRequestKind(url: string, body: Record<string, unknown>): InboundRequestKind {
  if (NOTIFICATION_KEYS.some((key) => key in body)) return 'notification';
  if (CONTACT_KEYS.some((key) => key in body)) return 'contact_info';
  return /\/contact\/info\/?$/i.test(pathOf(url)) ? 'contact_info' : 'notification';
}

/**
 * Creates the adapter's `parseWebhook`: the verify token is checked first
 * (a wrong or missing one is a `WebhookVerificationError`, which webhook
 * handlers answer with 401), then the body is parsed and normalized.
 */
export function createWebhookParser(options: WebhookParserOptions): (request: WebhookRequest) => Promise<WebhookParseResult> {
  return async (request) => {
    verifyToken(request, options.verifyToken);
    const body = parseJsonBody(request, PROVIDER);
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new WebhookPayloadError('the webhook body must be a JSON object', { provider: PROVIDER, status: 400 });
    }
    const record = body as Record<string, unknown>;
    if (inboundRequestKind(request.url, record) === 'contact_info') {
      return contactInfoResult(parseBody(InBoundContactSchema, record, 'contact/info'), record, options.onContactInfo);
    }
    return { events: notificationEvents(parseBody(InBoundWrapperSchema, record, 'message/receive'), record, new Date()) };
  };
}

function parseBody<TSchema extends v.GenericSchema>(schema: TSchema, body: unknown, what: string): v.InferOutput<TSchema> {
  const result = safeParse(schema, body);
  if (result.success) return result.output;
  const issues = toValidationIssues(result.issues);
  const first = issues[0];
  throw new WebhookPayloadError(`the ${what} body is not in the documented shape: ${first?.path}: ${first?.message}`, {
    provider: PROVIDER,
    status: 400,
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
