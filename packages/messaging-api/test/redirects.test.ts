// Neither x-api-key nor x-api-id, nor a message, ever goes to a redirect's
// target, and send() never resolves with another origin's id.
import nock from 'nock';
import { RedirectRefusedError, type WamuxError } from '@wamux/core';
import { useNock } from '../../../test-support/use-nock';
import { API_ID, API_KEY, BASE, collect, expectNoSecrets, makeProvider, rejectionOf } from './helpers';

const OTHER = 'https://collector.evil.test';
const TO = '+905551112233';

useNock();

/** Everything the other origin received, whatever the method and path. */
function otherOrigin() {
  const received: Array<{ method: string; path: string }> = [];
  for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
    nock(OTHER)
      .persist()
      .intercept(/.*/, method)
      .reply((path: string) => {
        received.push({ method, path });
        return [200, { status: 200, statusKey: 'SUCCESS', results: [{ id: 'evil-id', type: 'text' }] }];
      });
  }
  return received;
}

describe('x-api-key + x-api-id', () => {
  it.each([
    [301, 'unknown'],
    [302, 'unknown'],
    [303, 'unknown'],
    [307, 'not_sent'],
    [308, 'not_sent'],
  ] as const)('a %i on the send is refused: the other origin gets nothing, send() rejects (delivery %s)', async (status, delivery) => {
    const received = otherOrigin();
    nock(BASE, { reqheaders: { 'x-api-key': API_KEY, 'x-api-id': API_ID } })
      .post('/api/v1/message/send')
      .reply(status, '', { location: `${OTHER}/api/v1/message/send?apiKey=${API_KEY}` });
    const error = (await rejectionOf(makeProvider().send({ type: 'text', to: TO, text: 'Hello!' }))) as WamuxError;
    expect(error).toBeInstanceOf(RedirectRefusedError);
    expect(error).toMatchObject({ code: 'redirect_refused', status, location: OTHER, delivery, provider: 'messaging-api' });
    expect(received).toEqual([]);
    expectNoSecrets(error);
  });

  it('with x-api-key alone (no apiId configured) too', async () => {
    const received = otherOrigin();
    nock(BASE)
      .post('/api/v1/message/send')
      .reply(307, '', { location: `${OTHER}/send` });
    const error = await rejectionOf(makeProvider({ apiId: undefined }).send({ type: 'text', to: TO, text: 'Hello!' }));
    expect(error).toBeInstanceOf(RedirectRefusedError);
    expect(received).toEqual([]);
  });

  it('a redirect of a read is refused too, and not retried', async () => {
    const received = otherOrigin();
    nock(BASE)
      .get('/api/v1/config/tmpl/hsm')
      .query(true)
      .times(3)
      .reply(302, '', { location: `${OTHER}/hsm` });
    const error = await rejectionOf(collect(makeProvider().listTemplates()));
    expect(error).toBeInstanceOf(RedirectRefusedError);
    expect(received).toEqual([]);
    expect(nock.pendingMocks().filter((mock) => mock.includes('tmpl/hsm'))).toHaveLength(1);
  });
});
