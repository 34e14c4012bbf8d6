// No secret in any field of any error: a vendor that echoes a credential in
// its request id header, its trace id, its error code or its message key
// must not get it into the error's JSON, its inspection, its stack or any
// link of its cause chain.
import { inspect } from 'node:util';
import nock from 'nock';
import * as v from 'valibot';
import {
  createHttpClient,
  NetworkError,
  ValidationError,
  WamuxError,
  type HttpClientOptions,
  type HttpFailure,
  type VendorErrorInfo,
} from '@wamux/core/adapter';
import { useNock } from '../../../test-support/use-nock';

const BASE = 'https://api.secrets.test';
const TOKEN = 'tok_live_ECHOED_0123456789abcdef';
const API_ID = 'api-id-ECHOED-445566';
const PASSWORD = 'pw-ECHOED-correct-horse';
const SECRETS = [TOKEN, API_ID, PASSWORD];

useNock();

/** Every view of an error and of each link of its cause chain. */
function views(error: unknown): string[] {
  const out: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 10 && current !== undefined && current !== null; depth += 1) {
    const e = current as Error;
    out.push(String(e.message), String(e.stack), String(JSON.stringify(e)), inspect(e, { depth: 10 }), inspect(e, { depth: 10, showHidden: true }));
    if (e instanceof WamuxError) out.push(JSON.stringify(e.toJSON()), String(e.requestId), String(e.vendorCode), String(JSON.stringify(e.details)));
    current = e.cause;
  }
  return out;
}

function expectSecretFree(error: unknown): void {
  expect(error).toBeInstanceOf(WamuxError);
  for (const view of views(error)) for (const secret of SECRETS) expect(view).not.toContain(secret);
}

/** Reads an envelope such as `{ messageKey, traceid, errors: [{ codeKey }] }` into the error fields, as an adapter does. */
function envelopeHook(failure: HttpFailure): VendorErrorInfo | undefined {
  const body = failure.body as { messageKey?: string; traceid?: string; code?: string; message?: string } | undefined;
  if (body === undefined || typeof body !== 'object') return undefined;
  return { vendorCode: body.code ?? body.messageKey, requestId: body.traceid, message: body.message, details: body };
}

function client(extra: Partial<HttpClientOptions> = {}) {
  return createHttpClient({
    provider: 'acme',
    baseUrl: BASE,
    headers: () => ({ 'x-api-key': TOKEN, 'x-api-id': API_ID }),
    secrets: () => [PASSWORD],
    retry: false,
    mapError: envelopeHook,
    errorInBody: (answer) => ((answer.body as { status?: string } | undefined)?.status === 'FAILED' ? envelopeHook(answer) : undefined),
    ...extra,
  });
}

async function failure(promise: Promise<unknown>): Promise<WamuxError> {
  return (await promise.then(
    () => {
      throw new Error('expected the request to fail');
    },
    (error: unknown) => error,
  )) as WamuxError;
}

describe('a vendor echoing credentials', () => {
  it.each(['x-request-id', 'traceid', 'x-trace-id', 'x-correlation-id'])('in the %s header: requestId is scrubbed', async (header) => {
    nock(BASE)
      .post('/send')
      .reply(500, {}, { [header]: `trace-${TOKEN}` });
    const error = await failure(client().request({ method: 'POST', path: '/send', json: {} }));
    expect(error.requestId).toBe('trace-[redacted]');
    expectSecretFree(error);
  });

  it('in the error code, the message key, the trace id and the message of an error body', async () => {
    nock(BASE)
      .post('/send')
      .reply(400, {
        code: `E_${TOKEN}`,
        messageKey: `KEY_${API_ID}`,
        traceid: `trace-${PASSWORD}`,
        message: `bad key ${TOKEN}`,
        nested: { deep: [{ echo: API_ID }] },
      });
    const error = await failure(client().request({ method: 'POST', path: '/send', json: {} }));
    expect(error.vendorCode).toBe('E_[redacted]');
    expect(error.requestId).toBe('trace-[redacted]');
    expectSecretFree(error);
  });

  it('the message key alone becomes the vendor code, scrubbed', async () => {
    nock(BASE).post('/send').reply(422, { messageKey: TOKEN });
    const error = await failure(client().request({ method: 'POST', path: '/send', json: {} }));
    expect(error.vendorCode).toBe('[redacted]');
    expectSecretFree(error);
  });

  it('inside an error envelope of a 2xx answer', async () => {
    nock(BASE)
      .post('/send')
      .reply(200, { status: 'FAILED', messageKey: `INVALID_${TOKEN}`, traceid: API_ID }, { 'x-request-id': TOKEN });
    const error = await failure(client().request({ method: 'POST', path: '/send', json: {} }));
    expect(error.code).toBe('request_rejected');
    expect(error.requestId).toBe('[redacted]');
    expectSecretFree(error);
  });

  it('in a 2xx body that does not match the schema: the message names the field, never the value received', async () => {
    // valibot would say "Expected string but received 12345678901234".
    nock(BASE).post('/send').reply(200, { token: 12345678901234, id: TOKEN });
    const error = await failure(client().request({ method: 'POST', path: '/send', json: {}, schema: v.object({ token: v.string(), id: v.number() }) }));
    expect(error.message).toBe('the response to POST /send does not match the documented shape: token: Invalid type: Expected string');
    for (const view of views(error)) {
      expect(view).not.toContain('12345678901234');
      expect(view).not.toContain('but received');
    }
    expect(error.details).toEqual({
      issues: [
        { path: 'token', message: 'Invalid type: Expected string' },
        { path: 'id', message: 'Invalid type: Expected number' },
      ],
    });
    expectSecretFree(error);
  });

  it('in a 2xx body that does not match the schema: a received value the client knows nothing of is not echoed either', async () => {
    // A token the vendor minted (not one of the client's secrets), in nested fields, as a string and in a union.
    const minted = 'sess_minted_by_vendor_778899';
    nock(BASE)
      .post('/login')
      .reply(200, { session: { token: 42, id: minted }, kind: minted });
    const schema = v.object({ session: v.object({ token: v.string(), id: v.number() }), kind: v.picklist(['a', 'b']) });
    const error = await failure(client().request({ method: 'POST', path: '/login', json: {}, schema }));
    expect(error.message).toMatch(/^the response to POST \/login does not match the documented shape: session\.token: /);
    expect((error.details as { issues: Array<{ path: string }> }).issues.map((issue) => issue.path)).toEqual(['session.token', 'session.id', 'kind']);
    for (const view of views(error)) {
      expect(view).not.toContain(minted);
      expect(view).not.toContain('but received');
    }
  });

  it('in a transport failure whose message and cause chain carry the credential', async () => {
    const inner = Object.assign(new Error(`socket to host with key ${TOKEN} reset`), { code: 'ECONNRESET' });
    const outer = new TypeError(`fetch failed (${API_ID})`, { cause: inner });
    const error = await failure(client({ fetch: () => Promise.reject(outer) }).request({ method: 'POST', path: '/send', json: {} }));
    expect(error).toBeInstanceOf(NetworkError);
    expect((error.cause as { code?: string }).code).toBe('ECONNRESET');
    expectSecretFree(error);
  });
});

describe('error fields scrubbed by the constructor', () => {
  it('requestId, vendorCode, details, issues and the cause, with the error secrets', () => {
    const cause = new Error(`upstream said ${TOKEN}`);
    const error = new WamuxError('provider_error', `failed for ${TOKEN}`, {
      requestId: `r-${TOKEN}`,
      vendorCode: `c-${API_ID}`,
      details: { echo: PASSWORD, list: [TOKEN], token: 'anything' },
      cause,
      secrets: SECRETS,
    });
    expect(error).toMatchObject({
      requestId: 'r-[redacted]',
      vendorCode: 'c-[redacted]',
      details: { echo: '[redacted]', list: ['[redacted]'], token: '[redacted]' },
    });
    expectSecretFree(error);
    const validation = new ValidationError([{ path: `message.${TOKEN}`, message: `bad ${API_ID}` }], { secrets: SECRETS });
    expect(validation.issues).toEqual([{ path: 'message.[redacted]', message: 'bad [redacted]' }]);
    expectSecretFree(validation);
  });
});
