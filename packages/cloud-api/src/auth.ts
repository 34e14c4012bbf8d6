/** The access token as request headers: `Authorization: Bearer <token>` (Graph API). */
export function authHeaders(accessToken: string): () => Record<string, string> {
  const headers = { authorization: `Bearer ${accessToken}` };
  return () => headers;
}
