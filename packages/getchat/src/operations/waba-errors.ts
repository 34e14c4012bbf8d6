import type { GetchatContext } from '../client';
import { WabaErrorWire, type GetchatWabaError } from '../wire/inbox-status';
import { callOperation } from '../client/call';
import { IntIdInput, parseArgs, requestSignal, type RequestOptions } from '../map/input';
import { PlainListOptionsInput } from './shared/plain-list';
import { listOperation, type ListOptions } from '../client/list';

/** Errors WhatsApp (WABA) reported to the inbox. */
export interface GetchatWabaErrorsOperations {
  /** `listWabaErrors` (`GET /errors/waba/`). */
  list(options?: ListOptions): AsyncGenerator<GetchatWabaError, void, undefined>;
  /**
   * `retrieveWabaError` (`GET /errors/waba/{id}/`, path inferred).
   * @experimental The path of `retrieveWabaError` is inferred (no public source): override it with the `paths` option if your inbox answers 404.
   */
  retrieve(id: number, options?: RequestOptions): Promise<GetchatWabaError>;
}

/** Creates the `wabaErrors` namespace. */
export function createWabaErrorsOperations(ctx: GetchatContext): GetchatWabaErrorsOperations {
  return {
    list(options) {
      return listOperation(ctx, 'listWabaErrors', { item: WabaErrorWire, options: parseArgs(PlainListOptionsInput, options, 'options') });
    },

    async retrieve(id, options) {
      const errorId = parseArgs(IntIdInput, id, 'id');
      return callOperation(ctx, 'retrieveWabaError', { params: { id: errorId }, schema: WabaErrorWire, signal: requestSignal(options) });
    },
  };
}
