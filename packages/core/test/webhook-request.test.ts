import { parseJsonBody, queryParam, WebhookPayloadError, webhookRequest } from '@wamux/core/adapter';

describe('webhookRequest', () => {
  it('lower-cases header names and joins repeated values', () => {
    const request = webhookRequest({ headers: { 'X-Signature': 'abc', Accept: ['a', 'b'], Missing: undefined }, body: '{}' });
    expect(request.headers).toEqual({ 'x-signature': 'abc', accept: 'a, b' });
  });

  it('reads a Headers object', () => {
    expect(webhookRequest({ headers: new Headers({ 'X-Token': 't' }), body: '' }).headers).toEqual({ 'x-token': 't' });
  });

  it('keeps a string body untouched, decodes bytes and serialises an object', () => {
    expect(webhookRequest({ body: ' {"a": 1} ' }).body).toBe(' {"a": 1} ');
    expect(webhookRequest({ body: new TextEncoder().encode('ğ✓') }).body).toBe('ğ✓');
    expect(webhookRequest({ body: Buffer.from('{"b":2}') }).body).toBe('{"b":2}');
    expect(webhookRequest({ body: { c: [3] } }).body).toBe('{"c":[3]}');
  });

  it('defaults to POST on localhost and upper-cases the method', () => {
    expect(webhookRequest({ body: '' })).toEqual({ method: 'POST', url: 'http://localhost/', headers: {}, body: '' });
    expect(webhookRequest({ method: 'get', url: 'https://x/hook?a=1', body: '' })).toMatchObject({ method: 'GET', url: 'https://x/hook?a=1' });
  });
});

describe('parseJsonBody', () => {
  it('parses JSON', () => {
    expect(parseJsonBody(webhookRequest({ body: '{"entry":[1]}' }), 'p')).toEqual({ entry: [1] });
  });

  it('throws a 400 WebhookPayloadError naming the provider, without echoing the body', () => {
    let error: unknown;
    try {
      parseJsonBody(webhookRequest({ body: 'token=sk_abcdef1234' }), 'acme');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WebhookPayloadError);
    expect(error).toMatchObject({ status: 400, provider: 'acme', code: 'webhook_payload_invalid' });
    expect(JSON.stringify(error)).not.toContain('sk_abcdef1234');
  });
});

describe('queryParam', () => {
  it('reads a query parameter of the full URL or of a path', () => {
    expect(queryParam(webhookRequest({ url: 'https://app/hook?auth=s3cret&x=1', body: '' }), 'auth')).toBe('s3cret');
    expect(queryParam(webhookRequest({ url: '/hook?auth=a%20b', body: '' }), 'auth')).toBe('a b');
  });

  it('answers what URLSearchParams answers: first occurrence, empty values, + and percent escapes, fragments', () => {
    const urls = [
      'https://app/hook?auth=a&auth=b',
      'https://app/hook?x=1&auth=&y=2',
      'https://app/hook?auth',
      'https://app/hook?&&auth=v&',
      'https://app/hook?auth=a+b%2Bc',
      'https://app/hook?au%74h=escaped-name',
      'https://app/hook?auth=v#auth=fragment',
      'https://app/hook?authx=1&xauth=2',
      'https://app/hook?auth=%E2%9C%93&other=%',
      'https://app/hook?auth=a=b',
    ];
    for (const url of urls) {
      const expected = new URL(url).searchParams.get('auth') ?? undefined;
      expect({ url, value: queryParam(webhookRequest({ url, body: '' }), 'auth') }).toEqual({ url, value: expected });
    }
  });

  it('is undefined when absent or when the URL is unusable', () => {
    expect(queryParam(webhookRequest({ url: 'https://app/hook', body: '' }), 'auth')).toBeUndefined();
    expect(queryParam({ method: 'POST', url: 'http://[bad', headers: {}, body: '' }, 'auth')).toBeUndefined();
  });
});
