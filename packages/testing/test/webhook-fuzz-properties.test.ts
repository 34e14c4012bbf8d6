// The webhook fuzz properties (test-support/webhook-fuzz.ts) must be able to
// fail: each broken parser below has one of the bugs the adapters' fuzz tests
// guard against, and the properties must find it within a few hundred runs.
// A careful parser is the control.
import { WebhookPayloadError, type Provider, type WebhookEvent, type WebhookParseResult, type WebhookRequest } from '@wamux/core';
import { fuzzWebhooks, type WebhookFuzzTarget } from '../../../test-support/webhook-fuzz';

const SECRET = 'fuzz-self-test-secret';
const BODIES = [
  {
    items: [
      { id: 'wamid.1', from: '905551112233', status: 'delivered', text: 'Hello' },
      { id: 'wamid.2', from: '905551112233', status: 'read', text: 'Bye' },
    ],
  },
];

type Item = Record<string, unknown>;

/** A provider around `read`, which turns each item of a parsed body into events. */
function fakeProvider(read: (item: Item, path: string) => WebhookEvent[]): Provider {
  const parseWebhook = async (request: WebhookRequest): Promise<WebhookParseResult> => {
    let body: unknown;
    try {
      body = JSON.parse(request.body);
    } catch {
      throw new WebhookPayloadError('not JSON', { provider: 'fake', status: 400 });
    }
    const items = (body as { items?: unknown } | null)?.items;
    if (!Array.isArray(items)) throw new WebhookPayloadError('no items', { provider: 'fake', status: 400, field: 'items' });
    return { events: items.flatMap((item, index) => read(item as Item, `items.${index}`)) };
  };
  return { name: 'fake', parseWebhook, close: async () => undefined } as unknown as Provider;
}

function target(read: (item: Item, path: string) => WebhookEvent[]): WebhookFuzzTarget {
  return {
    name: 'fake',
    createProvider: () => fakeProvider(read),
    bodies: BODIES,
    authenticate: ({ url }) => url.searchParams.set('auth', SECRET),
    secrets: [SECRET],
  };
}

const message = (id: unknown, text: unknown): WebhookEvent => ({
  type: 'message',
  provider: 'fake',
  message: {
    id: id as string,
    from: '+905551112233',
    customer: { phone: '+905551112233' },
    timestamp: new Date(0),
    content: { type: 'text', text: text as string },
  } as never,
  raw: {},
});

/** Refuses what the model cannot hold, naming the field; reads vocabularies as own keys only. */
function careful(item: Item, path: string): WebhookEvent[] {
  if (item === null || typeof item !== 'object') throw new WebhookPayloadError('not an object', { provider: 'fake', status: 400, field: path });
  if (typeof item.id !== 'string' || item.id.trim() === '') throw new WebhookPayloadError('no id', { provider: 'fake', status: 400, field: `${path}.id` });
  return [message(item.id, typeof item.text === 'string' ? item.text : '')];
}

const STATUSES: Record<string, 'delivered' | 'read'> = { delivered: 'delivered', read: 'read' };
const RUNS = { runs: 400, seed: 42 };

describe('the webhook fuzz properties', () => {
  afterEach(() => {
    // The pollution test leaves this behind when it passes (the property saw it); never for the next test.
    delete (Object.prototype as Record<string, unknown>).polluted;
  });

  it('pass a careful parser', async () => {
    await expect(fuzzWebhooks(target(careful), RUNS)).resolves.toBeUndefined();
  });

  it('find an event with an empty id', async () => {
    const emptyIds = (item: Item, path: string) => (typeof item?.id === 'string' ? [message(item.id, 'x')] : careful(item, path));
    await expect(fuzzWebhooks(target(emptyIds), RUNS)).rejects.toThrow(/message\.id: Invalid length/);
  });

  it('find a raw TypeError escaping the parser', async () => {
    const unchecked = (item: Item) => [message(String((item.text as string).trim() || 'x'), 'x')];
    await expect(fuzzWebhooks(target(unchecked), RUNS)).rejects.toThrow(/non-wamux error: TypeError/);
  });

  it('find a status word looked up through the prototype chain', async () => {
    const inherited = (item: Item, path: string): WebhookEvent[] => {
      careful(item, path);
      const status = typeof item.status === 'string' ? STATUSES[item.status] : undefined;
      if (status === undefined) return [];
      return [{ type: 'status', provider: 'fake', status: { messageId: item.id as string, status }, raw: item }];
    };
    await expect(fuzzWebhooks(target(inherited), RUNS)).rejects.toThrow(/status\.status: Invalid type/);
  });

  it('find a parser that pollutes Object.prototype with a naive merge', async () => {
    const merge = (into: Record<string, unknown>, from: unknown): void => {
      if (from === null || typeof from !== 'object') return;
      for (const [key, value] of Object.entries(from)) {
        if (value !== null && typeof value === 'object') {
          into[key] ??= {};
          merge(into[key] as Record<string, unknown>, value);
        } else into[key] = value;
      }
    };
    const polluting = (item: Item, path: string) => {
      merge({}, item);
      return careful(item, path);
    };
    await expect(fuzzWebhooks(target(polluting), RUNS)).rejects.toThrow(/polluted|prototype/);
  });
});
