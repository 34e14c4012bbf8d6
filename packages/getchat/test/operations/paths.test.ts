import { ConfigurationError } from '@wamux/core/adapter';
import { checkPathOverrides, GETCHAT_EXPERIMENTAL_OPERATIONS, getchatPaths, resolvePath } from '../../src/client/paths';
import { emulatedPaths } from '../../src/emulator/routes/paths';

describe('the get.chat path table', () => {
  it('lists every operation of the document with a method and a path below the API base', () => {
    const documented = [
      'createAuthToken',
      'convertRefreshToken',
      'convertIdToken',
      'retrieveRefreshToken',
      'listWhatsAppAccounts',
      'listMessages',
      'createMessage',
      'retrieveMessage',
      'createReceivedMessageMark',
      'listPeople',
      'retrievePerson',
      'listContacts',
      'resolveContact',
      'verifyContacts',
      'listBlockedContacts',
      'blockContact',
      'reportContact',
      'unblockContact',
      'listChats',
      'retrieveChat',
      'createChatImport',
      'listTags',
      'createTag',
      'destroyTag',
      'createChatTagging',
      'retrieveChatTagging',
      'destroyChatTagging',
      'listChatTaggingEvents',
      'createMessageTagging',
      'retrieveMessageTagging',
      'destroyMessageTagging',
      'listMessageTaggingEvents',
      'retrieveChatAssignment',
      'updateChatAssignment',
      'partialUpdateChatAssignment',
      'listChatAssignmentEvents',
      'listSavedResponses',
      'createSavedResponse',
      'deleteSavedResponse',
      'listTemplates',
      'createTemplate',
      'destroyTemplate',
      'checkTemplateRefreshStatus',
      'issueTemplateRefreshRequest',
      'retrieveBusinessProfileSettings',
      'partialUpdateBusinessProfileSettings',
      'retrieveProfileAbout',
      'updateProfileAbout',
      'retrieveProfilePhoto',
      'updateProfilePhoto',
      'deleteProfilePhoto',
      'issueSettingsRefreshRequest',
      'checkSettingsRefreshStatus',
      'createMediaFile',
      'retrieveMediaFile',
      'listUsers',
      'createNewUser',
      'retrieveCurrentUser',
      'retrieveUser',
      'updateUser',
      'partialUpdateUser',
      'changeMyPassword',
      'changeUserPassword',
      'listGroups',
      'retrieveGroup',
      'resendActivationEmailNotification',
      'listWabaWebhooks',
      'createWabaWebhook',
      'retrieveWabaWebhook',
      'updateWabaWebhook',
      'deleteWabaWebhook',
      'testWabaWebhook',
      'listHealthStatuses',
      'listWabaErrors',
      'retrieveWabaError',
      'listFcmDeviceTokens',
      'registerFcmDeviceToken',
      'updateFcmDeviceToken',
      'deregisterFcmDeviceToken',
    ];
    for (const name of documented) expect(Object.keys(getchatPaths)).toContain(name);
    // The one extra: resolve chat, used by get.chat's web inbox but absent from the document.
    expect(Object.keys(getchatPaths).filter((name) => !documented.includes(name))).toEqual(['resolveChat']);
    for (const entry of Object.values(getchatPaths)) expect(entry.path).toMatch(/^\/[a-z_/{}]+$/);
  });

  it('marks exactly the operations with an inferred path experimental', () => {
    const inferred = Object.entries(getchatPaths)
      .filter(([, entry]) => entry.status === 'inferred')
      .map(([name]) => name);
    expect(inferred).toHaveLength(29);
    expect([...GETCHAT_EXPERIMENTAL_OPERATIONS]).toEqual(inferred);
    for (const [name, entry] of Object.entries(getchatPaths)) expect([name, 'experimental' in entry]).toEqual([name, entry.status === 'inferred']);
  });

  it('records where each path comes from, per getchat-paths.md', () => {
    expect(getchatPaths.retrieveChat).toEqual({ method: 'GET', path: '/chats/{wa_id}/', status: 'confirmed' });
    expect(getchatPaths.blockContact).toMatchObject({ status: 'inferred', experimental: true });
    expect(getchatPaths.changeUserPassword.status).toBe('documented');
    expect(getchatPaths.resolveChat).toMatchObject({ method: 'PATCH', path: '/chats/{wa_id}/resolve', undocumented: true });
    expect(getchatPaths.retrieveMediaFile.path).toBe('/media/{id}');
  });
});

describe("the emulator's own route table", () => {
  it("serves every operation of the client's table, at the same method and path", () => {
    expect(Object.keys(emulatedPaths).sort()).toEqual(Object.keys(getchatPaths).sort());
    for (const [name, { method, path }] of Object.entries(getchatPaths))
      expect([name, emulatedPaths[name as keyof typeof emulatedPaths]]).toEqual([name, { method, path }]);
  });
});

describe('resolvePath', () => {
  it('fills and URI-encodes placeholders', () => {
    expect(resolvePath(undefined, 'retrieveChat', { wa_id: '905551112233' })).toBe('/chats/905551112233/');
    expect(resolvePath(undefined, 'destroyTemplate', { name: 'a/b c' })).toBe('/templates/a%2Fb%20c/');
  });

  it('prefers an override, with the same placeholders', () => {
    expect(resolvePath({ blockContact: '/contacts/{wa_id}/block/' }, 'blockContact', { wa_id: '48123' })).toBe('/contacts/48123/block/');
    expect(resolvePath({ blockContact: '/x/' }, 'listChats')).toBe('/chats/');
  });

  it('refuses to build a path with an unfilled placeholder', () => {
    expect(() => resolvePath(undefined, 'retrieveUser', {})).toThrow(/no value for path parameter "id"/);
  });
});

describe('checkPathOverrides', () => {
  it('accepts any operation of the one table, and names a typo', () => {
    expect(checkPathOverrides({ retrieveUser: '/members/{id}/', retrieveMessage: '/messages/{id}' })).toEqual({
      retrieveUser: '/members/{id}/',
      retrieveMessage: '/messages/{id}',
    });
    expect(checkPathOverrides(undefined)).toEqual({});
    expect(() => checkPathOverrides({ retrieveUsr: '/members/{id}/' })).toThrow(ConfigurationError);
    expect(() => checkPathOverrides({ retrieveUsr: '/members/{id}/' })).toThrow(/paths\.retrieveUsr/);
  });
});
