import { parseInput, toE164, WebhookListenerError, type ProviderEvent, type WebhookParseResult } from '@wamux/core';
import type { ContactInfoRequest } from '../events';
import { PROVIDER } from '../provider-name';
import { ContactInfoUpdateSchema, type ContactInfoUpdate, type ContactInfoUpdateInput, type InBoundContact } from '../wire/contact';

/**
 * Answers the vendor's `contact/info` request with the contact details to
 * change. Return nothing (or `{}`) to change nothing.
 */
export type ContactInfoHandler = (
  request: ContactInfoRequest,
) => ContactInfoUpdateInput | undefined | void | Promise<ContactInfoUpdateInput | undefined | void>;

/** The request as the handler and the event see it. */
export function contactInfoRequest(contact: InBoundContact): ContactInfoRequest {
  return { contact, phone: toE164(contact.profile?.phone) ?? toE164(contact.businessProfile?.phone) };
}

/**
 * The answer: the handler's update, validated (a bad one throws a
 * `ValidationError` rooted at `contactInfo`), or `{}` without a handler or
 * when it returns nothing. `{}` is a valid `ContactInfoUpdate`: every field
 * is optional and absent fields are left unchanged.
 */
export async function answerContactInfo(request: ContactInfoRequest, handler: ContactInfoHandler | undefined): Promise<ContactInfoUpdate> {
  const answer = handler ? await handler(request) : undefined;
  if (answer === undefined || answer === null) return {};
  return parseInput(ContactInfoUpdateSchema, answer, { root: 'contactInfo', provider: PROVIDER });
}

/** The parse result of a `contact/info` request: the answer as the reply, and the request as an event. */
export async function contactInfoResult(contact: InBoundContact, raw: unknown, handler: ContactInfoHandler | undefined): Promise<WebhookParseResult> {
  const request = contactInfoRequest(contact);
  let answer: ContactInfoUpdate;
  try {
    answer = await answerContactInfo(request, handler);
  } catch (cause) {
    // The app's callback failed or answered an invalid update: the app's
    // fault, not the vendor's, so the handler answers 500 and the vendor asks again.
    throw new WebhookListenerError('the onContactInfo callback failed', { provider: PROVIDER, cause });
  }
  const event: ProviderEvent<'contact_info_request', ContactInfoRequest> = {
    type: 'provider_event',
    provider: PROVIDER,
    kind: 'contact_info_request',
    payload: request,
    raw,
  };
  return { events: [event], reply: { status: 200, body: answer } };
}
