import * as v from 'valibot';
import { paginate } from '@wamux/core/adapter';
import type { GetchatContext } from '../client';
import {
  BlockedContactsPageWire,
  ContactWire,
  ResolvedContactWire,
  VerifyContactsWire,
  type GetchatBlockedContact,
  type GetchatContact,
  type GetchatContactVerification,
  type GetchatResolvedContact,
} from '../wire/contacts';
import { callOperation, callOperationIgnoringBody } from '../client/call';
import { listOptionEntries, parseArgs, requestSignal, splitListOptions, WaIdInput, type RequestOptions } from '../map/input';
import { listOperation, type ListOptions } from '../client/list';

/** Filters of `contacts.list`. */
export interface GetchatContactFilters extends ListOptions {
  /** Searching is expensive for the Contact Providers: send it once the user has finished typing. */
  search?: string | undefined;
}

/** Filters of `contacts.listBlocked`. */
export interface GetchatBlockedContactFilters extends ListOptions {
  /** Only this phone number. */
  phoneNumber?: string | undefined;
}

/** Fields of `contacts.verify` (deprecated by get.chat: Cloud API has no such call). */
export interface GetchatVerifyContactsInput {
  /** Phone numbers in any standard format; `+` and the country code are recommended. */
  contacts: string[];
  /** Wait for processing to complete before answering. Default `no_wait`. */
  blocking?: 'no_wait' | 'wait' | undefined;
  /** Bypass WhatsApp's 7-day contact cache. */
  forceCheck?: boolean | undefined;
}

/** Fields of `contacts.report`. */
export interface GetchatReportContactInput {
  /** Free-form reason, at most 60 characters. */
  reason?: string | undefined;
  /** Also block the number. Default false. */
  block?: boolean | undefined;
  /** The WhatsApp id of the message being reported. */
  messageId?: string | undefined;
}

const ContactFiltersInput = v.optional(v.strictObject({ ...listOptionEntries, search: v.optional(v.string('must be a string')) }), {});
const BlockedFiltersInput = v.optional(v.strictObject({ ...listOptionEntries, phoneNumber: v.optional(WaIdInput) }), {});
const VerifyInput = v.strictObject({
  contacts: v.pipe(
    v.array(v.pipe(v.string('must be a string'), v.nonEmpty('must not be empty')), 'must be an array of phone numbers'),
    v.minLength(1, 'must list at least one number'),
  ),
  blocking: v.optional(v.picklist(['no_wait', 'wait'], 'must be no_wait or wait')),
  forceCheck: v.optional(v.boolean('must be a boolean')),
});
/** A free-text reason as block/report/unblock take it: at most 60 characters. */
const ReasonInput = v.pipe(v.string('must be a string'), v.maxLength(60, 'must be at most 60 characters'));
const ReasonOnlyInput = v.optional(v.strictObject({ reason: v.optional(ReasonInput), signal: v.optional(v.instance(AbortSignal)) }), {});
const ReportInput = v.optional(
  v.strictObject({
    reason: v.optional(ReasonInput),
    block: v.optional(v.boolean('must be a boolean')),
    messageId: v.optional(v.pipe(v.string('must be a string'), v.nonEmpty('must not be empty'))),
    signal: v.optional(v.instance(AbortSignal)),
  }),
  {},
);

/**
 * Contacts: what the inbox's Contact Providers know about WhatsApp users,
 * plus WhatsApp's verify, block, report and unblock calls.
 */
export interface GetchatContactsOperations {
  /** `listContacts` (`GET /contacts/`): contacts from every connected Contact Provider. */
  list(filters?: GetchatContactFilters): AsyncGenerator<GetchatContact, void, undefined>;
  /** `resolveContact` (`GET /contacts/{wa_id}/`): one person's details from every provider. Expensive: use sparingly. */
  resolve(waId: string, options?: RequestOptions): Promise<GetchatResolvedContact>;
  /**
   * `verifyContacts` (`POST /contacts/verify/`). Deprecated by get.chat: the
   * Cloud API has no such call and the latest On-Premises API answers `valid`
   * for every number.
   */
  verify(input: GetchatVerifyContactsInput, options?: RequestOptions): Promise<GetchatContactVerification[]>;
  /**
   * `blockContact` (`POST /contacts/block/?wa_id=`, path inferred): blocks a
   * number for spam or abuse. It must have messaged you in the last 24 hours.
   * @experimental The path of `blockContact` is inferred (no public source): override it with the `paths` option if your inbox answers 404.
   */
  block(waId: string, options?: { reason?: string | undefined } & RequestOptions): Promise<void>;
  /**
   * `reportContact` (`POST /contacts/report/?wa_id=`, path inferred): reports
   * a number to Meta, optionally blocking it too.
   * @experimental The path of `reportContact` is inferred (no public source): override it with the `paths` option if your inbox answers 404.
   */
  report(waId: string, options?: GetchatReportContactInput & RequestOptions): Promise<void>;
  /**
   * `unblockContact` (`POST /contacts/unblock/?wa_id=`, path inferred).
   * @experimental The path of `unblockContact` is inferred (no public source): override it with the `paths` option if your inbox answers 404.
   */
  unblock(waId: string, options?: { reason?: string | undefined } & RequestOptions): Promise<void>;
  /**
   * `listBlockedContacts` (`GET /contacts/blocked/`, path inferred): the numbers you blocked.
   * @experimental The path of `listBlockedContacts` is inferred (no public source): override it with the `paths` option if your inbox answers 404.
   */
  listBlocked(filters?: GetchatBlockedContactFilters): AsyncGenerator<GetchatBlockedContact, void, undefined>;
}

/** Creates the `contacts` namespace. */
export function createContactsOperations(ctx: GetchatContext): GetchatContactsOperations {
  return {
    list(filters) {
      const { paging, filters: query } = splitListOptions(parseArgs(ContactFiltersInput, filters, 'filters'));
      return listOperation(ctx, 'listContacts', { query: { search: query.search }, item: ContactWire, options: paging });
    },

    async resolve(waId, options) {
      const id = parseArgs(WaIdInput, waId, 'waId');
      const signal = requestSignal(options);
      return callOperation(ctx, 'resolveContact', { params: { wa_id: id }, schema: ResolvedContactWire, signal });
    },

    async verify(input, options) {
      const parsed = parseArgs(VerifyInput, input, 'input');
      const signal = requestSignal(options);
      return callOperation(ctx, 'verifyContacts', {
        json: { contacts: parsed.contacts, blocking: parsed.blocking, force_check: parsed.forceCheck },
        schema: VerifyContactsWire,
        signal,
      });
    },

    async block(waId, options) {
      const id = parseArgs(WaIdInput, waId, 'waId');
      const { reason, signal } = parseArgs(ReasonOnlyInput, options, 'options');
      await callOperationIgnoringBody(ctx, 'blockContact', { query: { wa_id: id }, json: { reason: reason ?? '' }, signal });
    },

    async report(waId, options) {
      const id = parseArgs(WaIdInput, waId, 'waId');
      const { reason, block, messageId, signal } = parseArgs(ReportInput, options, 'options');
      await callOperationIgnoringBody(ctx, 'reportContact', {
        query: { wa_id: id },
        json: { reason: reason ?? '', block: block ?? false, message_id: messageId },
        signal,
      });
    },

    async unblock(waId, options) {
      const id = parseArgs(WaIdInput, waId, 'waId');
      const { reason, signal } = parseArgs(ReasonOnlyInput, options, 'options');
      await callOperationIgnoringBody(ctx, 'unblockContact', { query: { wa_id: id }, json: { reason: reason ?? '' }, signal });
    },

    listBlocked(filters) {
      const { paging, filters: query } = splitListOptions(parseArgs(BlockedFiltersInput, filters, 'filters'));
      return paginate<GetchatBlockedContact, number>({
        limit: paging.limit,
        signal: paging.signal,
        fetchPage: async (cursor, signal) => {
          const offset = cursor ?? paging.offset;
          const page = await callOperation(ctx, 'listBlockedContacts', {
            query: { phone_number: query.phoneNumber, limit: paging.pageSize, offset },
            schema: BlockedContactsPageWire,
            signal,
          });
          const consumed = (offset ?? 0) + page.items.length;
          // Without `next` or a count, a full page is the only hint that another may follow.
          const more =
            page.hasNext ?? (page.count !== undefined ? consumed < page.count : paging.pageSize !== undefined && page.items.length >= paging.pageSize);
          return { items: page.items, next: more ? consumed : null };
        },
      });
    },
  };
}
