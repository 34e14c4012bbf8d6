import { parseInput, type CallOptions } from '@wamux/core/adapter';
import type * as v from 'valibot';
import { ENDPOINTS, type MessagingApiClient } from '../client';
import { answerContactInfo, contactInfoRequest } from '../map/contact-info';
import { MESSAGING_API_PROVIDER, type ResolvedOptions } from '../options';
import { ContactPrefsUpdateSchema, InBoundContactSchema, type ContactInfoUpdate, type ContactPrefsUpdate } from '../wire/contact';
import { InBoundEventSchema, type InBoundEvent } from '../wire/session';

/** Contact management: preferences, and the contact information the vendor asks the app for. */
export interface ContactOperations {
  /** `POST /contact/prefs/lang`: sets a contact's language. */
  setLanguage(request: ContactPrefsUpdate, options?: CallOptions): Promise<InBoundEvent[]>;
  /**
   * The answer to the vendor's `contact/info` request about `contact` (an
   * `InBoundContact`, as the vendor posts it): the `onContactInfo` callback's
   * update, validated, or `{}`. `parseWebhook` answers with it; call it
   * directly when that request reaches the app by another route.
   */
  answerInfo(contact: v.InferInput<typeof InBoundContactSchema>): Promise<ContactInfoUpdate>;
}

/** Creates the `contacts` operations. */
export function createContactOperations(client: MessagingApiClient, options: ResolvedOptions): ContactOperations {
  return {
    async setLanguage(request, { signal } = {}) {
      const valid = parseInput(ContactPrefsUpdateSchema, request, { root: 'request', provider: MESSAGING_API_PROVIDER });
      // Setting a preference to a given value twice is harmless.
      return client.list(InBoundEventSchema, { method: 'POST', path: ENDPOINTS.contactLanguage, json: valid, idempotent: true, signal });
    },

    async answerInfo(contact) {
      const valid = parseInput(InBoundContactSchema, contact, { root: 'contact', provider: MESSAGING_API_PROVIDER });
      return answerContactInfo(contactInfoRequest(valid), options.onContactInfo);
    },
  };
}
