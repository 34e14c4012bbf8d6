import type { GetchatContext } from '../context';
import { HealthStatusWire, type GetchatHealthStatus } from './schemas/status';
import { callOperation } from './shared/call';
import { requestSignal, type RequestOptions } from './shared/input';
import { pageEnvelope } from './shared/list';

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
