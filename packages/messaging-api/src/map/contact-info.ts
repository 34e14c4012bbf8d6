import { parseInput, toE164 } from '@wamux/core/adapter';
import { MESSAGING_API_PROVIDER, type ContactInfoHandler, type ContactInfoRequest } from '../options';
import { ContactInfoUpdateSchema, type ContactInfoUpdate, type InBoundContact } from '../wire/contact';

/** The vendor's `contact/info` request as the handler and the event see it. */
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
  return parseInput(ContactInfoUpdateSchema, answer, { root: 'contactInfo', provider: MESSAGING_API_PROVIDER });
}
