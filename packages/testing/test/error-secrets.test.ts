// Every adapter, with a vendor that echoes its credential back: in the
// request id header, the trace id, the error code and the message key. The
// credential must not appear in the error's JSON, its inspection, its stack
// or any link of its cause chain.
import { inspect } from 'node:util';
import nock from 'nock';
import { WamuxError } from '@wamux/core';
import { createDesk360Provider } from '@wamux/desk360';
import { createGetchatProvider } from '@wamux/getchat';
import { createMessagingApiProvider } from '@wamux/messaging-api';
import { useNock } from '../../../test-support/use-nock';

const TO = '+905551112233';
const message = { type: 'text', to: TO, text: 'Hello!' } as const;

useNock();

/** Every view of an error and of each link of its cause chain. */
function expectSecretFree(error: unknown, secrets: readonly string[]): void {
  expect(error).toBeInstanceOf(WamuxError);
  let current: unknown = error;
  for (let depth = 0; depth < 10 && current !== undefined && current !== null; depth += 1) {
    const e = current as Error;
    const views = [String(e.message), String(e.stack), String(JSON.stringify(e)), inspect(e, { depth: 10 }), inspect(e, { depth: 10, showHidden: true })];
    for (const view of views) for (const secret of secrets) expect(view).not.toContain(secret);
    current = e.cause;
  }
}

async function rejection(promise: Promise<unknown>): Promise<WamuxError> {
  return (await promise.then(
    () => {
      throw new Error('expected the send to fail');
    },
    (error: unknown) => error,
  )) as WamuxError;
}

describe('desk360', () => {
  const BASE = 'https://public-api.desk360.com';
  const KEY = 'desk360EchoedKey0123456789abcdefABCDEF';
  const provider = () => createDesk360Provider({ apiKey: KEY, integrationId: 11, retry: false, rateLimit: false });

  it.each([400, 500])('HTTP %i echoing the key in x-request-id and error.code', async (status) => {
    nock(BASE)
      .post('/v1/integrations/11/conversations/messages')
      .reply(
        status,
        { error: { code: `bad_${KEY}`, message: `key ${KEY} refused`, doc_url: `https://docs.desk360.com/api?token=${KEY}` } },
        { 'x-request-id': KEY },
      );
    const error = await rejection(provider().send(message));
    expect(error.vendorCode).toBe('bad_[redacted]');
    expect(error.requestId).toBe('[redacted]');
    expectSecretFree(error, [KEY]);
  });

  it('a 200 rate limit echoing the key in traceid and error.code', async () => {
    nock(BASE)
      .post('/v1/integrations/11/conversations/messages')
      .reply(200, { error: { code: KEY } }, { 'Retry-After': '3600', traceid: KEY });
    const error = await rejection(provider().send(message));
    expect(error).toMatchObject({ code: 'rate_limited', delivery: 'not_sent' });
    expectSecretFree(error, [KEY]);
  });
});

describe('getchat', () => {
  const ORIGIN = 'https://acme.inbox.getchat.360dialog.io';
  const TOKEN = 'getchatEchoedToken0123456789abcdef012345';
  const API_KEY = 'getchatEchoedD360Key0123456789abcdef';

  it.each([
    ['token', { token: TOKEN }, TOKEN],
    ['d360ApiKey', { d360ApiKey: API_KEY }, API_KEY],
  ] as const)('%s echoed in traceid, x-request-id and the DRF code', async (_name, credentials, secret) => {
    nock(ORIGIN)
      .post('/api/v1/messages/')
      .reply(400, { detail: `invalid token ${secret}`, code: `code_${secret}` }, { traceid: secret, 'x-request-id': `req-${secret}` });
    const error = await rejection(createGetchatProvider({ stack: 'acme', retry: false, rateLimit: false, ...credentials }).send(message));
    expect(error.vendorCode).toBe('code_[redacted]');
    expectSecretFree(error, [secret]);
  });
});

describe('messaging-api', () => {
  const BASE = 'https://messaging.echo.test';
  const API_KEY = 'mapiEchoedKey-0123456789abcdef';
  const API_ID = 'mapiEchoedId-fedcba9876543210';
  const provider = () => createMessagingApiProvider({ baseUrl: BASE, apiKey: API_KEY, apiId: API_ID, channelId: 'wa360:918828218374', retry: false });

  it('a failed envelope in a 200 echoing them in messageKey, traceid and the field error codes', async () => {
    nock(BASE)
      .post('/api/v1/message/send')
      .reply(
        200,
        {
          status: 400,
          statusKey: 'FAILED',
          messageKey: `INVALID_${API_KEY}`,
          traceid: API_ID,
          errors: [{ field: 'to', codeKey: API_KEY, description: `bad ${API_ID}` }],
        },
        { 'x-request-id': API_KEY },
      );
    const error = await rejection(provider().send(message));
    expect(error.vendorCode).toBe('INVALID_[redacted]');
    expect(error.requestId).toBe('[redacted]');
    expectSecretFree(error, [API_KEY, API_ID]);
  });

  it.each([401, 503])('HTTP %i with an envelope echoing them', async (status) => {
    nock(BASE)
      .post('/api/v1/message/send')
      .reply(status, { status, statusKey: API_KEY, messageKey: API_ID, traceid: `${API_KEY}/${API_ID}` }, { traceid: API_ID });
    const error = await rejection(provider().send(message));
    expectSecretFree(error, [API_KEY, API_ID]);
  });
});
