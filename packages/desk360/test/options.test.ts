import { ConfigurationError } from '@wamux/core';
import { createDesk360Provider, desk360Capabilities, type Desk360Options } from '@wamux/desk360';
import { caught, expectNoSecrets } from './helpers';

const make = (options: Record<string, unknown>) => () => createDesk360Provider(options as unknown as Desk360Options);

describe('createDesk360Provider options', () => {
  it.each([
    ['no credentials', {}, 'apiKey'],
    ['an email without a password', { email: 'a@b.test' }, 'password'],
    ['both an API key and a login', { apiKey: 'k3y-1234', email: 'a@b.test', password: 'p4ss-word' }, 'apiKey'],
    ['an empty API key', { apiKey: '  ' }, 'apiKey'],
    ['an email that is not one', { email: 'nope', password: 'p4ss-word' }, 'email'],
    ['a non-numeric integration id', { apiKey: 'k3y-1234', integrationId: 'abc' }, 'integrationId'],
    ['a plain http base URL', { apiKey: 'k3y-1234', baseUrl: 'http://public-api.desk360.com' }, 'baseUrl'],
    ['a webhook secret without a place', { apiKey: 'k3y-1234', webhookSecret: { value: 'abcd' } }, 'webhookSecret'],
    ['a negative timeout', { apiKey: 'k3y-1234', timeout: -1 }, 'timeout'],
    ['a misspelt option', { apiKey: 'k3y-1234', integrationID: 11 }, 'integrationID'],
  ])('refuses %s with a ConfigurationError naming the option', async (_what, options, field) => {
    const error = await caught(make(options));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).field).toBe(field);
  });

  it('never echoes a credential in a ConfigurationError', async () => {
    const error = await caught(make({ apiKey: 'has a space', password: 'p4ssw0rd-secret' }));
    expectNoSecrets(error, ['has a space', 'p4ssw0rd-secret']);
  });

  it('accepts plain HTTP only with allowInsecureHttp, a string integration id, and a base URL ending in /v1', () => {
    const desk360 = createDesk360Provider({ apiKey: 'k3y-1234', integrationId: '11', baseUrl: 'http://127.0.0.1:9/v1/', allowInsecureHttp: true });
    expect(desk360.name).toBe('desk360');
    expect(desk360.capabilities).toEqual({ ...desk360Capabilities, features: desk360Capabilities.features.filter((f) => f !== 'webhooks.verify') });
  });
});
