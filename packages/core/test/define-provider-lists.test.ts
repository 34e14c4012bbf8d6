import { AbortError, defineProvider, ValidationError, type HistoryMessage, type ProviderDriver, type Template } from '@wamux/core/adapter';
import { ALL_CAPABILITIES, minimalDriver } from './support';

// defineProvider checks and enforces list options itself, so every adapter
// answers a bad `limit` with the same typed error, and none has to count.

const template = (name: string): Template =>
  ({ name, language: 'en', status: 'approved', category: 'utility', components: [], raw: {} }) as unknown as Template;

/** A driver whose lists yield `count` items, counting how many were pulled and whether the iterator was closed. */
function listingDriver(count = 10) {
  const pulled = { templates: 0, messages: 0, returned: 0 };
  const calls: unknown[] = [];
  async function* items<T>(make: (i: number) => T, counter: 'templates' | 'messages'): AsyncGenerator<T> {
    try {
      for (let i = 0; i < count; i += 1) {
        pulled[counter] += 1;
        yield make(i);
      }
    } finally {
      pulled.returned += 1;
    }
  }
  const driver = minimalDriver({
    capabilities: { ...ALL_CAPABILITIES, features: ['templates.list', 'messages.history'] },
    listTemplates: (options) => {
      calls.push(options);
      return items((i) => template(`t${i}`), 'templates');
    },
    listMessages: (query) => {
      calls.push(query);
      return items(
        (i): HistoryMessage => ({
          id: `m${i}`,
          direction: 'inbound',
          contact: '+905551112233',
          timestamp: new Date(0),
          content: { type: 'text', text: 'hi' },
          raw: {},
        }),
        'messages',
      );
    },
  } as Partial<ProviderDriver>);
  return { provider: defineProvider(driver), pulled, calls };
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

describe('defineProvider: list options', () => {
  it.each([-1, 1.5, Number.NaN, '3', Number.POSITIVE_INFINITY])(
    'refuses limit %p with a ValidationError on options.limit / query.limit, before the driver is called',
    async (limit) => {
      const { provider, calls } = listingDriver();
      await expect(collect(provider.listTemplates({ limit } as never))).rejects.toMatchObject({
        name: 'ValidationError',
        field: 'options.limit',
        delivery: 'not_sent',
      });
      await expect(collect(provider.listMessages({ limit } as never))).rejects.toBeInstanceOf(ValidationError);
      await expect(collect(provider.listMessages({ limit } as never))).rejects.toMatchObject({ field: 'query.limit', provider: 'fake' });
      expect(calls).toEqual([]);
    },
  );

  it('limit: 0 yields nothing and calls nothing', async () => {
    const { provider, calls } = listingDriver();
    await expect(collect(provider.listTemplates({ limit: 0 }))).resolves.toEqual([]);
    await expect(collect(provider.listMessages({ limit: 0 }))).resolves.toEqual([]);
    expect(calls).toEqual([]);
  });

  it('stops after limit items, pulls no further item, and closes the driver iterator', async () => {
    const { provider, pulled } = listingDriver();
    const templates = await collect(provider.listTemplates({ limit: 3 }));
    expect(templates.map((t) => t.name)).toEqual(['t0', 't1', 't2']);
    expect(pulled.templates).toBe(3);
    expect(pulled.returned).toBe(1);
    await expect(collect(provider.listMessages({ limit: 1 }))).resolves.toHaveLength(1);
    expect(pulled.messages).toBe(1);
  });

  it('without a limit, yields every item; a limit above the count yields them all', async () => {
    const { provider } = listingDriver(4);
    await expect(collect(provider.listTemplates())).resolves.toHaveLength(4);
    await expect(collect(provider.listTemplates({ limit: 100 }))).resolves.toHaveLength(4);
  });

  it('an aborted signal rejects with AbortError before the driver is called; an abort mid-way stops the list', async () => {
    const { provider, calls } = listingDriver();
    const controller = new AbortController();
    controller.abort();
    await expect(collect(provider.listTemplates({ signal: controller.signal }))).rejects.toBeInstanceOf(AbortError);
    await expect(collect(provider.listMessages({ signal: controller.signal }))).rejects.toMatchObject({ code: 'aborted' });
    expect(calls).toEqual([]);

    const midway = new AbortController();
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const item of provider.listTemplates({ signal: midway.signal })) {
          seen.push(item.name);
          if (seen.length === 2) midway.abort();
        }
      })(),
    ).rejects.toBeInstanceOf(AbortError);
    expect(seen).toEqual(['t0', 't1']);
  });

  it('checks the history query: contact E.164 or BSUID, Dates, order, signal', async () => {
    const { provider, calls } = listingDriver();
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ contact: '05551112233' }, 'query.contact'],
      [{ before: '2026-01-01' }, 'query.before'],
      [{ since: new Date(Number.NaN) }, 'query.since'],
      [{ order: 'asc' }, 'query.order'],
      [{ signal: {} }, 'query.signal'],
      [{ conversationId: '' }, 'query.conversationId'],
    ];
    for (const [query, field] of bad) {
      await expect(collect(provider.listMessages(query as never))).rejects.toMatchObject({ name: 'ValidationError', field });
    }
    await expect(collect(provider.listTemplates({ signal: 'no' } as never))).rejects.toMatchObject({ field: 'options.signal' });
    expect(calls).toEqual([]);

    const since = new Date('2026-01-01T00:00:00Z');
    await collect(provider.listMessages({ contact: 'US.13491208655302741918', since, order: 'oldest', limit: 2 }));
    expect(calls).toEqual([{ contact: 'US.13491208655302741918', since, order: 'oldest', limit: 2 }]);
  });

  it('the error message never echoes the value given', async () => {
    const { provider } = listingDriver();
    const error = await collect(provider.listMessages({ contact: '+90555SECRET' } as never)).catch((caught: unknown) => caught);
    expect(String((error as Error).message)).not.toContain('SECRET');
  });
});
