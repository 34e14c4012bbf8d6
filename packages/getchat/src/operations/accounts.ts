import * as v from 'valibot';
import type { GetchatContext } from '../client';
import { listOptionEntries, parseArgs, splitListOptions } from '../map/input';
import { listOperation, type ListOptions } from '../client/list';
import { LenientBoolean, LenientString, maybe } from '../wire/lenient';

/**
 * A WhatsApp Business number connected to the inbox. The document leaves the
 * fields out; these are the ones get.chat's web inbox reads, and `raw` keeps
 * the rest.
 */
export interface GetchatWhatsAppAccount {
  /** The number, as get.chat sends it. */
  phoneNumber?: string | undefined;
  /** True for the account this inbox (this API base URL) serves. */
  thisInstance?: boolean | undefined;
  raw: Record<string, unknown>;
}

const AccountWire = v.pipe(
  v.looseObject({ phone_number: maybe(LenientString), this_instance: maybe(LenientBoolean) }),
  v.transform(
    (account): GetchatWhatsAppAccount => ({ phoneNumber: account.phone_number, thisInstance: account.this_instance, raw: account as Record<string, unknown> }),
  ),
);

/** Options of `accounts.list`. */
export interface GetchatListAccountsOptions extends ListOptions {
  /** The document's `this_instance` filter (a string), e.g. `"true"`. */
  thisInstance?: string | boolean | undefined;
}

const ListAccountsInput = v.optional(
  v.strictObject({ ...listOptionEntries, thisInstance: v.optional(v.union([v.string(), v.boolean()], 'must be a string or a boolean')) }),
  {},
);

/** The WhatsApp Accounts section of the document. */
export interface GetchatAccountsOperations {
  /** `listWhatsAppAccounts` (`GET /whatsapp_accounts/`): every account, page by page. */
  list(options?: GetchatListAccountsOptions): AsyncGenerator<GetchatWhatsAppAccount, void, undefined>;
}

/** Creates the `accounts` namespace. */
export function createAccountsOperations(ctx: GetchatContext): GetchatAccountsOperations {
  return {
    list(options) {
      const { paging, filters } = splitListOptions(parseArgs(ListAccountsInput, options, 'options'));
      return listOperation(ctx, 'listWhatsAppAccounts', { query: { this_instance: filters.thisInstance }, item: AccountWire, options: paging });
    },
  };
}
