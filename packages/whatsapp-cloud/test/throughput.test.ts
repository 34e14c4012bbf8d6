import { isThroughputEvent } from '@wamux/core';
import { parseCloudWebhook } from '@wamux/whatsapp-cloud';

/** A `phone_number_quality_update` delivery as Meta's webhook reference shows it. */
const qualityUpdate = (event: string) => ({
  object: 'whatsapp_business_account',
  entry: [
    {
      id: '102290129340398',
      time: 1739321024,
      changes: [
        {
          field: 'phone_number_quality_update',
          value: { display_phone_number: '15550783881', event, current_limit: 'TIER_UNLIMITED', max_daily_conversations_per_business: 'TIER_2K' },
        },
      ],
    },
  ],
});

describe('throughput webhooks', () => {
  it('turns THROUGHPUT_UPGRADE into the event core’s throughput limiter follows, keeping the field’s own event', () => {
    const events = parseCloudWebhook(qualityUpdate('THROUGHPUT_UPGRADE'), { provider: 'cloud-api' });
    expect(events.map((event) => (event.type === 'provider_event' ? event.kind : event.type))).toEqual(['phone_number_quality_update', 'whatsapp.throughput']);
    const throughput = events.find(isThroughputEvent);
    expect(throughput?.payload).toEqual({ phoneNumber: '+15550783881', messagesPerSecond: 1000 });
  });

  it('does not read a messaging-limit change as a throughput change', () => {
    const events = parseCloudWebhook(qualityUpdate('ONBOARDING'), { provider: 'cloud-api' });
    expect(events.filter(isThroughputEvent)).toEqual([]);
    expect(events).toHaveLength(1);
  });
});
