import nock from 'nock';
import { ProviderServerError, ValidationError } from '@wamux/core';
import { BASE, collect, testOperations } from './helpers';
import { useNock } from '../../../../test-support/use-nock';

useNock();

const tag = (id: number) => ({ id, name: `tag ${id}`, web_inbox_color: null });

describe('list operations ({count, next, previous, results} with limit/offset)', () => {
  it('walks every page by offset, lazily, and stops when next is null', async () => {
    nock(BASE)
      .get('/tags/')
      .query({ limit: '2' })
      .reply(200, { count: 5, next: `${BASE}/tags/?limit=2&offset=2`, previous: null, results: [tag(1), tag(2)] });
    nock(BASE)
      .get('/tags/')
      .query({ limit: '2', offset: '2' })
      .reply(200, { count: 5, next: `${BASE}/tags/?limit=2&offset=4`, previous: 'x', results: [tag(3), tag(4)] });
    nock(BASE)
      .get('/tags/')
      .query({ limit: '2', offset: '4' })
      .reply(200, { count: 5, next: null, previous: 'x', results: [tag(5)] });
    const ids = (await collect(testOperations().tags.list({ pageSize: 2 }))).map((t) => t.id);
    expect(ids).toEqual([1, 2, 3, 4, 5]);
    expect(nock.isDone()).toBe(true);
  });

  it('computes the next offset itself: the document example `next` URL is malformed and http://', async () => {
    // The document's own example: "next": "http://{STACK}/api/v1/messages/?wa_id=48123123123/&limit=1&offset=1"
    nock(BASE)
      .get('/groups/')
      .query({ limit: '1' })
      .reply(200, {
        count: 2,
        next: 'http://acme.inbox.getchat.360dialog.io/api/v1/groups/?wa_id=1/&limit=1&offset=1',
        previous: null,
        results: [{ id: 1, name: 'Admin' }],
      });
    nock(BASE)
      .get('/groups/')
      .query({ limit: '1', offset: '1' })
      .reply(200, { count: 2, next: null, previous: null, results: [{ id: 2, name: 'Users' }] });
    expect(await collect(testOperations().groups.list({ pageSize: 1 }))).toEqual([
      { id: 1, name: 'Admin' },
      { id: 2, name: 'Users' },
    ]);
  });

  it('falls back on count when the response has no next (listContacts shows only {count, results})', async () => {
    nock(BASE)
      .get('/contacts/')
      .reply(200, { count: 3, results: [{ name: 'A' }, { name: 'B' }] });
    nock(BASE)
      .get('/contacts/')
      .query({ offset: '2' })
      .reply(200, { count: 3, results: [{ name: 'C' }] });
    expect((await collect(testOperations().contacts.list())).map((c) => c.name)).toEqual(['A', 'B', 'C']);
  });

  it('accepts a bare array as a single page (the document\'s "Getting started" /chats/ example)', async () => {
    nock(BASE)
      .get('/chats/')
      .reply(200, [
        { wa_id: '48500500500', new_messages: 11 },
        { wa_id: '4912312312312', new_messages: 0 },
        { wa_id: '90123123123', new_messages: 22 },
      ]);
    const chats = await collect(testOperations().chats.list());
    expect(chats.map((c) => [c.waId, c.newMessages])).toEqual([
      ['48500500500', 11],
      ['4912312312312', 0],
      ['90123123123', 22],
    ]);
  });

  it('stops after `limit` items without fetching further pages, and starts at `offset`', async () => {
    const scope = nock(BASE)
      .get('/tags/')
      .query({ offset: '10' })
      .reply(200, { count: 30, next: 'n', previous: 'p', results: [tag(11), tag(12), tag(13)] });
    expect((await collect(testOperations().tags.list({ limit: 2, offset: 10 }))).map((t) => t.id)).toEqual([11, 12]);
    expect(scope.isDone()).toBe(true);
  });

  it('rejects bad paging options when called, before any request', () => {
    expect(() => testOperations().tags.list({ pageSize: 0 })).toThrow(ValidationError);
    expect(() => testOperations().chats.list({ offset: -1 })).toThrow(expect.objectContaining({ field: 'filters.offset' }));
  });

  it('turns a response that is not the documented shape into a typed error', async () => {
    nock(BASE)
      .get('/tags/')
      .reply(200, { count: 1, next: null, results: [{ name: 'no id' }] });
    await expect(collect(testOperations().tags.list())).rejects.toBeInstanceOf(ProviderServerError);
  });
});
