import { isSecretKey, redactText, redactValue } from '@wamux/core/adapter';

describe('isSecretKey', () => {
  it.each([
    'authorization',
    'Authorization',
    'x-api-key',
    'D360-API-KEY',
    'api_key',
    'apikey',
    'api-key',
    'token',
    'access_token',
    'accessToken',
    'refresh-token',
    'id_token',
    'password',
    'secret',
    'auth',
    'client_secret',
    'x-verify-token',
  ])('%s is a secret key', (key) => expect(isSecretKey(key)).toBe(true));

  it.each(['page', 'to', 'tokens', 'author', 'message', 'idempotency_key', 'secretary', 'keyword'])('%s is not a secret key', (key) => {
    expect(isSecretKey(key)).toBe(false);
  });
});

describe('redactText', () => {
  it('replaces every occurrence of each known secret', () => {
    expect(redactText('a=s3cr3t, again s3cr3t', ['s3cr3t'])).toBe('a=[redacted], again [redacted]');
    expect(redactText('one two', ['one', 'two'])).toBe('one two'); // shorter than 4 chars: ignored
    expect(redactText('key abcd and wxyz', ['abcd', 'wxyz'])).toBe('key [redacted] and [redacted]');
  });

  it('treats secrets literally (no regex injection)', () => {
    expect(redactText('price is $1.00+tax (a.b)', ['$1.00+tax'])).toBe('price is [redacted] (a.b)');
    expect(redactText('x.y.z', ['a.b.c'])).toBe('x.y.z');
  });

  it('scrubs secret-named query parameters in URLs and keeps the others', () => {
    expect(redactText('GET https://api.test/x?token=abc123&page=2#frag')).toBe('GET https://api.test/x?token=[redacted]&page=2#frag');
    expect(redactText('https://h/p?page=1&api_key=zzz&ACCESS_TOKEN=yyy')).toBe('https://h/p?page=1&api_key=[redacted]&ACCESS_TOKEN=[redacted]');
    expect(redactText('https://h/p?auth=')).toBe('https://h/p?auth=[redacted]');
    // Percent-encoded key names are decoded before the check.
    expect(redactText('https://h/p?api%5Fkey=zzz')).toBe('https://h/p?api%5Fkey=[redacted]');
    // A malformed escape must not throw.
    expect(redactText('https://h/p?%E0%A4%A=1&token=q')).toBe('https://h/p?%E0%A4%A=1&token=[redacted]');
    expect(redactText('https://h/p?page=2&to=905551112233')).toBe('https://h/p?page=2&to=905551112233');
  });

  it('scrubs passwords in URL user-info', () => {
    expect(redactText('proxy at https://bob:hunter2pass@proxy.test:8080/x failed')).toBe('proxy at https://bob:[redacted]@proxy.test:8080/x failed');
  });

  it('scrubs Bearer, Token and Basic credentials of at least 8 characters', () => {
    expect(redactText('header Bearer eyJhbGciOi.J9.abc-_~+/= was rejected')).toBe('header Bearer [redacted] was rejected');
    expect(redactText('Authorization: Basic dXNlcjpwYXNz')).toBe('Authorization: Basic [redacted]');
    expect(redactText('Token 0123456789abcdef')).toBe('Token [redacted]');
    expect(redactText('Bearer short')).toBe('Bearer short');
  });

  it('leaves harmless text unchanged', () => {
    const text = 'POST /v1/messages failed with HTTP 500 for +905551112233';
    expect(redactText(text)).toBe(text);
    expect(redactText('')).toBe('');
  });
});

describe('redactValue', () => {
  it('replaces secret-named keys at any depth, whatever their value type', () => {
    const input = {
      status: 401,
      error: { message: 'bad', token: 'abc', nested: [{ password: 1234, ok: true }, { client_secret: { deep: 'x' } }] },
      headers: { Authorization: 'Bearer qwertyuiop', accept: 'application/json' },
    };
    expect(redactValue(input)).toEqual({
      status: 401,
      error: { message: 'bad', token: '[redacted]', nested: [{ password: '[redacted]', ok: true }, { client_secret: '[redacted]' }] },
      headers: { Authorization: '[redacted]', accept: 'application/json' },
    });
  });

  it('scrubs known secrets and credential-shaped text inside every string', () => {
    const out = redactValue({ list: ['echo sk_abcdef', 'see https://x/?token=t1'], msg: 'Bearer abcdefghijk' }, ['sk_abcdef']);
    expect(out).toEqual({ list: ['echo [redacted]', 'see https://x/?token=[redacted]'], msg: 'Bearer [redacted]' });
  });

  it('returns a copy and leaves the input untouched', () => {
    const input = { token: 'abc', inner: { keep: 'yes' } };
    const out = redactValue(input) as typeof input;
    expect(input.token).toBe('abc');
    expect(out).not.toBe(input);
    expect(out.inner).not.toBe(input.inner);
  });

  it('passes primitives through and summarises bytes', () => {
    expect(redactValue(42)).toBe(42);
    expect(redactValue(null)).toBeNull();
    expect(redactValue(undefined)).toBeUndefined();
    expect(redactValue(true)).toBe(true);
    expect(redactValue(new Uint8Array(5))).toBe('[5 bytes]');
    expect(redactValue({ file: Buffer.from('secret body') })).toEqual({ file: '[11 bytes]' });
  });

  it('survives cycles', () => {
    const a: Record<string, unknown> = { name: 'a' };
    a.self = a;
    const list: unknown[] = [1];
    list.push(list);
    expect(redactValue(a)).toEqual({ name: 'a', self: '[truncated]' });
    expect(redactValue(list)).toEqual([1, '[truncated]']);
  });

  it('bounds depth so a hostile body cannot exhaust the stack', () => {
    let deep: Record<string, unknown> = { leaf: 'x' };
    for (let i = 0; i < 5000; i += 1) deep = { child: deep };
    const out = JSON.stringify(redactValue(deep));
    expect(out).toContain('[truncated]');
    expect(out).not.toContain('leaf');
    expect((out.match(/child/g) ?? []).length).toBeLessThan(20);
  });
});
