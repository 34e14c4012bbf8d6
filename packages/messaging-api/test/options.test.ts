import { ConfigurationError } from '@wamux/core';
import { createMessagingApiProvider, type MessagingApiOptions } from '@wamux/messaging-api';
import nock from 'nock';
import { compactResponse } from './fixtures/document-samples';
import { API_KEY, BASE, errorViews } from './helpers';
import { useNock } from '../../../test-support/use-nock';

useNock();

const configError = (options: Partial<MessagingApiOptions>) => {
  try {
    createMessagingApiProvider({ baseUrl: BASE, apiKey: API_KEY, ...options } as MessagingApiOptions);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return error as ConfigurationError;
  }
  throw new Error('expected a ConfigurationError');
};

describe('options', () => {
  it.each([
    ['baseUrl', { baseUrl: undefined }],
    ['baseUrl', { baseUrl: 'not a url' }],
    ['baseUrl', { baseUrl: 'http://messaging.example.test' }],
    ['apiKey', { apiKey: '' }],
    ['apiId', { apiId: '' }],
    ['channelId', { channelId: '' }],
    ['verifyToken', { verifyToken: 'abc' }],
    ['onContactInfo', { onContactInfo: 'answer' as never }],
    ['timeout', { timeout: 0 }],
  ])('a bad %s is a ConfigurationError naming it', (field, options) => {
    expect(configError(options as Partial<MessagingApiOptions>).field).toBe(field);
  });

  it('refuses an unknown option, naming it (a misspelt apiId is not silently ignored)', () => {
    expect(configError({ apiID: 'unit-api-id' } as never).field).toBe('apiID');
  });

  it('never echoes a credential given in the wrong type', () => {
    const error = configError({ apiKey: { key: API_KEY } as never });
    for (const view of errorViews(error)) expect(view).not.toContain(API_KEY);
  });

  it('accepts plain http only when allowed (a local emulator)', () => {
    expect(() => createMessagingApiProvider({ baseUrl: 'http://127.0.0.1:9', apiKey: API_KEY, allowInsecureHttp: true })).not.toThrow();
  });

  it('accepts a base URL that already ends in /api/v1 (once, not twice)', async () => {
    const scope = nock(BASE).get('/api/v1/config/channels').reply(200, compactResponse([]));
    await createMessagingApiProvider({ baseUrl: `${BASE}/api/v1/`, apiKey: API_KEY }).config.listChannels();
    scope.done();
  });

  it('has the name and contract version the core expects', () => {
    const provider = createMessagingApiProvider({ baseUrl: BASE, apiKey: API_KEY });
    expect(provider.name).toBe('messaging-api');
    expect(provider.specificationVersion).toBe('v1');
  });
});
