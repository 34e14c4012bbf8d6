import { createGetchatProvider, type GetchatProvider } from '../src';
import { createGetchatEmulator, type GetchatEmulator } from '../src/emulator';

const CUSTOMER = '+905551119988';
const OTHER = '+905551110000';

let emulator: GetchatEmulator;
let provider: GetchatProvider;

beforeAll(async () => {
  emulator = await createGetchatEmulator();
  provider = createGetchatProvider({ baseUrl: emulator.url, allowInsecureHttp: true, token: emulator.credentials.token, rateLimit: false });
});
afterAll(async () => {
  await provider.close();
  await emulator.close();
});
beforeEach(() => emulator.reset());

const at = (seconds: number) => new Date(seconds * 1000);

/**
 * Eight messages over five seconds; three share second 1000 and two share
 * 1003, so with two per page a second is split across pages.
 */
function seedHistory() {
  const seeded = emulator.seedMessages([
    { contact: CUSTOMER, direction: 'inbound', text: 'm1', timestamp: at(999) },
    { contact: CUSTOMER, direction: 'inbound', text: 'm2', timestamp: at(1000) },
    { contact: CUSTOMER, direction: 'outbound', text: 'm3', timestamp: at(1000) },
    { contact: CUSTOMER, direction: 'inbound', text: 'm4', timestamp: at(1000) },
    { contact: OTHER, direction: 'inbound', text: 'other chat', timestamp: at(1001) },
    { contact: CUSTOMER, direction: 'inbound', text: 'm5', timestamp: at(1002) },
    { contact: CUSTOMER, direction: 'outbound', text: 'm6', timestamp: at(1003) },
    { contact: CUSTOMER, direction: 'inbound', text: 'm7', timestamp: at(1003) },
  ]);
  return seeded.filter((_, index) => index !== 4).map((message) => message.getchatId);
}

const textOf = (message: { content: { type: string } }) => (message.content as { text?: string }).text;

describe('messages.history: before_time / since_time walks', () => {
  it('newest first: every message once, in order, while new messages arrive mid-walk', async () => {
    const expected = seedHistory().reverse();
    const seen: string[] = [];
    let page = 0;
    for await (const message of provider.messages.history({ waId: CUSTOMER, pageSize: 2 })) {
      seen.push(message.getchatId as string);
      if (seen.length % 2 === 0) {
        // Between pages: the customer writes, and the business answers.
        page += 1;
        emulator.seedMessages([{ contact: CUSTOMER, direction: 'inbound', text: `new ${page}`, timestamp: new Date() }]);
        await provider.send({ type: 'text', to: CUSTOMER, text: `reply ${page}` });
      }
    }
    expect(seen).toEqual(expected);

    const pages = emulator.requests().filter((r) => r.method === 'GET' && r.path.startsWith('/api/v1/messages/'));
    const queries = pages.map((r) => new URL(r.path, 'http://x').searchParams);
    expect(queries[0]?.get('before_time')).toBeNull();
    // Later pages: one second past the page's oldest message, and how many of that second were read.
    expect(queries.slice(1).map((q) => [q.get('before_time'), q.get('offset')])).toEqual([
      ['1004', '2'],
      ['1001', '1'],
      ['1001', '3'],
    ]);
  });

  it('oldest first: every message once, in order, and messages that arrive during the walk at its end', async () => {
    const expected = seedHistory();
    const seen: string[] = [];
    const arrived: string[] = [];
    for await (const message of provider.messages.history({ waId: CUSTOMER, since: at(998), order: 'oldest', pageSize: 2 })) {
      seen.push(message.getchatId as string);
      if (seen.length === 3) {
        const [late] = emulator.seedMessages([{ contact: CUSTOMER, direction: 'inbound', text: 'late', timestamp: at(1005) }]);
        arrived.push(late?.getchatId as string);
      }
    }
    expect(seen).toEqual([...expected, ...arrived]);
    const queries = emulator
      .requests()
      .filter((r) => r.method === 'GET' && r.path.startsWith('/api/v1/messages/'))
      .map((r) => new URL(r.path, 'http://x').searchParams);
    expect(queries.every((q) => q.get('since_time') !== null && q.get('before_time') === null)).toBe(true);
  });

  it('honours before, since and limit', async () => {
    seedHistory();
    const between = [];
    for await (const message of provider.messages.history({ waId: CUSTOMER, before: at(1003), since: at(999), pageSize: 2 })) between.push(textOf(message));
    expect(between).toEqual(['m5', 'm4', 'm3', 'm2']);
    const limited = [];
    for await (const message of provider.messages.history({ waId: CUSTOMER, limit: 3 })) limited.push(textOf(message));
    expect(limited).toEqual(['m7', 'm6', 'm5']);
  });

  it('the offset-paged list would repeat a message when one arrives mid-walk (why history exists)', async () => {
    seedHistory();
    const seen: string[] = [];
    for await (const message of provider.messages.list({ waId: CUSTOMER, pageSize: 2 })) {
      seen.push(message.getchatId as string);
      if (seen.length === 2) emulator.seedMessages([{ contact: CUSTOMER, direction: 'inbound', text: 'new', timestamp: new Date() }]);
    }
    expect(new Set(seen).size).toBeLessThan(seen.length);
  });
});

describe("provider.listMessages: the model's history", () => {
  it('maps direction, contact and ids: get.chat ids for sent messages, WhatsApp ids for received ones', async () => {
    const sent = await provider.send({ type: 'text', to: CUSTOMER, text: 'hello' });
    const inbound = await emulator.simulateInbound({ from: CUSTOMER, content: { type: 'text', text: 'hi back' } });
    const history = [];
    for await (const message of provider.listMessages({ contact: CUSTOMER })) history.push(message);
    expect(history.map(({ id, direction, contact, content }) => ({ id, direction, contact, content }))).toEqual([
      { id: inbound.id, direction: 'inbound', contact: CUSTOMER, content: { type: 'text', text: 'hi back' } },
      { id: sent.id, direction: 'outbound', contact: CUSTOMER, content: { type: 'text', text: 'hello' } },
    ]);
  });
});
