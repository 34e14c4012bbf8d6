// The subscription handshake: a request other than a POST goes to the
// provider's verifySubscription (Meta's verification GET); its reply is the
// answer, a wrong token is a 403, and a provider without one answers 405.
import { queryParam, createWebhookHandler, defineProvider, WebhookVerificationError, type WamuxError, type WebhookRequest } from '@wamux/core/adapter';
import { minimalDriver, startServer, type TestServer } from './support';

const VERIFY_TOKEN = 'verify-token-5678';

/** A provider that answers Meta-style handshakes: `hub.mode=subscribe`, `hub.verify_token`, `hub.challenge`. */
function handshakeProvider() {
  const seen: WebhookRequest[] = [];
  const parseWebhook = jest.fn(async () => ({ events: [] }));
  const verifySubscription = jest.fn((request: WebhookRequest) => {
    seen.push(request);
    if (queryParam(request, 'hub.mode') !== 'subscribe') return undefined;
    if (queryParam(request, 'hub.verify_token') !== VERIFY_TOKEN) throw new WebhookVerificationError('the verify token does not match', { provider: 'fake' });
    return { status: 200, body: queryParam(request, 'hub.challenge') ?? '' };
  });
  return { provider: defineProvider(minimalDriver({ parseWebhook, verifySubscription })), parseWebhook, verifySubscription, seen };
}

function setup() {
  const fake = handshakeProvider();
  const handler = createWebhookHandler(fake.provider);
  const errors: WamuxError[] = [];
  handler.on('error', (error) => errors.push(error));
  return { ...fake, handler, errors };
}

const handshakeUrl = (base: string, token = VERIFY_TOKEN) => `${base}/webhooks?hub.mode=subscribe&hub.verify_token=${token}&hub.challenge=1158201444`;

describe('webhook handshake: fetch()', () => {
  it('answers a subscription GET with the challenge, as text, and parses nothing', async () => {
    const { handler, parseWebhook, seen, errors } = setup();
    const response = await handler.fetch(new Request(handshakeUrl('https://app.test')));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await response.text()).toBe('1158201444');
    expect(seen[0]).toMatchObject({ method: 'GET', url: handshakeUrl('https://app.test'), body: '' });
    expect(parseWebhook).not.toHaveBeenCalled();
    expect(errors).toEqual([]);
  });

  it('answers 403 to a wrong verify token, reports the error, and never echoes the token', async () => {
    const { handler, errors } = setup();
    const response = await handler.fetch(new Request(handshakeUrl('https://app.test', 'wrong-token-9999')));
    expect(response.status).toBe(403);
    const text = await response.text();
    expect(text).not.toContain('wrong-token-9999');
    expect(text).not.toContain(VERIFY_TOKEN);
    expect(errors.map((error) => error.code)).toEqual(['webhook_verification_failed']);
  });

  it('answers 405 to a GET that is not a handshake, and to other methods', async () => {
    const { handler, verifySubscription, errors } = setup();
    expect((await handler.fetch(new Request('https://app.test/webhooks'))).status).toBe(405);
    expect((await handler.fetch(new Request('https://app.test/webhooks', { method: 'PUT', body: '{}' }))).status).toBe(405);
    expect(verifySubscription).toHaveBeenCalledTimes(2);
    expect(errors).toEqual([]);
  });

  it('answers 405 to a GET when the provider has no handshake', async () => {
    const handler = createWebhookHandler(defineProvider(minimalDriver()));
    const response = await handler.fetch(new Request(handshakeUrl('https://app.test')));
    expect(response.status).toBe(405);
  });

  it('answers 400 when the handshake fails for another reason, as for a delivery the adapter cannot read', async () => {
    const verifySubscription = () => {
      throw new TypeError('cannot read properties of undefined');
    };
    const handler = createWebhookHandler(defineProvider(minimalDriver({ verifySubscription })));
    handler.on('error', () => undefined);
    const response = await handler.fetch(new Request(handshakeUrl('https://app.test')));
    expect(response.status).toBe(400);
  });
});

describe('webhook handshake: node() and handle()', () => {
  let server: TestServer;
  let fake: ReturnType<typeof setup>;

  beforeEach(async () => {
    fake = setup();
    server = await startServer((req, res) => void fake.handler.node(req, res));
  });
  afterEach(() => server.close());

  it('answers the challenge over a real socket', async () => {
    const response = await fetch(handshakeUrl(server.url));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('1158201444');
    expect(fake.seen[0]?.url).toBe(handshakeUrl(server.url));
  });

  it('answers 403 to a wrong token over a real socket', async () => {
    const response = await fetch(handshakeUrl(server.url, 'wrong-token-9999'));
    expect(response.status).toBe(403);
    await response.text();
  });

  it('handle() gives the handshake outcome with the reply', async () => {
    const outcome = await fake.handler.handle({ method: 'GET', url: handshakeUrl('https://app.test'), headers: {}, body: '' });
    expect(outcome).toMatchObject({ status: 200, events: [], reply: { status: 200, body: '1158201444' } });
  });
});
