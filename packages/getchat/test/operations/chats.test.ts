import nock from 'nock';
import { NotFoundError, ValidationError } from '@wamux/core';
import { BASE, collect, DOC_USER, EMPTY_PAGE, TOKEN, testOperations } from './helpers';
import { useNock } from '../../../../test-support/use-nock';

useNock();

const api = () => nock(BASE, { reqheaders: { authorization: `Token ${TOKEN}` } });
const CONTACT = {
  wa_id: '48123123123',
  waba_payload: { profile: { name: 'Konrad Tester' }, wa_id: '48123123123' },
  initials: 'KT',
  last_message_timestamp: 1613398401,
};
const LAST_MESSAGE = {
  waba_payload: { from: '48123123123', id: 'ABGGSFEBeRJ_AhD8o8zP9ulNeUPgdKvfzvgh', timestamp: '1612544982', type: 'text', text: { body: 'Hi' } },
  customer_wa_id: '48123123123',
  from_us: false,
  received: false,
  sender: null,
};
const CHAT = {
  contact: CONTACT,
  new_messages: 2,
  wa_id: '48123123123',
  last_message: LAST_MESSAGE,
  assigned_to_user: DOC_USER,
  assigned_group: { id: 1, name: 'Regular users' },
  tags: [{ id: 4, name: 'vip', web_inbox_color: '#ff0000' }],
};

describe('chats', () => {
  it('listChats: sends every filter of the document in its wire name', async () => {
    api()
      .get('/chats/')
      .query({
        chat_tag_id: '4',
        search: 'Konrad',
        assigned_to_me: 'true',
        assigned_group: '1',
        messages_since_time: '1612544000',
        messages_before_time: '1612545000',
        blocked: 'false',
        reported: 'true',
        message_has_referral: 'true',
        message_referral_source_url: 'asd',
        message_referral_source_id: 'ad-1',
        message_referral_source_type: 'ad',
        message_referral_headline: 'Sale',
        message_referral_body: 'Body',
        message_referral_media_type: 'image',
        limit: '10',
      })
      .reply(200, EMPTY_PAGE);
    await collect(
      testOperations().chats.list({
        chatTagId: 4,
        search: 'Konrad',
        assignedToMe: true,
        assignedGroup: 1,
        messagesSinceTime: new Date(1612544000 * 1000),
        messagesBeforeTime: 1612545000,
        blocked: false,
        reported: true,
        messageHasReferral: true,
        messageReferralSourceUrl: 'asd',
        messageReferralSourceId: 'ad-1',
        messageReferralSourceType: 'ad',
        messageReferralHeadline: 'Sale',
        messageReferralBody: 'Body',
        messageReferralMediaType: 'image',
        pageSize: 10,
      }),
    );
    expect(nock.isDone()).toBe(true);
  });

  it('maps a chat with its contact, user, group and tags', async () => {
    api().get('/chats/48123123123/').reply(200, CHAT);
    const chat = await testOperations().chats.retrieve('48123123123');
    expect(chat).toEqual({
      waId: '48123123123',
      newMessages: 2,
      contact: expect.objectContaining({ waId: '48123123123', name: 'Konrad Tester' }),
      lastMessage: LAST_MESSAGE,
      assignedToUser: expect.objectContaining({
        id: 2,
        username: 'peter',
        firstName: 'Peter',
        profile: expect.objectContaining({ role: 'admin' }),
        groups: [{ id: 3, name: 'Admin' }],
      }),
      assignedGroup: { id: 1, name: 'Regular users' },
      tags: [{ id: 4, name: 'vip', webInboxColor: '#ff0000' }],
    });
  });

  it("reads the document's collapsed `{}` objects and nulls as absent", async () => {
    api()
      .get('/chats/48123123123/')
      .reply(200, { contact: CONTACT, new_messages: 0, wa_id: '48123123123', last_message: {}, assigned_to_user: {}, assigned_group: null, tags: [] });
    const chat = await testOperations().chats.retrieve('48123123123');
    expect(chat.assignedToUser).toBeUndefined();
    expect(chat.assignedGroup).toBeUndefined();
  });

  it('a 404 is a NotFoundError', async () => {
    api().get('/chats/48000000000/').reply(404, { detail: 'Not found.' });
    await expect(testOperations().chats.retrieve('48000000000')).rejects.toBeInstanceOf(NotFoundError);
  });

  it("createChatImport: POST /chat_import/ with the document's request sample", async () => {
    const body = {
      chat_text: '10/03/2022, 11:00 - Customer 1: Message 1 10/03/2022, 11:00 - Customer 1: Message 2 Line 1 Message 2 Line 2',
      chat_participants: [{ phone_number: '+48123123123' }],
      utc_offset_minutes: -420,
      device_language_code: 'en-US',
      media_files: [{ filename: 'a.jpg', file_encoded: 'AAEC' }],
    };
    api().post('/chat_import/', body).reply(201, CHAT);
    const chat = await testOperations().chats.import({
      chatText: body.chat_text,
      chatParticipants: body.chat_participants,
      utcOffsetMinutes: -420,
      deviceLanguageCode: 'en-US',
      mediaFiles: body.media_files,
    });
    expect(chat.waId).toBe('48123123123');
  });

  it('validates the import: at most two participants, whole minutes, a locale', async () => {
    const base = { chatText: 'x', utcOffsetMinutes: 0, deviceLanguageCode: 'en-US', mediaFiles: [] };
    await expect(testOperations().chats.import({ ...base, chatParticipants: [{}, {}, {}] })).rejects.toMatchObject({ field: 'input.chatParticipants' });
    await expect(testOperations().chats.import({ ...base, utcOffsetMinutes: 1.5 })).rejects.toMatchObject({ field: 'input.utcOffsetMinutes' });
    await expect(testOperations().chats.import({ ...base, deviceLanguageCode: 'English' })).rejects.toBeInstanceOf(ValidationError);
  });

  it('resolve chat: PATCH /chats/{wa_id}/resolve (no trailing slash, as the web inbox calls it)', async () => {
    api().patch('/chats/48123123123/resolve').reply(200, {});
    await testOperations().chats.resolve('+48123123123');
    expect(nock.isDone()).toBe(true);
  });
});

describe('chat assignment', () => {
  it('retrieveChatAssignment: GET /chat_assignment/{wa_id}/', async () => {
    api().get('/chat_assignment/48123123123/').reply(200, { wa_id: '48123123123', assigned_to_user: 2, assigned_group: null });
    expect(await testOperations().chatAssignments.retrieve('48123123123')).toEqual({ waId: '48123123123', assignedToUserId: 2, assignedGroupId: null });
  });

  it('updateChatAssignment: PUT with wa_id in the body and both fields', async () => {
    api()
      .put('/chat_assignment/48123123123/', { wa_id: '48123123123', assigned_to_user: null, assigned_group: 1 })
      .reply(200, { wa_id: '48123123123', assigned_to_user: null, assigned_group: 1 });
    const result = await testOperations().chatAssignments.update('48123123123', { assignedToUserId: null, assignedGroupId: 1 });
    expect(result.assignedGroupId).toBe(1);
  });

  it("partialUpdateChatAssignment: PATCH with only the given field (the document's bot hand-over)", async () => {
    api()
      .patch('/chat_assignment/123123123/', { wa_id: '123123123', assigned_group: 0 })
      .reply(200, { wa_id: '123123123', assigned_to_user: { id: 7 }, assigned_group: 0 });
    const result = await testOperations().chatAssignments.partialUpdate('123123123', { assignedGroupId: 0 });
    expect(result).toEqual({ waId: '123123123', assignedToUserId: 7, assignedGroupId: 0 });
  });

  it('listChatAssignmentEvents: GET /chat_assignment_events/ with wa_id and the time window', async () => {
    api()
      .get('/chat_assignment_events/')
      .query({ wa_id: '48123123123', since_time: '1612544000', before_time: '1612545000' })
      .reply(200, {
        count: 1,
        results: [
          {
            wa_id: '48123123123',
            timestamp: 1612544500,
            assigned_to_user_set: DOC_USER,
            assigned_to_user_was_cleared: false,
            assigned_group_set: null,
            assigned_group_was_cleared: true,
            done_by: { id: 1, username: 'konrad', url: 'u' },
          },
        ],
      });
    const [event] = await collect(
      testOperations().chatAssignments.listEvents({ waId: '48123123123', sinceTime: 1612544000, beforeTime: new Date(1612545000 * 1000) }),
    );
    expect(event).toEqual({
      waId: '48123123123',
      timestamp: new Date(1612544500 * 1000),
      assignedToUserSet: expect.objectContaining({ id: 2, username: 'peter' }),
      assignedToUserWasCleared: false,
      assignedGroupSet: undefined,
      assignedGroupWasCleared: true,
      doneBy: expect.objectContaining({ id: 1, username: 'konrad' }),
    });
  });

  it('rejects a non-integer assignee', async () => {
    await expect(testOperations().chatAssignments.update('48123123123', { assignedToUserId: 1.5, assignedGroupId: null })).rejects.toMatchObject({
      field: 'assignment.assignedToUserId',
    });
  });
});
