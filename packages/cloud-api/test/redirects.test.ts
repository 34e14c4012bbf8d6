// No access token and no message ever goes to a redirect's target, nor to a
// media URL on a host that is not Meta's.
import nock from 'nock';
import { RedirectRefusedError, type WamuxError } from '@wamux/core';
import { useNock } from '../../../test-support/use-nock';
import { caught, expectNoSecrets, GRAPH, MESSAGES, provider, TO, TOKEN } from './helpers';

const OTHER = 'https://collector.evil.test';

useNock();

/** Everything the other origin received. */
function otherOrigin() {
  const received: string[] = [];
  for (const method of ['GET', 'POST', 'PUT', 'DELETE']) {
    nock(OTHER)
      .persist()
      .intercept(/.*/, method)
      .reply((path: string) => {
        received.push(`${method} ${path}`);
        return [200, { messages: [{ id: 'wamid.FROM-THE-OTHER-ORIGIN' }], url: `${OTHER}/x` }];
      });
  }
  return received;
}

it.each([
  [301, 'unknown'],
  [302, 'unknown'],
  [307, 'not_sent'],
  [308, 'not_sent'],
] as const)('a %i on a send is refused, nothing reaches the other origin (delivery %s)', async (status, delivery) => {
  const received = otherOrigin();
  nock(GRAPH)
    .post(MESSAGES)
    .reply(status, '', { location: `${OTHER}/v23.0/messages?access_token=${TOKEN}` });
  const error = (await caught(() => provider().send({ type: 'text', to: TO, text: 'Hello' }))) as WamuxError;
  expect(error).toBeInstanceOf(RedirectRefusedError);
  expect(error).toMatchObject({ code: 'redirect_refused', status, location: OTHER, delivery, provider: 'cloud-api' });
  expect(received).toEqual([]);
  expectNoSecrets(error, [TOKEN]);
});

it('a media URL on another host is not fetched with the access token', async () => {
  const received = otherOrigin();
  nock(GRAPH)
    .get('/v23.0/1037543291543636')
    .reply(200, { messaging_product: 'whatsapp', url: `${OTHER}/whatsapp_business/attachments/?mid=1`, mime_type: 'image/jpeg', id: '1037543291543636' });
  const error = (await caught(() => provider().downloadMedia('1037543291543636'))) as WamuxError;
  expect(error).toMatchObject({ code: 'unexpected_response', delivery: 'not_sent' });
  expect(error.message).toMatch(/refusing to send the access token/);
  expect(received).toEqual([]);
});

it("a media URL on Meta's lookaside host is fetched at once with the access token", async () => {
  const LOOKASIDE = 'https://lookaside.fbsbx.com';
  nock(GRAPH)
    .get('/v23.0/1037543291543636')
    .reply(200, {
      messaging_product: 'whatsapp',
      url: `${LOOKASIDE}/whatsapp_business/attachments/?mid=1037543291543636&ext=1&hash=ATs`,
      mime_type: 'image/jpeg',
      sha256: 'abc',
      file_size: 3,
      id: '1037543291543636',
    });
  const download = nock(LOOKASIDE)
    .get('/whatsapp_business/attachments/')
    .query(true)
    .matchHeader('authorization', `Bearer ${TOKEN}`)
    .reply(200, Buffer.from([1, 2, 3]), { 'content-type': 'image/jpeg' });
  const media = await provider().downloadMedia('1037543291543636');
  expect(download.isDone()).toBe(true);
  expect(Array.from(media.data)).toEqual([1, 2, 3]);
  expect(media.mimeType).toBe('image/jpeg');
});
