const encoder = new TextEncoder();

/**
 * Compares two secrets in time that depends only on the expected secret's
 * length, so a caller cannot learn a secret byte by byte from response times.
 * Pure JavaScript: it runs in Node, edge runtimes and browsers alike.
 */
export function constantTimeEqual(actual: string | undefined | null, expected: string): boolean {
  const a = encoder.encode(actual ?? '');
  const b = encoder.encode(expected);
  let diff = a.length ^ b.length;
  for (let i = 0; i < b.length; i += 1) diff |= (a[i % Math.max(a.length, 1)] ?? 0) ^ (b[i] as number);
  return diff === 0 && actual !== undefined && actual !== null;
}

/** HMAC-SHA256 of `body` with `secret`, hex encoded, through WebCrypto. */
export async function hmacSha256Hex(secret: string, body: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const signature = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(body)));
  return Array.from(signature, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
