import nock from 'nock';
import { BASE, collect, TOKEN, testOperations } from './helpers';
import { useNock } from '../../../../test-support/use-nock';

useNock();

const api = () => nock(BASE, { reqheaders: { authorization: `Token ${TOKEN}` } });

// The document's tagging event examples (from the webhook chapter), verbatim.
const DOC_DONE_BY = {
  url: 'string',
  id: 0,
  username: 'string',
  first_name: 'string',
  last_name: 'string',
  email: 'user@example.com',
  profile: { role: 'user' },
  groups: [{}],
  permissions: { can_use_tags: true, can_read_chats: 'all', can_write_to_chats: 'all' },
};
const DOC_CHAT_TAGGING_EVENT = {
  timestamp: 0,
  action: 'added',
  tag: { id: 0, name: 'string', web_inbox_color: 'string' },
  chat: 'string',
  extra: {},
  done_by: DOC_DONE_BY,
};
const DOC_MESSAGE_TAGGING_EVENT = {
  timestamp: 0,
  action: 'added',
  tag: { id: 0, name: 'string', web_inbox_color: 'string' },
  message: 'string',
  extra: {},
  done_by: { ...DOC_DONE_BY, groups: [{ id: 0, name: 'string' }] },
};

describe('tags', () => {
  it('listTags: GET /tags/', async () => {
    api()
      .get('/tags/')
      .reply(200, { count: 1, next: null, previous: null, results: [{ id: '4', name: 'vip', web_inbox_color: null }] });
    expect(await collect(testOperations().tags.list())).toEqual([{ id: 4, name: 'vip', webInboxColor: undefined }]);
  });

  it('createTag: POST /tags/ with name and web_inbox_color', async () => {
    api().post('/tags/', { name: 'vip', web_inbox_color: '#ff0000' }).reply(201, { id: 0, name: 'vip', web_inbox_color: '#ff0000' });
    expect(await testOperations().tags.create({ name: 'vip', webInboxColor: '#ff0000' })).toEqual({ id: 0, name: 'vip', webInboxColor: '#ff0000' });
  });

  it('rejects a tag name over 1000 characters', async () => {
    await expect(testOperations().tags.create({ name: 'x'.repeat(1001) })).rejects.toMatchObject({ field: 'tag.name' });
  });

  it('destroyTag: DELETE /tags/{id}/', async () => {
    api().delete('/tags/4/').reply(204);
    await testOperations().tags.destroy(4);
    expect(nock.isDone()).toBe(true);
  });
});

describe('chat taggings', () => {
  it('createChatTagging: POST /chat_tagging/ {tag, chat, extra}', async () => {
    api()
      .post('/chat_tagging/', { tag: 0, chat: '48123123123', extra: { crm: 'lead-1' } })
      .reply(201, { id: 0, tag: 0, chat: '48123123123', extra: { crm: 'lead-1' } });
    const tagging = await testOperations().chatTaggings.create({ tagId: 0, waId: '+48123123123', extra: { crm: 'lead-1' } });
    expect(tagging).toEqual({ id: 0, tagId: 0, waId: '48123123123', extra: { crm: 'lead-1' } });
  });

  it('retrieveChatTagging and destroyChatTagging: /chat_tagging/{id}/', async () => {
    api()
      .get('/chat_tagging/9/')
      .reply(200, { id: 9, tag: { id: 4, name: 'vip' }, chat: { wa_id: '48123123123' }, extra: null });
    api().delete('/chat_tagging/9/').reply(204);
    expect(await testOperations().chatTaggings.retrieve(9)).toEqual({ id: 9, tagId: 4, waId: '48123123123', extra: undefined });
    await testOperations().chatTaggings.destroy('9');
    expect(nock.isDone()).toBe(true);
  });

  it("listChatTaggingEvents: GET /chat_tagging_events/ → the document's example event", async () => {
    api()
      .get('/chat_tagging_events/')
      .query({ wa_id: '48123123123', before_time: '1612544982' })
      .reply(200, { count: 1, results: [DOC_CHAT_TAGGING_EVENT] });
    const [event] = await collect(testOperations().chatTaggings.listEvents({ waId: '48123123123', beforeTime: 1612544982 }));
    expect(event).toEqual({
      timestamp: new Date(0),
      action: 'added',
      tag: { id: 0, name: 'string', webInboxColor: 'string' },
      waId: 'string',
      extra: {},
      doneBy: expect.objectContaining({ id: 0, username: 'string', email: 'user@example.com', groups: [] }),
    });
  });
});

describe('message taggings', () => {
  it('createMessageTagging: POST /message_tagging/ {tag, message, extra}', async () => {
    api().post('/message_tagging/', { tag: 2, message: 'wamid.1' }).reply(201, { id: 5, tag: 2, message: 'wamid.1', extra: {} });
    expect(await testOperations().messageTaggings.create({ tagId: 2, messageId: 'wamid.1' })).toEqual({ id: 5, tagId: 2, messageId: 'wamid.1', extra: {} });
  });

  it('retrieveMessageTagging and destroyMessageTagging: /message_tagging/{id}/', async () => {
    api().get('/message_tagging/5/').reply(200, { id: 5, tag: 2, message: 'wamid.1', extra: {} });
    api().delete('/message_tagging/5/').reply(204);
    expect((await testOperations().messageTaggings.retrieve(5)).messageId).toBe('wamid.1');
    await testOperations().messageTaggings.destroy(5);
    expect(nock.isDone()).toBe(true);
  });

  it('listMessageTaggingEvents: GET /message_tagging_events/ with message_id and since_time', async () => {
    api()
      .get('/message_tagging_events/')
      .query({ message_id: 'wamid.1', since_time: '0' })
      .reply(200, { count: 1, results: [DOC_MESSAGE_TAGGING_EVENT] });
    const [event] = await collect(testOperations().messageTaggings.listEvents({ messageId: 'wamid.1', sinceTime: 0 }));
    expect(event).toMatchObject({ action: 'added', messageId: 'string', tag: { id: 0 }, doneBy: { groups: [{ id: 0, name: 'string' }] } });
  });

  it('can be pointed at another path when the inferred one is wrong', async () => {
    nock(BASE).post('/message_taggings/', { tag: 2, message: 'wamid.1' }).reply(201, { id: 5, tag: 2, message: 'wamid.1' });
    const ops = testOperations({ paths: { createMessageTagging: '/message_taggings/' } });
    expect((await ops.messageTaggings.create({ tagId: 2, messageId: 'wamid.1' })).id).toBe(5);
  });
});
