import { createHmac } from 'node:crypto';
import { WebhookVerificationError } from '@wamux/core';
import { answerSubscription, signatureFor, verifySignature } from '@wamux/whatsapp-cloud';

const SECRET = 'meta-app-secret-0123456789abcdef';
const BODY = '{"object":"whatsapp_business_account","entry":[]}';
/** Computed independently with node:crypto, as Meta's docs describe: HMAC-SHA256 of the raw payload keyed with the app secret. */
const SIGNATURE = `sha256=${createHmac('sha256', SECRET).update(BODY).digest('hex')}`;

const request = (headers: Record<string, string>, body = BODY) => ({ headers, body });

describe('verifySignature (X-Hub-Signature-256)', () => {
  it('accepts the signature Meta computes over the raw body', async () => {
    await expect(verifySignature(request({ 'x-hub-signature-256': SIGNATURE }), SECRET, 'cloud-api')).resolves.toBeUndefined();
    expect(await signatureFor(BODY, SECRET)).toBe(SIGNATURE);
  });

  it('accepts the hex in upper case (a proxy may change case, not the signature)', async () => {
    await expect(verifySignature(request({ 'x-hub-signature-256': SIGNATURE.toUpperCase() }), SECRET, 'cloud-api')).resolves.toBeUndefined();
  });

  it.each([
    ['missing', {}],
    ['empty', { 'x-hub-signature-256': '' }],
    ['of another secret', { 'x-hub-signature-256': `sha256=${createHmac('sha256', 'other').update(BODY).digest('hex')}` }],
    ['without the sha256= prefix', { 'x-hub-signature-256': SIGNATURE.slice(7) }],
    ['the SHA-1 one', { 'x-hub-signature': `sha1=${createHmac('sha1', SECRET).update(BODY).digest('hex')}` }],
  ])('refuses a signature %s with a 401 that names no secret', async (_case, headers) => {
    const error = await verifySignature(request(headers), SECRET, 'cloud-api').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WebhookVerificationError);
    expect(error).toMatchObject({ status: 401, provider: 'cloud-api' });
    expect(JSON.stringify(error) + String((error as Error).message)).not.toContain(SECRET);
  });

  it('refuses a body changed after signing (even by whitespace)', async () => {
    await expect(verifySignature(request({ 'x-hub-signature-256': SIGNATURE }, `${BODY} `), SECRET, 'cloud-api')).rejects.toBeInstanceOf(
      WebhookVerificationError,
    );
  });
});

describe('answerSubscription (the GET handshake)', () => {
  const TOKEN = 'my-verify-token-1234';
  const get = (query: string) => ({ method: 'GET', url: `https://example.com/webhooks?${query}` });

  it('answers the challenge as text/plain when the token matches', () => {
    expect(answerSubscription(get(`hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=${TOKEN}`), TOKEN, 'cloud-api')).toEqual({
      status: 200,
      headers: { 'content-type': 'text/plain' },
      body: '1158201444',
    });
  });

  it('refuses a wrong token with a WebhookVerificationError that does not carry the token', () => {
    let error: unknown;
    try {
      answerSubscription(get('hub.mode=subscribe&hub.challenge=1&hub.verify_token=wrong'), TOKEN, 'cloud-api');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(WebhookVerificationError);
    expect(JSON.stringify(error)).not.toContain(TOKEN);
  });

  it('is not a handshake without hub.mode, or for another method', () => {
    expect(answerSubscription(get('foo=bar'), TOKEN, 'cloud-api')).toBeUndefined();
    expect(
      answerSubscription({ method: 'POST', url: `https://example.com/?hub.mode=subscribe&hub.verify_token=${TOKEN}&hub.challenge=1` }, TOKEN, 'cloud-api'),
    ).toBeUndefined();
  });
});
