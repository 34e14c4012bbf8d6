/** Posts a JSON webhook body to `url` (what an emulator does when it simulates a delivery). */
export async function postWebhook(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; responseBody: string }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, responseBody: await response.text() };
}
