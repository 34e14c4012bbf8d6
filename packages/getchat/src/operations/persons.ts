import * as v from 'valibot';
import type { GetchatContext } from '../client';
import { PersonWire, type GetchatPerson } from '../wire/persons';
import { callOperation } from '../client/call';
import { listOptionEntries, parseArgs, requestSignal, splitListOptions, WaIdInput, type RequestOptions } from '../map/input';
import { listOperation, type ListOptions } from '../client/list';

/** Filters of `persons.list`. */
export interface GetchatPersonFilters extends ListOptions {
  /** Matches `waba_payload.wa_id` and `waba_payload.profile.name`. */
  search?: string | undefined;
}

const PersonFiltersInput = v.optional(v.strictObject({ ...listOptionEntries, search: v.optional(v.string('must be a string')) }), {});

/** Persons: the WhatsApp users who contacted the inbox. */
export interface GetchatPersonsOperations {
  /** `listPeople` (`GET /persons/`): every person, page by page, optionally filtered by `search`. */
  list(filters?: GetchatPersonFilters): AsyncGenerator<GetchatPerson, void, undefined>;
  /** `retrievePerson` (`GET /persons/{wa_id}/`). `waId` may carry a leading `+`. */
  retrieve(waId: string, options?: RequestOptions): Promise<GetchatPerson>;
}

/** Creates the `persons` namespace. */
export function createPersonsOperations(ctx: GetchatContext): GetchatPersonsOperations {
  return {
    list(filters) {
      const { paging, filters: query } = splitListOptions(parseArgs(PersonFiltersInput, filters, 'filters'));
      return listOperation(ctx, 'listPeople', { query: { search: query.search }, item: PersonWire, options: paging });
    },

    async retrieve(waId, options) {
      const id = parseArgs(WaIdInput, waId, 'waId');
      const signal = requestSignal(options);
      return callOperation(ctx, 'retrievePerson', { params: { wa_id: id }, schema: PersonWire, signal });
    },
  };
}
