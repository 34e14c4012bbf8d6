import nock from 'nock';
import { createEmulatorServer } from '@wamux/emulator';
import { BASE, TOKEN, testOperations } from './helpers';
import { useNock } from '../../../../test-support/use-nock';

useNock({ loopback: true });

const api = () => nock(BASE, { reqheaders: { authorization: `Token ${TOKEN}` } });
const DOC_PROFILE = {
  address: 'string',
  description: 'string',
  email: 'user@example.com',
  messaging_product: 'whatsapp',
  vertical: 'Automotive',
  websites: ['https://example.com'],
};

describe('settings', () => {
  it('retrieveBusinessProfileSettings: GET /settings/business/profile/', async () => {
    api().get('/settings/business/profile/').reply(200, DOC_PROFILE);
    expect(await testOperations().settings.retrieveBusinessProfile()).toEqual({
      address: 'string',
      description: 'string',
      email: 'user@example.com',
      messagingProduct: 'whatsapp',
      vertical: 'Automotive',
      websites: ['https://example.com'],
      about: undefined,
    });
  });

  it('partialUpdateBusinessProfileSettings: PATCH with the fields given and messaging_product', async () => {
    api()
      .patch('/settings/business/profile/', { vertical: 'Restaurant', websites: ['https://a.example'], messaging_product: 'whatsapp' })
      .reply(200, { ...DOC_PROFILE, vertical: 'Restaurant' });
    expect((await testOperations().settings.updateBusinessProfile({ vertical: 'Restaurant', websites: ['https://a.example'] })).vertical).toBe('Restaurant');
  });

  it("rejects a vertical outside the document's enum and a bad e-mail", async () => {
    await expect(testOperations().settings.updateBusinessProfile({ vertical: 'Cars' as 'Other' })).rejects.toMatchObject({ field: 'profile.vertical' });
    await expect(testOperations().settings.updateBusinessProfile({ email: 'nope' })).rejects.toMatchObject({ field: 'profile.email' });
  });

  it('retrieveProfileAbout: GET /settings/profile/about/ → settings.profile.about.text', async () => {
    api()
      .get('/settings/profile/about/')
      .reply(200, { settings: { profile: { about: { text: 'Open 9-5' } } } });
    expect(await testOperations().settings.retrieveAbout()).toEqual({ text: 'Open 9-5', settings: { profile: { about: { text: 'Open 9-5' } } } });
  });

  it("updateProfileAbout: PATCH with both the document's {settings} and the web inbox's {text}", async () => {
    api()
      .patch('/settings/profile/about/', { text: 'Closed', settings: { profile: { about: { text: 'Closed' } } } })
      .reply(200, { settings: { profile: { about: { text: 'Closed' } } } });
    expect((await testOperations().settings.updateAbout('Closed')).text).toBe('Closed');
  });

  it('retrieveProfilePhoto: GET /settings/profile/photo/ → bytes and type', async () => {
    api()
      .get('/settings/profile/photo/')
      .reply(200, Buffer.from([0xff, 0xd8, 0xff]), { 'content-type': 'image/jpeg' });
    expect(await testOperations().settings.retrieveProfilePhoto()).toEqual({ data: new Uint8Array([0xff, 0xd8, 0xff]), mimeType: 'image/jpeg' });
  });

  it('updateProfilePhoto: POST multipart with the file in file_encoded', async () => {
    // nock cannot intercept a streamed multipart fetch body, so a local server reads the real request.
    const seen: { contentType?: string; authorization?: string; file?: File } = {};
    const server = await createEmulatorServer({
      basePath: '/api/v1',
      renderError: (status, info) => ({ status, json: { detail: info.message } }),
      routes: [
        {
          method: 'POST',
          pattern: '/settings/profile/photo/',
          handler: (request) => {
            seen.contentType = request.headers['content-type'] ?? '';
            seen.authorization = request.headers.authorization ?? '';
            const file = request.form?.get('file_encoded');
            if (file instanceof File) seen.file = file;
            return { status: 200, json: {} };
          },
        },
      ],
    });
    try {
      await testOperations({ baseUrl: server.url }).settings.updateProfilePhoto({
        data: new TextEncoder().encode('PNGDATA'),
        filename: 'logo.png',
        mimeType: 'image/png',
      });
    } finally {
      await server.close();
    }
    expect(seen.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(seen.authorization).toBe(`Token ${TOKEN}`);
    expect(seen.file?.name).toBe('logo.png');
    expect(seen.file?.type).toBe('image/png');
    expect(await seen.file?.text()).toBe('PNGDATA');
  });

  it('rejects a profile photo that is not JPEG or PNG', async () => {
    await expect(testOperations().settings.updateProfilePhoto({ data: new Uint8Array([1]), filename: 'a.gif', mimeType: 'image/gif' })).rejects.toMatchObject({
      field: 'photo.mimeType',
    });
  });

  it('deleteProfilePhoto: DELETE /settings/profile/photo/', async () => {
    api().delete('/settings/profile/photo/').reply(204);
    await testOperations().settings.deleteProfilePhoto();
    expect(nock.isDone()).toBe(true);
  });

  it('issueSettingsRefreshRequest and checkSettingsRefreshStatus', async () => {
    api().post('/settings/refresh/issue/', {}).reply(200, {});
    api().get('/settings/refresh/status/').reply(200, { currently_refreshing: false });
    await testOperations().settings.refresh();
    expect(await testOperations().settings.refreshStatus()).toEqual({ currentlyRefreshing: false });
  });
});
