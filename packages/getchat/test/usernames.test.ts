import { createWebhookHandler, customerKey, UnsupportedFeatureError, webhookRequest, type WebhookEvent } from '@wamux/core';
import { webhookEventIssues } from '@wamux/testing';
import { createGetchatProvider, getchatCapabilities } from '../src';
import { createGetchatEmulator, type GetchatEmulator } from '../src/emulator';
import {
  contactRequestReply,
  incomingFromUsernameUser,
  issue21Delivery,
  NEW_BSUID,
  SHEENA_BSUID,
  usernameFixtures,
  userChangedUserId,
} from './fixtures/usernames';

// WhatsApp usernames: a customer who hides their number is named by a
// business-scoped user ID (BSUID). get.chat forwards the Cloud API's fields;
// every such message must be a `message` event the app can key and answer.

const SECRET = 'usernames-hook-secret-9c1e';

const provider = createGetchatProvider({ baseUrl: 'https://acme.inbox.getchat.360dialog.io/api/v1', token: 'api-token-not-used-here', webhookSecret: SECRET });

const deliver = (body: unknown) => provider.parseWebhook(webhookRequest({ url: `https://bot.example/hook?auth=${SECRET}`, body: JSON.stringify(body) }));

const messages = (events: WebhookEvent[]) => events.filter((e): e is Extract<WebhookEvent, { type: 'message' }> => e.type === 'message');

describe("getchat: the documents' username payloads", () => {
  it.each(usernameFixtures.map((fixture) => [fixture.name, fixture] as const))('%s', async (_name, fixture) => {
    const { events } = await deliver(fixture.body);
    expect(events.map((e) => e.type)).toEqual(fixture.events.map((e) => e.type));
    fixture.events.forEach((expected, index) => {
      const event = events[index];
      // toEqual, not toMatchObject: no identifier may be added or lost.
      if (expected.type === 'message') expect(event?.type === 'message' && event.message).toEqual(expected.message);
      else expect(event?.type === 'status' && event.status).toEqual(expected.status);
      expect(webhookEventIssues(event, 'getchat')).toEqual([]);
    });
  });

  it('issue 21: the username user reaches message listeners with the BSUID, not a provider event', async () => {
    const handler = createWebhookHandler(provider, { dedupe: false });
    const seen: WebhookEvent[] = [];
    handler.on('message', (event) => seen.push(event));
    handler.on('provider_event', (event) => seen.push(event));
    const response = await handler.handle(webhookRequest({ url: `https://bot.example/hook?auth=${SECRET}`, body: JSON.stringify(issue21Delivery) }));
    expect(response.status).toBe(200);
    expect(seen.map((e) => e.type)).toEqual(['message']);
    expect(messages(seen)[0]?.message.from).toBe('BR.1502576394655843');
  });

  it('the on-premise shape (top-level fields) reads the same fields', async () => {
    const value = incomingFromUsernameUser.entry[0]?.changes[0]?.value;
    const { events } = await deliver({ contacts: value?.contacts, messages: value?.messages });
    expect(messages(events)[0]?.message).toMatchObject({ from: SHEENA_BSUID, customer: { bsuid: SHEENA_BSUID, username: '@realsheenanelson' } });
  });

  it('get.chat message objects (incoming_messages) whose customer_wa_id is a BSUID are messages too', async () => {
    const item = {
      id: 'gc-bsuid-1',
      waba_payload: { from_user_id: SHEENA_BSUID, id: 'wamid.gc1', timestamp: '1749416383', type: 'text', text: { body: 'hi' } },
      contact: { wa_id: SHEENA_BSUID, waba_payload: { profile: { name: 'Sheena Nelson' } } },
      from_us: false,
      customer_wa_id: SHEENA_BSUID,
    };
    const { events } = await deliver({ incoming_messages: [item] });
    expect(messages(events)[0]?.message).toMatchObject({ id: 'wamid.gc1', from: SHEENA_BSUID, customer: { bsuid: SHEENA_BSUID } });
  });

  it('the stable key survives the phone number leaving later webhooks; a BSUID change says which key it replaces', async () => {
    const withPhone = await deliver({
      contacts: [{ profile: { name: 'Sheena Nelson' }, wa_id: '16315551111', user_id: SHEENA_BSUID }],
      messages: [{ from: '16315551111', from_user_id: SHEENA_BSUID, id: 'wamid.k1', timestamp: '1749416000', type: 'text', text: { body: 'first' } }],
    });
    const withoutPhone = await deliver(incomingFromUsernameUser);
    const [first] = messages(withPhone.events);
    const [later] = messages(withoutPhone.events);
    expect(first?.message.from).toBe('+16315551111');
    expect(later?.message.from).toBe(SHEENA_BSUID);
    expect(first && customerKey(first.message.customer)).toBe(later && customerKey(later.message.customer));

    const [change] = messages((await deliver(userChangedUserId)).events);
    const previous = change?.message.customer.previous;
    expect(previous && customerKey(previous)).toBe(SHEENA_BSUID);
    expect(change && customerKey(change.message.customer)).toBe(NEW_BSUID);
  });

  it('a message naming no customer at all is still refused by field, not guessed', async () => {
    const { events } = await deliver({ messages: [{ id: 'wamid.nobody', timestamp: '1749416383', type: 'text', text: { body: 'who?' } }] });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'provider_event', kind: 'unrecognized', payload: { field: 'messages', path: 'messages.0.from' } });
  });

  it('a contacts message that is not a contact request does not make the card the sender', async () => {
    const value = contactRequestReply.entry[0]?.changes[0]?.value;
    const forwarded = { ...value, messages: value?.messages.map((m) => ({ ...m, origin: 'other' })) };
    const [message] = messages((await deliver(forwarded)).events);
    expect(message?.message.from).toBe(SHEENA_BSUID);
    expect(message?.message.customer.phone).toBeUndefined();
  });
});

describe('getchat: sending to a BSUID', () => {
  let emulator: GetchatEmulator;
  beforeAll(async () => {
    emulator = await createGetchatEmulator();
  });
  afterAll(async () => {
    await emulator.close();
  });

  it('is not a capability (createMessage takes a wa_id): refused before any request', async () => {
    expect(getchatCapabilities.features).not.toContain('recipients.bsuid');
    expect(getchatCapabilities.features).toContain('webhooks.bsuid');
    const live = createGetchatProvider({ baseUrl: emulator.url, allowInsecureHttp: true, token: emulator.credentials.token, webhookSecret: SECRET });
    const before = emulator.requests().length;
    const error = await live.send({ type: 'text', to: SHEENA_BSUID, text: 'Yes, in blue.' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedFeatureError);
    expect((error as UnsupportedFeatureError).delivery).toBe('not_sent');
    expect(emulator.requests()).toHaveLength(before);
    await live.close();
  });
});

describe('getchat emulator: a username user', () => {
  let emulator: GetchatEmulator;
  beforeAll(async () => {
    emulator = await createGetchatEmulator();
  });
  afterAll(async () => {
    await emulator.close();
  });

  it('posts the Cloud API shape: no from / wa_id, the BSUIDs and the username', async () => {
    const result = await emulator.simulateInbound({
      from: SHEENA_BSUID,
      customer: { parentBsuid: 'US.ENT.11815799212886844830', username: 'realsheenanelson' },
      profileName: 'Sheena Nelson',
      content: { type: 'text', text: 'hi' },
    });
    const value = (result.payload as typeof incomingFromUsernameUser).entry[0]?.changes[0]?.value;
    expect(value?.contacts).toEqual([
      { profile: { name: 'Sheena Nelson', username: 'realsheenanelson' }, user_id: SHEENA_BSUID, parent_user_id: 'US.ENT.11815799212886844830' },
    ]);
    expect(value?.messages[0]).toMatchObject({ from_user_id: SHEENA_BSUID, from_parent_user_id: 'US.ENT.11815799212886844830' });
    expect(value?.messages[0]).not.toHaveProperty('from');
  });

  it('a status names the recipient by BSUID; failed ones come without contacts, sent ones without the username', async () => {
    const customer = { bsuid: SHEENA_BSUID, username: 'realsheenanelson' };
    const statusValue = async (status: 'sent' | 'delivered' | 'failed') => {
      const result = await emulator.simulateStatus({ messageId: 'wamid.x', status, recipient: '+16315551111', customer });
      return (result.payload as typeof incomingFromUsernameUser & { entry: Array<{ changes: Array<{ value: Record<string, unknown> }> }> }).entry[0]?.changes[0]
        ?.value;
    };
    expect(await statusValue('delivered')).toMatchObject({
      contacts: [{ profile: { username: 'realsheenanelson' }, wa_id: '16315551111', user_id: SHEENA_BSUID }],
      statuses: [{ recipient_id: '16315551111', recipient_user_id: SHEENA_BSUID, status: 'delivered' }],
    });
    const sent = await statusValue('sent');
    expect((sent?.contacts as Array<{ profile: object }> | undefined)?.[0]?.profile).not.toHaveProperty('username');
    expect(await statusValue('failed')).not.toHaveProperty('contacts');
  });
});
