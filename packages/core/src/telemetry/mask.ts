/**
 * Masks a phone number or a customer id for a log line or a span attribute
 * an app opted in to: every digit but the last three becomes `*`, and any
 * other identifier keeps only its last three characters
 * (`+4915112345678` -> `+**********678`).
 */
export function maskPhone(value: string): string {
  const trimmed = value.trim();
  if (/^\+?[\d\s().-]+$/.test(trimmed)) {
    const digits = trimmed.replace(/\D/g, '');
    const kept = digits.slice(-3);
    return `${trimmed.startsWith('+') ? '+' : ''}${'*'.repeat(Math.max(0, digits.length - kept.length))}${kept}`;
  }
  return `${'*'.repeat(Math.max(3, trimmed.length - 3))}${trimmed.slice(-3)}`;
}

/** A path segment kept as it is in a route template: a word (`messages`, `media_upload`) or an API version (`v1`, `v17.0`). */
const KEPT_SEGMENT = /^(?:[a-z][a-z_-]{0,31}|v\d{1,3}(?:\.\d{1,3})?)$/;

/**
 * The route template of a request path, for span names, attributes and
 * metric labels: every segment that is not a plain lower-case word or an
 * API version becomes `{id}`, so ids, phone numbers and tokens carried in
 * a path never leave the process, and a metric label takes few values
 * (`/v1/messages/wamid.HBg...` -> `/v1/messages/{id}`).
 */
export function routeTemplate(path: string): string {
  const bare = path.split(/[?#]/, 1)[0] ?? '';
  const segments = bare.split('/');
  for (let index = 0; index < segments.length; index += 1) {
    const segment = segments[index] as string;
    if (segment !== '' && !KEPT_SEGMENT.test(segment)) segments[index] = '{id}';
  }
  const template = segments.join('/');
  return template.startsWith('/') ? template : `/${template}`;
}
