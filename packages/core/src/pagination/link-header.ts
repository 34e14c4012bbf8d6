/**
 * Reads the URL of a relation (`next` by default) from an RFC 8288 `Link`
 * header: `<https://api/x?page=2>; rel=next, <...>; rel="last"`.
 * Liberal: quoted or bare `rel`, several relations per link, any order.
 */
export function parseLinkHeader(header: string | null | undefined, rel = 'next'): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(/,(?=\s*<)/)) {
    const match = /<([^>]*)>(.*)/.exec(part.trim());
    if (!match) continue;
    const params = match[2] ?? '';
    const relMatch = /;\s*rel\s*=\s*"?([^";]+)"?/i.exec(params);
    if (relMatch && (relMatch[1] as string).trim().toLowerCase().split(/\s+/).includes(rel.toLowerCase())) return match[1];
  }
  return undefined;
}
