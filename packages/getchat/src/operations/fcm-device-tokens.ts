import * as v from 'valibot';
import type { GetchatContext } from '../client';
import { FcmDeviceTokenWire, type GetchatFcmDeviceToken } from '../wire/inbox-status';
import { callOperation, callOperationIgnoringBody } from '../client/call';
import { IntIdInput, listOptionEntries, parseArgs, requestSignal, splitListOptions, type RequestOptions } from '../map/input';
import { listOperation, type ListOptions } from '../client/list';

/** Filters of `fcmDeviceTokens.list`. */
export interface GetchatFcmDeviceTokenFilters extends ListOptions {
  /** Only this token. */
  token?: string | undefined;
}

const TokenInput = v.pipe(v.string('must be a string'), v.nonEmpty('must not be empty'));
const FiltersInput = v.optional(v.strictObject({ ...listOptionEntries, token: v.optional(TokenInput) }), {});

/**
 * Firebase Cloud Messaging tokens of the authenticated user's devices, for
 * push notifications. Re-register each token about once a month, and
 * deregister it when the user logs out on that device.
 */
export interface GetchatFcmDeviceTokensOperations {
  /**
   * `listFcmDeviceTokens` (`GET /fcm_device_tokens/`, path inferred).
   * @experimental The path of `listFcmDeviceTokens` is inferred (no public source): override it with the `paths` option if your inbox answers 404.
   */
  list(filters?: GetchatFcmDeviceTokenFilters): AsyncGenerator<GetchatFcmDeviceToken, void, undefined>;
  /**
   * `registerFcmDeviceToken` (`POST /fcm_device_tokens/`, path inferred): registers or re-registers a token.
   * @experimental The path of `registerFcmDeviceToken` is inferred (no public source): override it with the `paths` option if your inbox answers 404.
   */
  register(token: string, options?: RequestOptions): Promise<GetchatFcmDeviceToken>;
  /**
   * `updateFcmDeviceToken` (`PUT /fcm_device_tokens/{id}/`, path inferred): swaps a device's old token for a new one.
   * @experimental The path of `updateFcmDeviceToken` is inferred (no public source): override it with the `paths` option if your inbox answers 404.
   */
  update(id: number, token: string, options?: RequestOptions): Promise<GetchatFcmDeviceToken>;
  /**
   * `deregisterFcmDeviceToken` (`DELETE /fcm_device_tokens/{id}/`, path inferred): stops push messages to the device.
   * @experimental The path of `deregisterFcmDeviceToken` is inferred (no public source): override it with the `paths` option if your inbox answers 404.
   */
  deregister(id: number, options?: RequestOptions): Promise<void>;
}

/** Creates the `fcmDeviceTokens` namespace. */
export function createFcmDeviceTokensOperations(ctx: GetchatContext): GetchatFcmDeviceTokensOperations {
  return {
    list(filters) {
      const { paging, filters: query } = splitListOptions(parseArgs(FiltersInput, filters, 'filters'));
      return listOperation(ctx, 'listFcmDeviceTokens', { query: { token: query.token }, item: FcmDeviceTokenWire, options: paging });
    },

    async register(token, options) {
      const value = parseArgs(TokenInput, token, 'token');
      return callOperation(ctx, 'registerFcmDeviceToken', { json: { token: value }, schema: FcmDeviceTokenWire, signal: requestSignal(options) });
    },

    async update(id, token, options) {
      const deviceId = parseArgs(IntIdInput, id, 'id');
      const value = parseArgs(TokenInput, token, 'token');
      return callOperation(ctx, 'updateFcmDeviceToken', {
        params: { id: deviceId },
        json: { token: value },
        schema: FcmDeviceTokenWire,
        signal: requestSignal(options),
      });
    },

    async deregister(id, options) {
      const deviceId = parseArgs(IntIdInput, id, 'id');
      await callOperationIgnoringBody(ctx, 'deregisterFcmDeviceToken', { params: { id: deviceId }, signal: requestSignal(options) });
    },
  };
}
