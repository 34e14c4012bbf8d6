import { WebhookListenerError, type ProviderEvent, type WebhookParseResult } from '@wamux/core/adapter';
import { answerContactInfo, contactInfoRequest } from '../map/contact-info';
import { MESSAGING_API_PROVIDER, type ContactInfoHandler, type ContactInfoRequest } from '../options';
import type { ContactInfoUpdate, InBoundContact } from '../wire/contact';

/** The parse result of a `contact/info` request: the answer as the reply, and the request as an event. */
export async function contactInfoResult(contact: InBoundContact, raw: unknown, handler: ContactInfoHandler | undefined): Promise<WebhookParseResult> {
  const request = contactInfoRequest(contact);
  let answer: ContactInfoUpdate;
  try {
    answer = await answerContactInfo(request, handler);
  } catch (cause) {
    // The app's callback failed or answered an invalid update: the app's
    // fault, not the vendor's, so the handler answers 500 and the vendor asks again.
    throw new WebhookListenerError('the onContactInfo callback failed', { provider: MESSAGING_API_PROVIDER, cause });
  }
  const event: ProviderEvent<'contact_info_request', ContactInfoRequest> = {
    type: 'provider_event',
    provider: MESSAGING_API_PROVIDER,
    kind: 'contact_info_request',
    payload: request,
    raw,
  };
  return { events: [event], reply: { status: 200, body: answer } };
}
