import { WebhookPayloadError, type WebhookEvent } from '@wamux/core';
import { parseCloudWebhook } from '@wamux/whatsapp-cloud';
import { META_WEBHOOK_FIXTURES } from './fixtures/meta-webhooks';

const parse = (body: unknown) => parseCloudWebhook(body, { provider: 'cloud-api' });

describe("Meta's documented webhook bodies", () => {
  it.each(META_WEBHOOK_FIXTURES.map((fixture) => [fixture.name, fixture] as const))('%s', (_name, fixture) => {
    const events = parse(fixture.body);
    expect(events.map((event) => event.type)).toEqual(fixture.events.map((event) => event.type));
    for (const [index, expected] of fixture.events.entries()) expect(events[index]).toMatchObject({ provider: 'cloud-api', ...expected });
  });
});

describe('a batch', () => {
  const message = (id: string, text: string) => ({ from: '16505551234', id, timestamp: '1739321024', type: 'text', text: { body: text } });
  const status = (id: string, word: string) => ({ id, status: word, timestamp: '1739321025', recipient_id: '16505551234' });
  const batch = {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              metadata: { display_phone_number: '15550783881' },
              contacts: [{ wa_id: '16505551234', profile: { name: 'Sheena' } }],
              messages: [message('m1', 'one'), message('m2', 'two')],
              statuses: [status('s1', 'delivered')],
            },
          },
          { field: 'phone_number_quality_update', value: { display_phone_number: '15550783881', event: 'UPGRADE', current_limit: 'TIER_10K' } },
        ],
      },
      {
        id: '102290129340399',
        changes: [
          {
            field: 'messages',
            value: {
              statuses: [status('s2', 'read'), status('s3', 'no-such-word')],
              messages: [{ id: 'm3', type: 'text', text: { body: 'no sender' }, timestamp: '1' }],
            },
          },
        ],
      },
    ],
  };

  it('becomes every event of every entry and change, in order', () => {
    const events = parse(batch);
    const summary = events.map((event: WebhookEvent) =>
      event.type === 'message'
        ? `message:${event.message.id}`
        : event.type === 'status'
          ? `status:${event.status.messageId}:${event.status.status}`
          : `event:${event.kind}`,
    );
    expect(summary).toEqual([
      'message:m1',
      'message:m2',
      'status:s1:delivered',
      'event:phone_number_quality_update',
      'event:unrecognized',
      'status:s2:read',
      'event:unknown_status',
    ]);
  });

  it('names where an unreadable item is, and keeps the rest of the batch', () => {
    const events = parse(batch);
    const unrecognized = events.find((event) => event.type === 'provider_event' && event.kind === 'unrecognized');
    expect(unrecognized).toMatchObject({ payload: { field: 'messages', path: 'entry.1.changes.0.value.messages.0.from' } });
    expect(events.filter((event) => event.type === 'status')).toHaveLength(2);
  });

  it('takes one object where Meta documents an array, and numbers where it documents strings', () => {
    const events = parse({
      entry: { id: 1, changes: { field: 'messages', value: { messages: { from: 16505551234, id: 'x1', timestamp: 1739321024000, text: { body: 7 } } } } },
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'message',
      message: { id: 'x1', from: '+16505551234', timestamp: new Date(1739321024000), content: { type: 'text', text: '7' } },
    });
  });

  it('reads a username user named by BSUID only', () => {
    const events = parse({
      entry: [
        {
          changes: [
            {
              field: 'messages',
              value: {
                contacts: [{ user_id: 'US.13491208655302741918', profile: { name: 'Sheena Nelson', username: 'realsheenanelson' } }],
                messages: [{ from_user_id: 'US.13491208655302741918', id: 'b1', timestamp: '1739321024', type: 'text', text: { body: 'hi' } }],
              },
            },
          ],
        },
      ],
    });
    expect(events[0]).toMatchObject({
      type: 'message',
      message: { from: 'US.13491208655302741918', customer: { bsuid: 'US.13491208655302741918', username: 'realsheenanelson', name: 'Sheena Nelson' } },
    });
  });

  it("maps the types the model lacks to unsupported with Meta's name, keeping the raw payload", () => {
    const events = parse({
      entry: [
        {
          changes: [
            {
              field: 'messages',
              value: {
                messages: [
                  {
                    from: '16505551234',
                    id: 'f1',
                    timestamp: '1',
                    type: 'interactive',
                    interactive: { type: 'nfm_reply', nfm_reply: { name: 'flow', body: 'Sent', response_json: '{"a":1}' } },
                  },
                  {
                    from: '16505551234',
                    id: 'o1',
                    timestamp: '1',
                    type: 'order',
                    order: {
                      catalog_id: '1',
                      text: 'my order',
                      product_items: [{ product_retailer_id: 'sku', quantity: 1, item_price: 9.5, currency: 'USD' }],
                    },
                  },
                  {
                    from: '16505551234',
                    id: 'y1',
                    timestamp: '1',
                    type: 'system',
                    system: { body: 'User A changed from 1 to 2', type: 'user_changed_number', new_wa_id: '16505559999' },
                  },
                ],
              },
            },
          ],
        },
      ],
    });
    expect(events.map((event) => (event.type === 'message' ? event.message.content : undefined))).toEqual([
      { type: 'unsupported', originalType: 'nfm_reply', text: 'Sent' },
      { type: 'unsupported', originalType: 'order', text: 'my order' },
      { type: 'unsupported', originalType: 'system', text: 'User A changed from 1 to 2' },
    ]);
    expect(events[2]).toMatchObject({ message: { from: '+16505559999', customer: { phone: '+16505559999', previous: { phone: '+16505551234' } } } });
    expect((events[0] as { raw: unknown }).raw).toMatchObject({ interactive: { nfm_reply: { response_json: '{"a":1}' } } });
  });

  it('refuses a body that is not a Cloud API delivery with a WebhookPayloadError', () => {
    expect(() => parse([1, 2])).toThrow(WebhookPayloadError);
    expect(() => parse({ hello: 'world' })).toThrow(expect.objectContaining({ field: 'entry', status: 400 }));
  });
});
