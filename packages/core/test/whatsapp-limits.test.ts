import {
  ConfigurationError,
  defineProvider,
  RateLimitError,
  type OutboundMessage,
  type RateLimitStore,
  type TokenBucketRule,
  type WebhookEvent,
} from '@wamux/core/adapter';
import { CustomerWindowClosedError } from '../src/whatsapp-limits/customer-window-closed-error';
import { createMemoryCustomerWindowStore, type CustomerWindowStore } from '../src/whatsapp-limits/customer-window-store';
import { WhatsAppLimitsOptionSchema, type WhatsAppLimitsOption } from '../src/whatsapp-limits/options';
import { isThroughputEvent, throughputEvent, WHATSAPP_THROUGHPUT_EVENT } from '../src/whatsapp-limits/throughput-event';
import { createWhatsAppLimits } from '../src/whatsapp-limits/whatsapp-limits';
import * as v from 'valibot';
import { ALL_CAPABILITIES, minimalDriver } from './support';

const PHONE = '+905551112233';
const BSUID = 'US.13491208655302741918';
const HOUR = 60 * 60 * 1000;
const START = Date.parse('2026-03-01T10:00:00Z');

/** A clock the test moves by hand. */
function fakeClock(start = START) {
  let time = start;
  return { now: () => time, advance: (ms: number) => (time += ms) };
}

/** A provider over a driver that records sends and returns `events` from every webhook. */
function limitedProvider(whatsappLimits: WhatsAppLimitsOption, events: WebhookEvent[] = []) {
  const send = jest.fn(async () => ({ id: 'sent-1', raw: {} }));
  const driver = minimalDriver({ send, parseWebhook: async () => ({ events }), capabilities: { ...ALL_CAPABILITIES, features: ['recipients.bsuid'] } });
  return { provider: defineProvider(driver, {}, { whatsappLimits, sender: '1234567890' }), send };
}

const webhook = { method: 'POST', url: 'http://x/', headers: {}, body: '{}' };
const text = (to = PHONE): OutboundMessage => ({ type: 'text', to, text: 'hi' });
const template = (to = PHONE): OutboundMessage => ({ type: 'template', to, template: { name: 'order_update', language: 'en' } });
const inbound = (at: number, customer: { phone?: string; bsuid?: string } = { phone: PHONE }): WebhookEvent => ({
  type: 'message',
  provider: 'fake',
  message: { id: `in-${at}`, from: customer.phone ?? customer.bsuid ?? PHONE, customer, timestamp: new Date(at), content: { type: 'text', text: 'hello' } },
  raw: {},
});

describe('whatsappLimits: the customer service window', () => {
  it('lets a free-form reply through inside the window, refuses it after 24 hours before any I/O, and always lets a template through', async () => {
    const clock = fakeClock();
    const { provider, send } = limitedProvider({ customerWindow: true, clock: clock.now }, [inbound(START)]);
    await provider.parseWebhook(webhook);

    clock.advance(23 * HOUR);
    await expect(provider.send(text())).resolves.toMatchObject({ id: 'sent-1' });
    clock.advance(HOUR);
    const error = await provider.send(text()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CustomerWindowClosedError);
    expect(error).toMatchObject({ code: 'window_closed', delivery: 'not_sent', retryable: false, provider: 'fake', closedAt: new Date(START + 24 * HOUR) });
    expect((error as Error).message).toMatch(/template/);
    // The customer's number never appears in clear.
    expect((error as Error).message).not.toContain(PHONE);
    expect(JSON.stringify(error)).not.toContain(PHONE);
    expect(send).toHaveBeenCalledTimes(1);

    await expect(provider.send(template())).resolves.toMatchObject({ id: 'sent-1' });
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('refuses reactions and every other non-template type outside the window', async () => {
    const clock = fakeClock();
    const { provider } = limitedProvider({ customerWindow: true, clock: clock.now }, [inbound(START)]);
    await provider.parseWebhook(webhook);
    clock.advance(25 * HOUR);
    await expect(provider.send({ type: 'reaction', to: PHONE, messageId: 'wamid.1', emoji: '👍' })).rejects.toBeInstanceOf(CustomerWindowClosedError);
    await expect(provider.send({ type: 'image', to: PHONE, media: { url: 'https://example.com/a.png' } })).rejects.toMatchObject({ code: 'window_closed' });
  });

  it('does not refuse a customer it never heard from (unknown window)', async () => {
    const { provider, send } = limitedProvider({ customerWindow: true, clock: fakeClock().now });
    await expect(provider.send(text('+14155550100'))).resolves.toMatchObject({ id: 'sent-1' });
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('a new message from the customer opens the window again; an older redelivery does not shorten it', async () => {
    const clock = fakeClock();
    const events: WebhookEvent[] = [inbound(START)];
    const { provider } = limitedProvider({ customerWindow: true, clock: clock.now }, events);
    await provider.parseWebhook(webhook);
    clock.advance(30 * HOUR);
    await expect(provider.send(text())).rejects.toBeInstanceOf(CustomerWindowClosedError);

    events.splice(0, 1, inbound(START + 29 * HOUR));
    await provider.parseWebhook(webhook);
    events.splice(0, 1, inbound(START));
    await provider.parseWebhook(webhook);
    await expect(provider.send(text())).resolves.toMatchObject({ id: 'sent-1' });
  });

  it('keys the window by every identifier: a reply by BSUID or by phone number finds it', async () => {
    const clock = fakeClock();
    const { provider } = limitedProvider({ customerWindow: true, clock: clock.now }, [inbound(START, { phone: PHONE, bsuid: BSUID })]);
    await provider.parseWebhook(webhook);
    clock.advance(25 * HOUR);
    await expect(provider.send(text(BSUID))).rejects.toBeInstanceOf(CustomerWindowClosedError);
    await expect(provider.send(text(PHONE))).rejects.toBeInstanceOf(CustomerWindowClosedError);
  });

  it('a message timestamped in the future opens the window from now, not from then', async () => {
    const clock = fakeClock();
    const { provider } = limitedProvider({ customerWindow: true, clock: clock.now }, [inbound(START + 10 * HOUR)]);
    await provider.parseWebhook(webhook);
    clock.advance(24 * HOUR);
    await expect(provider.send(text())).rejects.toBeInstanceOf(CustomerWindowClosedError);
  });

  it('uses the store it is given, so providers sharing it share windows; a store that fails is read as unknown', async () => {
    const clock = fakeClock();
    const store = createMemoryCustomerWindowStore({ now: clock.now });
    const receiver = limitedProvider({ phoneNumber: '+14155550000', customerWindow: { store }, clock: clock.now }, [inbound(START)]);
    const sender = limitedProvider({ phoneNumber: '+14155550000', customerWindow: { store }, clock: clock.now });
    await receiver.provider.parseWebhook(webhook);
    clock.advance(25 * HOUR);
    await expect(sender.provider.send(text())).rejects.toBeInstanceOf(CustomerWindowClosedError);

    const broken: CustomerWindowStore = { record: () => undefined, lastInbound: () => Promise.reject(new Error('down')) };
    const lenient = limitedProvider({ customerWindow: { store: broken } });
    await expect(lenient.provider.send(text())).resolves.toMatchObject({ id: 'sent-1' });
  });

  it('a store that cannot record fails parseWebhook, so the vendor redelivers', async () => {
    const broken: CustomerWindowStore = { record: () => Promise.reject(new Error('down')), lastInbound: () => undefined };
    const { provider } = limitedProvider({ customerWindow: { store: broken } }, [inbound(Date.now())]);
    await expect(provider.parseWebhook(webhook)).rejects.toThrow('down');
  });
});

describe('whatsappLimits: the pair rate', () => {
  it('allows the burst to one customer, then refuses with a RateLimitError and retryAfter; other customers are not held up', async () => {
    const clock = fakeClock();
    const { provider, send } = limitedProvider({ pairRate: { interval: 6_000, burst: 2, maxWait: 0 }, clock: clock.now });
    await provider.send(text());
    await provider.send(text());
    const error = await provider.send(text()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ code: 'rate_limited', delivery: 'not_sent', retryable: true });
    expect((error as RateLimitError).retryAfter).toBeGreaterThan(6_000);
    expect((error as RateLimitError).retryAfter).toBeLessThanOrEqual(6_000 * 1.01 * 2 + 1);
    expect((error as Error).message).not.toContain(PHONE);
    expect(send).toHaveBeenCalledTimes(2);

    await expect(provider.send(text('+14155550100'))).resolves.toMatchObject({ id: 'sent-1' });
    clock.advance(6_100);
    await expect(provider.send(text())).resolves.toMatchObject({ id: 'sent-1' });
  });

  it('defaults to Meta’s rate: bursts of 45, then one message every 6 seconds', async () => {
    const clock = fakeClock();
    const { provider } = limitedProvider({ pairRate: { maxWait: 0 }, clock: clock.now });
    for (let i = 0; i < 45; i += 1) await provider.send(text());
    await expect(provider.send(text())).rejects.toBeInstanceOf(RateLimitError);
    clock.advance(6_100);
    await expect(provider.send(text())).resolves.toMatchObject({ id: 'sent-1' });
    await expect(provider.send(text())).rejects.toBeInstanceOf(RateLimitError);
  });

  it('waits for a slot within maxWait; an abort during the wait rejects with AbortError, not_sent', async () => {
    const { provider, send } = limitedProvider({ pairRate: { interval: 20, burst: 1, maxWait: 5_000 } });
    await provider.send(text());
    await expect(provider.send(text())).resolves.toMatchObject({ id: 'sent-1' });
    expect(send).toHaveBeenCalledTimes(2);

    const slow = limitedProvider({ pairRate: { interval: 60_000, burst: 1, maxWait: 120_000 } });
    await slow.provider.send(text());
    const controller = new AbortController();
    const waiting = slow.provider.send(text(), { signal: controller.signal });
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ code: 'aborted', delivery: 'not_sent' });
    expect(slow.send).toHaveBeenCalledTimes(1);
  });

  it('keeps its buckets in the given RateLimitStore, keyed by the business number and the customer', async () => {
    const keys: string[] = [];
    const store: RateLimitStore = {
      take: (key) => {
        keys.push(key);
        return 0;
      },
      blockUntil: () => undefined,
    };
    const { provider } = limitedProvider({ phoneNumber: '+14155550000', pairRate: true, store });
    await provider.send(text());
    await provider.send(text(BSUID));
    expect(keys).toEqual([`wa:+14155550000:pair:${PHONE}`, `wa:+14155550000:pair:${BSUID}`]);
  });
});

describe('whatsappLimits: the throughput', () => {
  /** A store that grants every take and records the rule it was asked with. */
  function recordingStore() {
    const takes: Array<{ key: string; rule: TokenBucketRule }> = [];
    const store: RateLimitStore = {
      take: (key, rule) => {
        takes.push({ key, rule });
        return 0;
      },
      blockUntil: () => undefined,
    };
    const perSecond = () => {
      const last = takes.at(-1);
      return last === undefined ? undefined : Math.round(last.rule.refillPerMs * 1000 * 1.01);
    };
    return { store, takes, perSecond };
  }

  it('spends one token per send from the business number’s bucket, at 80 messages per second by default', async () => {
    const { store, takes, perSecond } = recordingStore();
    const { provider } = limitedProvider({ throughput: true, store });
    await provider.send(text());
    expect(takes).toHaveLength(1);
    expect(takes[0]?.key).toBe('wa:fake:1234567890:throughput');
    expect(perSecond()).toBe(80);
  });

  it('takes a number of messages per second, and follows the throughput events of its number', async () => {
    const { store, perSecond } = recordingStore();
    const events: WebhookEvent[] = [];
    const { provider } = limitedProvider({ phoneNumber: '+14155550000', throughput: 20, store }, events);
    await provider.send(text());
    expect(perSecond()).toBe(20);

    events.push(throughputEvent('fake', { phoneNumber: '+14155550000', messagesPerSecond: 1_000 }, {}));
    await provider.parseWebhook(webhook);
    await provider.send(text());
    expect(perSecond()).toBe(1_000);

    // Another number of the same account: not this provider's limit.
    events.splice(0, 1, throughputEvent('fake', { phoneNumber: '+14155559999', messagesPerSecond: 80 }, {}));
    await provider.parseWebhook(webhook);
    await provider.send(text());
    expect(perSecond()).toBe(1_000);

    // A malformed event is an ordinary provider event, and changes nothing.
    events.splice(0, 1, { type: 'provider_event', provider: 'fake', kind: WHATSAPP_THROUGHPUT_EVENT, payload: { messagesPerSecond: -5 }, raw: {} });
    await provider.parseWebhook(webhook);
    await provider.send(text());
    expect(perSecond()).toBe(1_000);
  });

  it('a send that would overflow the queue is refused with rate_limit_queue_full; one aborted while queued is not_sent', async () => {
    const { provider, send } = limitedProvider({ throughput: { messagesPerSecond: 1, maxQueue: 1 } });
    await provider.send(text());
    // The bucket is empty for about a second: the next send queues, and the one after finds the queue full.
    const controller = new AbortController();
    const queued = provider.send(text('+14155550100'), { signal: controller.signal });
    await expect(provider.send(text('+14155550101'))).rejects.toMatchObject({ code: 'rate_limit_queue_full', delivery: 'not_sent' });
    controller.abort();
    await expect(queued).rejects.toMatchObject({ code: 'aborted', delivery: 'not_sent' });
    expect(send).toHaveBeenCalledTimes(1);
  });
});

describe('whatsappLimits: options', () => {
  it('is off unless asked for: no option, false, or an object turning nothing on', () => {
    expect(createWhatsAppLimits(undefined, { provider: 'fake' })).toBeUndefined();
    expect(createWhatsAppLimits(false, { provider: 'fake' })).toBeUndefined();
    expect(createWhatsAppLimits({ throughput: false, pairRate: false }, { provider: 'fake' })).toBeUndefined();
  });

  it('true turns all three on with Meta’s defaults', async () => {
    const limits = createWhatsAppLimits(true, { provider: 'fake' });
    expect(limits?.throughput?.messagesPerSecond).toBe(80);
  });

  it.each<[unknown, string]>([
    [{ throughput: 0 }, 'whatsappLimits.throughput'],
    [{ throughput: { messagesPerSecond: -1 } }, 'whatsappLimits.throughput.messagesPerSecond'],
    [{ pairRate: { interval: 1.5 } }, 'whatsappLimits.pairRate.interval'],
    [{ pairRate: { maxWait: -1 } }, 'whatsappLimits.pairRate.maxWait'],
    [{ throughput: { maxQueue: 0 } }, 'whatsappLimits.throughput.maxQueue'],
    [{ clock: 5 }, 'whatsappLimits.clock'],
    [{ customerWindow: { store: {} } }, 'whatsappLimits.customerWindow.store'],
    [{ store: { take: 1 } }, 'whatsappLimits.store'],
    [{ phoneNumber: '0555' }, 'whatsappLimits.phoneNumber'],
  ])('refuses %p with a ConfigurationError naming %s', (option, field) => {
    const error = (() => {
      try {
        defineProvider(minimalDriver(), {}, { whatsappLimits: option as WhatsAppLimitsOption });
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error).toMatchObject({ field, provider: 'fake' });
  });

  it('refuses an unknown key (a typo) rather than ignoring it', () => {
    expect(() => defineProvider(minimalDriver(), {}, { whatsappLimits: { pairrate: true } as never })).toThrow(ConfigurationError);
  });

  it('the schema adapters spread into their options accepts the documented forms', () => {
    for (const option of [
      true,
      false,
      { throughput: 1000, pairRate: true, customerWindow: { store: createMemoryCustomerWindowStore() } },
      { throughput: { messagesPerSecond: 20, burst: 5 } },
    ]) {
      expect(v.safeParse(WhatsAppLimitsOptionSchema, option).success).toBe(true);
    }
  });

  it('recognises a throughput event only with a well-formed payload', () => {
    expect(isThroughputEvent(throughputEvent('fake', { messagesPerSecond: 80 }, {}))).toBe(true);
    expect(isThroughputEvent({ type: 'provider_event', provider: 'fake', kind: WHATSAPP_THROUGHPUT_EVENT, payload: { mps: 80 }, raw: {} })).toBe(false);
  });
});
