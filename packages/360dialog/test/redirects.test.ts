// The API key never goes to a redirect's target, nor to a media URL on a
// host that is neither Meta's media host (which 360dialog serves) nor the
// configured base URL.
import nock from 'nock';
import { RedirectRefusedError, type WamuxError } from '@wamux/core';
import { useNock } from '../../../test-support/use-nock';
import { API_KEY, caught, expectNoSecrets, HOST, provider, TO } from './helpers';

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
  nock(HOST)
    .post('/messages')
    .reply(status, '', { location: `${OTHER}/messages?key=${API_KEY}` });
  const error = (await caught(() => provider().send({ type: 'text', to: TO, text: 'Hello' }))) as WamuxError;
  expect(error).toBeInstanceOf(RedirectRefusedError);
  expect(error).toMatchObject({ code: 'redirect_refused', status, location: OTHER, delivery, provider: '360dialog' });
  expect(received).toEqual([]);
  expectNoSecrets(error, [API_KEY]);
});

it('a media URL on another host is not fetched with the API key', async () => {
  const received = otherOrigin();
  nock(HOST)
    .get('/1037543291543636')
    .reply(200, { messaging_product: 'whatsapp', url: `${OTHER}/whatsapp_business/attachments/?mid=1`, mime_type: 'image/jpeg', id: '1037543291543636' });
  const error = (await caught(() => provider().downloadMedia('1037543291543636'))) as WamuxError;
  expect(error).toMatchObject({ code: 'unexpected_response', delivery: 'not_sent', provider: '360dialog' });
  expect(error.message).toMatch(/refusing to send the D360-API-KEY API key/);
  expect(received).toEqual([]);
  expectNoSecrets(error, [API_KEY]);
});

it('a plain http URL on a Meta-looking host is refused too', async () => {
  nock(HOST)
    .get('/1037543291543636')
    .reply(200, { messaging_product: 'whatsapp', url: 'http://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1', id: '1037543291543636' });
  const error = (await caught(() => provider().downloadMedia('1037543291543636'))) as WamuxError;
  expect(error).toMatchObject({ code: 'unexpected_response', delivery: 'not_sent' });
});
