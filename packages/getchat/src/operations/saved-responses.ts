import * as v from 'valibot';
import type { GetchatContext } from '../client';
import { SavedResponseWire, type GetchatSavedResponse } from '../wire/saved-responses';
import { callOperation, callOperationIgnoringBody } from '../client/call';
import { IntIdInput, listOptionEntries, parseArgs, requestSignal, splitListOptions, type RequestOptions } from '../map/input';
import { listOperation, type ListOptions } from '../client/list';

/** Filters of `savedResponses.list`. */
export interface GetchatSavedResponseFilters extends ListOptions {
  /** Only responses containing this text. */
  text?: string | undefined;
}

const FiltersInput = v.optional(v.strictObject({ ...listOptionEntries, text: v.optional(v.string('must be a string')) }), {});
const TextInput = v.pipe(v.string('must be a string'), v.nonEmpty('must not be empty'));

/** Saved responses: reusable texts for the inbox's users. */
export interface GetchatSavedResponsesOperations {
  /** `listSavedResponses` (`GET /saved_responses/`), optionally only those containing `text`. */
  list(filters?: GetchatSavedResponseFilters): AsyncGenerator<GetchatSavedResponse, void, undefined>;
  /** `createSavedResponse` (`POST /saved_responses/`). */
  create(text: string, options?: RequestOptions): Promise<GetchatSavedResponse>;
  /** `deleteSavedResponse` (`DELETE /saved_responses/{id}/`). */
  delete(id: number, options?: RequestOptions): Promise<void>;
}

/** Creates the `savedResponses` namespace. */
export function createSavedResponsesOperations(ctx: GetchatContext): GetchatSavedResponsesOperations {
  return {
    list(filters) {
      const { paging, filters: query } = splitListOptions(parseArgs(FiltersInput, filters, 'filters'));
      return listOperation(ctx, 'listSavedResponses', { query: { text: query.text }, item: SavedResponseWire, options: paging });
    },

    async create(text, options) {
      const value = parseArgs(TextInput, text, 'text');
      const signal = requestSignal(options);
      return callOperation(ctx, 'createSavedResponse', { json: { text: value }, schema: SavedResponseWire, signal });
    },

    async delete(id, options) {
      const responseId = parseArgs(IntIdInput, id, 'id');
      const signal = requestSignal(options);
      await callOperationIgnoringBody(ctx, 'deleteSavedResponse', { params: { id: responseId }, signal });
    },
  };
}
