import { MAX_MESSAGES_PER_SECOND, toE164, type ThroughputPayload } from '@wamux/core/adapter';
import * as v from 'valibot';
import { PhoneNumberQualityUpdateSchema } from '../wire/webhook';

/**
 * The throughput a `phone_number_quality_update` announces, for core's
 * throughput limiter, or `undefined` when it announces none. Meta sends
 * `event: THROUGHPUT_UPGRADE` when a number moves to higher throughput
 * (1,000 messages per second); other events change the messaging limit
 * (conversations per day), not the rate.
 */
export function throughputFromQualityUpdate(value: unknown): ThroughputPayload | undefined {
  const parsed = v.safeParse(PhoneNumberQualityUpdateSchema, value);
  if (!parsed.success || parsed.output.event !== 'THROUGHPUT_UPGRADE') return undefined;
  const phoneNumber = parsed.output.display_phone_number === undefined ? undefined : toE164(parsed.output.display_phone_number);
  return phoneNumber === undefined ? { messagesPerSecond: MAX_MESSAGES_PER_SECOND } : { phoneNumber, messagesPerSecond: MAX_MESSAGES_PER_SECOND };
}
