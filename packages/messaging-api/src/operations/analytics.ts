import { parseInput, type CallOptions } from '@wamux/core/adapter';
import { ENDPOINTS, type MessagingApiClient } from '../client';
import { MESSAGING_API_PROVIDER } from '../options';
import {
  DigitalEventDtoSchema,
  DigitalEventResultSchema,
  DigitalObjectDtoSchema,
  DigitalObjectResultSchema,
  type DigitalEventDto,
  type DigitalEventResult,
  type DigitalObjectDto,
  type DigitalObjectResult,
} from '../wire/analytics';

/** Digital analytics: customer data and customer events. */
export interface AnalyticsOperations {
  /** `POST /data/push`: uploads customer details. */
  pushData(data: DigitalObjectDto, options?: CallOptions): Promise<DigitalObjectResult | undefined>;
  /** `POST /event/push`: uploads a customer event. */
  pushEvent(event: DigitalEventDto, options?: CallOptions): Promise<DigitalEventResult | undefined>;
}

/** Creates the `analytics` operations. Pushes are not repeated on failure: the document does not say they are idempotent. */
export function createAnalyticsOperations(client: MessagingApiClient): AnalyticsOperations {
  return {
    async pushData(data, { signal } = {}) {
      const valid = parseInput(DigitalObjectDtoSchema, data, { root: 'data', provider: MESSAGING_API_PROVIDER });
      return client.one(DigitalObjectResultSchema, { method: 'POST', path: ENDPOINTS.pushData, json: valid, signal });
    },

    async pushEvent(event, { signal } = {}) {
      const valid = parseInput(DigitalEventDtoSchema, event, { root: 'event', provider: MESSAGING_API_PROVIDER });
      return client.one(DigitalEventResultSchema, { method: 'POST', path: ENDPOINTS.pushEvent, json: valid, signal });
    },
  };
}
