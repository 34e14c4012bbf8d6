import nock from 'nock';
import { ValidationError } from '@wamux/core';
import { BASE, collect, TOKEN, testOperations } from './helpers';
import { useNock } from '../../../../test-support/use-nock';

useNock();

const api = () => nock(BASE, { reqheaders: { authorization: `Token ${TOKEN}` } });
const DOC_PERSON = {
  wa_id: '48123123123',
  waba_payload: { profile: { name: 'Konrad Tester' }, wa_id: '48123123123' },
  initials: 'KT',
  last_message_timestamp: 1613398401,
};

describe('persons', () => {
  it('listPeople: GET /persons/ with search, mapped to camelCase', async () => {
    api()
      .get('/persons/')
      .query({ search: 'Konrad', limit: '50' })
      .reply(200, { count: 1, next: null, previous: null, results: [DOC_PERSON] });
    const [person] = await collect(testOperations().persons.list({ search: 'Konrad', pageSize: 50 }));
    expect(person).toEqual({
      waId: '48123123123',
      name: 'Konrad Tester',
      initials: 'KT',
      lastMessageAt: new Date(1613398401 * 1000),
      wabaPayload: DOC_PERSON.waba_payload,
    });
  });

  it('retrievePerson: GET /persons/{wa_id}/, accepting the E.164 form', async () => {
    api()
      .get('/persons/48123123123/')
      .reply(200, { ...DOC_PERSON, wa_id: 48123123123, last_message_timestamp: '1613398401000' });
    const person = await testOperations().persons.retrieve('+48123123123');
    expect(person.waId).toBe('48123123123');
    expect(person.lastMessageAt).toEqual(new Date(1613398401000));
  });

  it('rejects a wa_id that is not digits before any request', async () => {
    await expect(testOperations().persons.retrieve('48 123')).rejects.toMatchObject({ field: 'waId' });
  });
});

describe('contacts', () => {
  it('listContacts: GET /contacts/ with search; keeps provider fields in raw', async () => {
    const contact = {
      name: 'Konrad',
      initials: 'K',
      avatar: 'https://a/x.png',
      phone_numbers: [{ phone_number: '+48123123123', description: 'Mobile' }],
      contact_provider: { id: 1, name: 'Google', type: 'google' },
      urls: ['x'],
    };
    api()
      .get('/contacts/')
      .query({ search: 'Kon' })
      .reply(200, { count: 1, results: [contact] });
    const [result] = await collect(testOperations().contacts.list({ search: 'Kon' }));
    expect(result).toEqual({
      name: 'Konrad',
      initials: 'K',
      avatar: 'https://a/x.png',
      phoneNumbers: [{ phoneNumber: '+48123123123', description: 'Mobile' }],
      contactProvider: 'google',
      raw: contact,
    });
  });

  it('resolveContact: GET /contacts/{wa_id}/ → person and provider results', async () => {
    api()
      .get('/contacts/48123123123/')
      .reply(200, { person: DOC_PERSON, contact_provider_results: [{ name: 'K', phone_numbers: ['+48123123123'] }] });
    const resolved = await testOperations().contacts.resolve('48123123123');
    expect(resolved.person?.name).toBe('Konrad Tester');
    expect(resolved.contactProviderResults[0]?.phoneNumbers).toEqual([{ phoneNumber: '+48123123123' }]);
  });

  it('verifyContacts: POST /contacts/verify/ with blocking, contacts and force_check', async () => {
    api()
      .post('/contacts/verify/', { contacts: ['+48123123123', '+1 555'], blocking: 'wait', force_check: true })
      .reply(200, {
        contacts: [
          { input: '+48123123123', status: 'valid', wa_id: '48123123123' },
          { input: '+1 555', status: 'invalid' },
        ],
      });
    const result = await testOperations().contacts.verify({ contacts: ['+48123123123', '+1 555'], blocking: 'wait', forceCheck: true });
    expect(result).toEqual([
      { input: '+48123123123', status: 'valid', waId: '48123123123' },
      { input: '+1 555', status: 'invalid', waId: undefined },
    ]);
  });

  it('blockContact: POST /contacts/block/?wa_id= with the reason (default "")', async () => {
    api().post('/contacts/block/', { reason: 'spam' }).query({ wa_id: '48123123123' }).reply(200, {});
    api().post('/contacts/block/', { reason: '' }).query({ wa_id: '48123123124' }).reply(200, {});
    await testOperations().contacts.block('48123123123', { reason: 'spam' });
    await testOperations().contacts.block('+48123123124');
    expect(nock.isDone()).toBe(true);
  });

  it('rejects a block reason over 60 characters', async () => {
    await expect(testOperations().contacts.block('48123123123', { reason: 'x'.repeat(61) })).rejects.toMatchObject({ field: 'options.reason' });
  });

  it('reportContact: POST /contacts/report/?wa_id= with reason, block and message_id', async () => {
    api().post('/contacts/report/', { reason: 'abuse', block: true, message_id: 'wamid.1' }).query({ wa_id: '48123123123' }).reply(200, {});
    await testOperations().contacts.report('48123123123', { reason: 'abuse', block: true, messageId: 'wamid.1' });
    expect(nock.isDone()).toBe(true);
  });

  it('unblockContact: POST /contacts/unblock/?wa_id=', async () => {
    api().post('/contacts/unblock/', { reason: '' }).query({ wa_id: '48123123123' }).reply(200, {});
    await testOperations().contacts.unblock('48123123123');
    expect(nock.isDone()).toBe(true);
  });

  it("listBlockedContacts: GET /contacts/blocked/ → the document's {contacts, pagination}", async () => {
    api()
      .get('/contacts/blocked/')
      .query({ phone_number: '48123123123', limit: '2' })
      .reply(200, { contacts: [{ wa_id: '48123123123' }, '+48123123124'], pagination: { count: 3 } });
    api()
      .get('/contacts/blocked/')
      .query({ phone_number: '48123123123', limit: '2', offset: '2' })
      .reply(200, { contacts: [{ input: '48123123125' }], pagination: { count: 3 } });
    const blocked = await collect(testOperations().contacts.listBlocked({ phoneNumber: '+48123123123', pageSize: 2 }));
    expect(blocked.map((b) => b.waId)).toEqual(['48123123123', '48123123124', '48123123125']);
  });

  it('validates verify input', async () => {
    await expect(testOperations().contacts.verify({ contacts: [] })).rejects.toBeInstanceOf(ValidationError);
    await expect(testOperations().contacts.verify({ contacts: ['1'], blocking: 'later' as 'wait' })).rejects.toMatchObject({ field: 'input.blocking' });
  });
});
