import type { GetchatContext } from '../client';
import { HealthStatusWire, type GetchatHealthStatus } from '../wire/inbox-status';
import { callOperation } from '../client/call';
import { requestSignal, type RequestOptions } from '../map/input';
import { pageEnvelope } from '../wire/page';

/** Health of the inbox and its plugins. */
export interface GetchatHealthOperations {
  /**
   * `listHealthStatuses` (`GET /status/health/`): every check with `isOk`.
   * The document answers a bare array; a list envelope is accepted too.
   */
  list(options?: RequestOptions): Promise<GetchatHealthStatus[]>;
}

/** Creates the `health` namespace. */
export function createHealthOperations(ctx: GetchatContext): GetchatHealthOperations {
  return {
    async list(options) {
      const page = await callOperation(ctx, 'listHealthStatuses', { schema: pageEnvelope(HealthStatusWire), signal: requestSignal(options) });
      return page.items;
    },
  };
}
