import type { EmulatorRoute } from '@wamux/emulator';
import { d360Error } from '../errors';
import type { EmulatorState } from '../state';

/** `GET` and `POST /v1/configs/webhook`: where the emulator posts deliveries, and the headers it adds to each. */
export function webhookConfigRoutes(state: EmulatorState): EmulatorRoute[] {
  const answer = () => ({ json: { url: state.webhook.url ?? null, headers: state.webhook.headers } });
  return [
    { method: 'GET', pattern: '/v1/configs/webhook', handler: answer },
    {
      method: 'POST',
      pattern: '/v1/configs/webhook',
      handler: (request) => {
        const body = request.json as { url?: unknown; headers?: unknown } | undefined;
        if (typeof body?.url !== 'string' || !URL.canParse(body.url)) return d360Error(400, 'url is required and must be a URL');
        const headers = body.headers ?? {};
        if (typeof headers !== 'object' || headers === null || Array.isArray(headers) || Object.values(headers).some((value) => typeof value !== 'string')) {
          return d360Error(400, 'headers must be an object of text values');
        }
        state.webhook = { url: body.url, headers: { ...(headers as Record<string, string>) } };
        return answer();
      },
    },
  ];
}
