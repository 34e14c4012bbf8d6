/**
 * Secret scrubbing. Every error message, detail object and log line that can
 * contain text from a vendor or a URL passes through here, so a vendor that
 * echoes a token back, or a URL with `?auth=...`, never leaks a credential.
 */

/** Query parameters and JSON keys whose values are always treated as secrets. */
const SECRET_KEY =
  /^(authorization|x-api-key|x-api-id|d360-api-key|x-verify-token|api[-_]?key|token|access[-_]?token|refresh[-_]?token|id[-_]?token|password|[a-z]+[-_]password|secret|auth|client[-_]?secret)$/i;

const REDACTED = '[redacted]';

/** True when a header, query parameter or JSON key names a credential. */
export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

/** Replaces every occurrence of each secret (at least 4 chars) in `text`. */
export function redactText(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join(REDACTED);
  }
  // Credentials in URLs: ?token=..., &auth=..., user:pass@host
  out = out.replace(/([?&])([^=&#\s]+)=([^&#\s]*)/g, (match, sep: string, key: string) =>
    isSecretKey(decodeURIComponentSafe(key)) ? `${sep}${key}=${REDACTED}` : match,
  );
  out = out.replace(/(\w+:\/\/)([^/@\s:]+):([^/@\s]+)@/g, `$1$2:${REDACTED}@`);
  // "Bearer abc", "Token abc" style credentials quoted in vendor messages.
  out = out.replace(/\b(Bearer|Token|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/g, `$1 ${REDACTED}`);
  return out;
}

/**
 * A deep copy of `value` with secret-named keys replaced and every string
 * scrubbed with {@link redactText}. Cycles and depth are bounded so hostile
 * vendor bodies cannot hang it.
 */
export function redactValue(value: unknown, secrets: readonly string[] = [], depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return redactText(value, secrets);
  if (value === null || typeof value !== 'object') return value;
  if (depth > 12 || seen.has(value)) return '[truncated]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, secrets, depth + 1, seen));
  if (value instanceof Uint8Array) return `[${value.byteLength} bytes]`;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = isSecretKey(key) ? REDACTED : redactValue(item, secrets, depth + 1, seen);
  }
  return out;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
