import { toE164, type ListOptions, type PhoneNumber } from '@wamux/core/adapter';
import type { Desk360Client } from '../client';
import { listPages } from '../client/pages';
import { paths } from '../client/paths';
import { readVendor } from '../client/read-vendor';
import { IntegrationSchema } from '../wire/integrations';

/** One WhatsApp integration (number) of the account. */
export interface Desk360Integration {
  /** What the other calls take as `integrationId`. */
  id: number;
  /** `display_name`, or `name` (the document's example shows both). */
  name: string | undefined;
  /** `phone_number`, as E.164. */
  phoneNumber: PhoneNumber | undefined;
  /** `logo`, as sent (the document's example puts a phone number in it). */
  logo: string | undefined;
  /** The listed object, untouched. */
  raw: unknown;
}

/** The Integrations section of the document. */
export interface Desk360IntegrationOperations {
  /** `GET /v1/integrations`: every integration, page by page (20 a page, next page from the `Link` header). */
  list(options?: ListOptions): AsyncIterable<Desk360Integration>;
}

/** Creates the Integrations operations. */
export function createIntegrationOperations(client: Desk360Client): Desk360IntegrationOperations {
  return {
    list: (options = {}) =>
      listPages(
        {
          http: client.http,
          path: paths.integrations,
          item: (raw) => {
            const item = readVendor(IntegrationSchema, raw, 'an integration');
            return {
              id: item.id,
              name: item.display_name ?? item.name,
              phoneNumber: item.phone_number === undefined ? undefined : toE164(item.phone_number),
              logo: item.logo,
              raw,
            };
          },
        },
        options,
      ),
  };
}
