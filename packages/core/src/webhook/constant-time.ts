const encoder = new TextEncoder();

/**
 * Compares two secrets in time that depends only on the expected secret's
 * length, so a caller cannot learn a secret byte by byte from response times.
 * Pure JavaScript: it runs in Node, edge runtimes and browsers alike.
 */
export function constantTimeEqual(actual: string | undefined | null, expected: string): boolean {
  // UTF-16 code units compare exactly as well as UTF-8 bytes do, without
  // encoding either string on every webhook.
  const a = actual ?? '';
  let diff = a.length ^ expected.length;
  const step = Math.max(a.length, 1);
  for (let i = 0; i < expected.length; i += 1) diff |= (a.charCodeAt(i % step) || 0) ^ expected.charCodeAt(i);
  return diff === 0 && actual !== undefined && actual !== null;
}

/** HMAC-SHA256 of `body` with `secret`, hex encoded, through WebCrypto. */
export async function hmacSha256Hex(secret: string, body: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const signature = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(body)));
  return Array.from(signature, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
