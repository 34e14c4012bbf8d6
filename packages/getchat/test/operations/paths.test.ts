import * as v from 'valibot';
import { getchatPaths, GetchatGroupPathOverridesSchema, operationPaths } from '../../src/operations/paths';
import { GetchatPathOverridesSchema, providerPaths, resolvePath } from '../../src/paths';

describe('the get.chat path table', () => {
  it('lists every operation of the document with a method and a path below the API base', () => {
    const documented = [
      'createAuthToken', 'convertRefreshToken', 'convertIdToken', 'retrieveRefreshToken', 'listWhatsAppAccounts',
      'listMessages', 'createMessage', 'retrieveMessage', 'createReceivedMessageMark', 'listPeople', 'retrievePerson',
      'listContacts', 'resolveContact', 'verifyContacts', 'listBlockedContacts', 'blockContact', 'reportContact', 'unblockContact',
      'listChats', 'retrieveChat', 'createChatImport', 'listTags', 'createTag', 'destroyTag', 'createChatTagging',
      'retrieveChatTagging', 'destroyChatTagging', 'listChatTaggingEvents', 'createMessageTagging', 'retrieveMessageTagging',
      'destroyMessageTagging', 'listMessageTaggingEvents', 'retrieveChatAssignment', 'updateChatAssignment',
      'partialUpdateChatAssignment', 'listChatAssignmentEvents', 'listSavedResponses', 'createSavedResponse', 'deleteSavedResponse',
      'listTemplates', 'createTemplate', 'destroyTemplate', 'checkTemplateRefreshStatus', 'issueTemplateRefreshRequest',
      'retrieveBusinessProfileSettings', 'partialUpdateBusinessProfileSettings', 'retrieveProfileAbout', 'updateProfileAbout',
      'retrieveProfilePhoto', 'updateProfilePhoto', 'deleteProfilePhoto', 'issueSettingsRefreshRequest', 'checkSettingsRefreshStatus',
      'createMediaFile', 'retrieveMediaFile', 'listUsers', 'createNewUser', 'retrieveCurrentUser', 'retrieveUser', 'updateUser',
      'partialUpdateUser', 'changeMyPassword', 'changeUserPassword', 'listGroups', 'retrieveGroup', 'resendActivationEmailNotification',
      'listWabaWebhooks', 'createWabaWebhook', 'retrieveWabaWebhook', 'updateWabaWebhook', 'deleteWabaWebhook', 'testWabaWebhook',
      'listHealthStatuses', 'listWabaErrors', 'retrieveWabaError', 'listFcmDeviceTokens', 'registerFcmDeviceToken',
      'updateFcmDeviceToken', 'deregisterFcmDeviceToken',
    ];
    for (const name of documented) expect(Object.keys(getchatPaths)).toContain(name);
    // The one extra: resolve chat, used by get.chat's web inbox but absent from the document.
    expect(Object.keys(getchatPaths).filter((name) => !documented.includes(name))).toEqual(['resolveChat']);
    for (const entry of Object.values(getchatPaths)) expect(entry.path).toMatch(/^\/[a-z_/{}]+$/);
  });

  it('splits the table between the provider and the operation groups, without overlap', () => {
    // The main entry carries only the operations the provider calls; the
    // rest ships with @wamux/getchat/operations.
    expect(Object.keys(providerPaths).sort()).toEqual([
      'convertRefreshToken', 'createAuthToken', 'createMediaFile', 'createMessage', 'createReceivedMessageMark', 'listMessages',
      'listTemplates', 'retrieveCurrentUser', 'retrieveMediaFile', 'retrieveMessage', 'retrieveRefreshToken',
    ]);
    expect(Object.keys(operationPaths).filter((name) => name in providerPaths)).toEqual([]);
    expect(Object.keys(getchatPaths)).toHaveLength(Object.keys(providerPaths).length + Object.keys(operationPaths).length);
  });

  it('records where each path comes from, per getchat-paths.md', () => {
    expect(getchatPaths.retrieveChat).toEqual({ method: 'GET', path: '/chats/{wa_id}/', status: 'confirmed' });
    expect(getchatPaths.blockContact.status).toBe('inferred');
    expect(getchatPaths.changeUserPassword.status).toBe('documented');
    expect(getchatPaths.resolveChat).toMatchObject({ method: 'PATCH', path: '/chats/{wa_id}/resolve', undocumented: true });
    expect(getchatPaths.retrieveMediaFile.path).toBe('/media/{id}');
  });
});

describe('resolvePath', () => {
  it('fills and URI-encodes placeholders', () => {
    expect(resolvePath(getchatPaths, undefined, 'retrieveChat', { wa_id: '905551112233' })).toBe('/chats/905551112233/');
    expect(resolvePath(getchatPaths, undefined, 'destroyTemplate', { name: 'a/b c' })).toBe('/templates/a%2Fb%20c/');
  });

  it('prefers an override, with the same placeholders', () => {
    expect(resolvePath(getchatPaths, { blockContact: '/contacts/{wa_id}/block/' }, 'blockContact', { wa_id: '48123' })).toBe('/contacts/48123/block/');
    expect(resolvePath(getchatPaths, { blockContact: '/x/' }, 'listChats')).toBe('/chats/');
  });

  it('refuses to build a path with an unfilled placeholder, or of an operation its table lacks', () => {
    expect(() => resolvePath(getchatPaths, undefined, 'retrieveUser', {})).toThrow(/no value for path parameter "id"/);
    expect(() => resolvePath(providerPaths, undefined, 'retrieveUser', { id: 1 })).toThrow(/unknown get.chat operation retrieveUser/);
  });
});

describe('the path override schemas', () => {
  it('accepts known operations with paths, and rejects typos and query strings', () => {
    expect(v.safeParse(GetchatGroupPathOverridesSchema, { retrieveUser: '/members/{id}/' }).success).toBe(true);
    expect(v.safeParse(GetchatGroupPathOverridesSchema, { retrieveUsr: '/members/{id}/' }).success).toBe(false);
    expect(v.safeParse(GetchatGroupPathOverridesSchema, { retrieveUser: 'members/{id}/' }).success).toBe(false);
    expect(v.safeParse(GetchatGroupPathOverridesSchema, { retrieveUser: '/members/?x=1' }).success).toBe(false);
  });

  it('takes each operation in one place: the provider\'s in createGetchatProvider, the others in getchatOperations', () => {
    expect(v.safeParse(GetchatPathOverridesSchema, { retrieveMessage: '/messages/{id}' }).success).toBe(true);
    const misplaced = v.safeParse(GetchatPathOverridesSchema, { retrieveUser: '/members/{id}/' });
    expect(misplaced.success).toBe(false);
    expect(misplaced.issues?.[0]?.message).toMatch(/getchatOperations\(provider, \{ paths \}\)/);
    expect(v.safeParse(GetchatGroupPathOverridesSchema, { retrieveMessage: '/messages/{id}' }).success).toBe(false);
  });
});
