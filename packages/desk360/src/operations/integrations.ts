import { toE164, type ListOptions, type PhoneNumber } from '@wamux/core';
import * as v from 'valibot';
import type { Desk360Context } from '../context';
import { paths } from '../paths';
import { IntId, OptionalText } from '../wire/coerce';
import { listPages } from '../wire/pages';
import { readVendor } from '../wire/read-vendor';

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

const IntegrationSchema = v.looseObject({
  id: IntId,
  display_name: OptionalText,
  name: OptionalText,
  phone_number: OptionalText,
  logo: OptionalText,
});

/** The Integrations section of the document. */
export interface Desk360IntegrationOperations {
  /** `GET /v1/integrations`: every integration, page by page (20 a page, next page from the `Link` header). */
  list(options?: ListOptions): AsyncIterable<Desk360Integration>;
}

/** Creates the Integrations operations. */
export function createIntegrationOperations(ctx: Desk360Context): Desk360IntegrationOperations {
  return {
    list: (options = {}) =>
      listPages(
        {
          http: ctx.http,
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
