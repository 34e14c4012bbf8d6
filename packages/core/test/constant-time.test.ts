import { createHmac } from 'node:crypto';
import { constantTimeEqual, hmacSha256Hex } from '@wamux/core/adapter';

describe('constantTimeEqual', () => {
  it('is true for equal strings', () => {
    expect(constantTimeEqual('s3cret-token', 's3cret-token')).toBe(true);
    expect(constantTimeEqual('ğüşiöç✓', 'ğüşiöç✓')).toBe(true);
  });

  it('is false for strings of the same length that differ anywhere', () => {
    const expected = 'abcdefgh';
    for (let i = 0; i < expected.length; i += 1) {
      const actual = `${expected.slice(0, i)}X${expected.slice(i + 1)}`;
      expect(constantTimeEqual(actual, expected)).toBe(false);
    }
  });

  it('is false for different lengths, prefixes and repetitions', () => {
    expect(constantTimeEqual('abc', 'abcd')).toBe(false);
    expect(constantTimeEqual('abcde', 'abcd')).toBe(false);
    expect(constantTimeEqual('abab', 'ab')).toBe(false);
    expect(constantTimeEqual('ab', 'abab')).toBe(false);
    expect(constantTimeEqual('a', 'aaaa')).toBe(false);
  });

  it('is false for a missing value, even against an empty expected secret', () => {
    expect(constantTimeEqual(undefined, 'secret')).toBe(false);
    expect(constantTimeEqual(null, 'secret')).toBe(false);
    expect(constantTimeEqual('', 'secret')).toBe(false);
    expect(constantTimeEqual(undefined, '')).toBe(false);
    expect(constantTimeEqual(null, '')).toBe(false);
    expect(constantTimeEqual('', '')).toBe(true);
  });

  it('compares bytes, not UTF-16 units', () => {
    // Same UTF-16 length, different UTF-8 bytes.
    expect(constantTimeEqual('é', 'e')).toBe(false);
    expect(constantTimeEqual('\u00e9', 'e\u0301')).toBe(false);
  });
});

describe('hmacSha256Hex', () => {
  it('matches RFC 4231 test case 2', async () => {
    await expect(hmacSha256Hex('Jefe', 'what do ya want for nothing?')).resolves.toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });

  it('matches node:crypto for a UTF-8 body', async () => {
    const body = JSON.stringify({ text: 'Merhaba dünya ✓', n: 1 });
    const expected = createHmac('sha256', 'webhook-secret').update(body, 'utf8').digest('hex');
    await expect(hmacSha256Hex('webhook-secret', body)).resolves.toBe(expected);
  });

  it('depends on both the secret and the body', async () => {
    const a = await hmacSha256Hex('k1', 'body');
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(await hmacSha256Hex('k2', 'body')).not.toBe(a);
    expect(await hmacSha256Hex('k1', 'body ')).not.toBe(a);
  });
});
