import { postWebhook, type EmulatorRoute } from '@wamux/emulator';
import { apiBase, bodyOf, fieldErrors, noContent, notFound, ok, operationRoute, page } from './http';
import { userRef } from './serialize';
import type { OperationsEmulatorState } from './state';

/** `/webhooks/waba/`, `/status/health/`, `/errors/waba/` and `/fcm_device_tokens/`. */
export function statusRoutes(state: OperationsEmulatorState): EmulatorRoute[] {
  const bool = (value: unknown) => value === true || value === 'true';
  const isAdmin = () => state.users.get(state.currentUserId)?.profile.role === 'admin';

  const webhookJson = (id: number, base: string) => {
    const webhook = state.webhooks.get(id);
    if (!webhook) return undefined;
    const user = userRef(state, webhook.user, base);
    return { ...webhook, user: user && { id: user.id, username: user.username, url: user.url } };
  };

  const writeWebhook = (body: Record<string, unknown>, id: number, user: number) => {
    if (typeof body.url !== 'string' || !/^[a-z0-9.+-]*:\/\/[^\s:@/]+/i.test(body.url)) return fieldErrors({ url: 'Enter a valid URL.' });
    const headers = typeof body.headers === 'object' && body.headers !== null ? (body.headers as Record<string, string>) : {};
    state.webhooks.set(id, {
      id,
      user,
      url: body.url,
      on_incoming_message: bool(body.on_incoming_message),
      on_outgoing_message: bool(body.on_outgoing_message),
      on_assigned: bool(body.on_assigned),
      headers,
    });
    return undefined;
  };

  return [
    operationRoute('listWabaWebhooks', (request) => {
      const visible = [...state.webhooks.values()].filter((webhook) => isAdmin() || webhook.user === state.currentUserId);
      return page(
        request,
        visible.map((webhook) => webhookJson(webhook.id, apiBase(request))),
      );
    }),
    operationRoute('createWabaWebhook', (request) => {
      const id = state.nextId('webhook');
      const problem = writeWebhook(bodyOf(request), id, state.currentUserId);
      return problem ?? ok(webhookJson(id, apiBase(request)), 201);
    }),
    operationRoute('retrieveWabaWebhook', (request) => {
      const webhook = webhookJson(Number(request.params.id), apiBase(request));
      return webhook ? ok(webhook) : notFound();
    }),
    operationRoute('updateWabaWebhook', (request) => {
      const existing = state.webhooks.get(Number(request.params.id));
      if (!existing) return notFound();
      const problem = writeWebhook(bodyOf(request), existing.id, existing.user);
      return problem ?? ok(webhookJson(existing.id, apiBase(request)));
    }),
    operationRoute('deleteWabaWebhook', (request) => (state.webhooks.delete(Number(request.params.id)) ? noContent() : notFound())),
    operationRoute('testWabaWebhook', async (request) => {
      const webhook = state.webhooks.get(Number(request.params.id));
      if (!webhook) return notFound();
      // "sending a mock "statuses" HTTP POST request to its target url"
      const mock = {
        statuses: [
          {
            id: 'gBEGkFO33SUyAgm0lj123TmE5lc',
            getchat_id: '00000000-0000-0000-0000-000000000000',
            recipient_id: '48123123123',
            status: 'read',
            timestamp: String(state.now()),
            type: 'message',
          },
        ],
      };
      try {
        const delivery = await postWebhook(webhook.url, mock, webhook.headers);
        state.webhookTests.push({ webhookId: webhook.id, url: webhook.url, status: delivery.status });
        return delivery.status >= 200 && delivery.status < 300 ? ok({}) : { status: 400, json: { detail: `The webhook answered HTTP ${delivery.status}.` } };
      } catch {
        state.webhookTests.push({ webhookId: webhook.id, url: webhook.url, status: 0 });
        return { status: 400, json: { detail: 'The webhook could not be reached.' } };
      }
    }),

    operationRoute('listHealthStatuses', () => ok(state.healthStatuses)),

    operationRoute('listWabaErrors', (request) =>
      page(
        request,
        [...state.wabaErrors.values()].sort((a, b) => b.timestamp - a.timestamp),
      ),
    ),
    operationRoute('retrieveWabaError', (request) => {
      const error = state.wabaErrors.get(Number(request.params.id));
      return error ? ok(error) : notFound();
    }),

    operationRoute('listFcmDeviceTokens', (request) => {
      const token = request.query.get('token');
      const mine = [...state.fcmTokens.values()].filter((device) => device.user === state.currentUserId && (token === null || device.token === token));
      return page(
        request,
        mine.map((device) => ({ ...device, user: userRef(state, device.user, apiBase(request)) })),
      );
    }),
    operationRoute('registerFcmDeviceToken', (request) => {
      const body = bodyOf(request);
      if (typeof body.token !== 'string' || body.token === '') return fieldErrors({ token: 'This field is required.' });
      // Re-registering a known token refreshes it instead of duplicating it.
      const existing = [...state.fcmTokens.values()].find((device) => device.token === body.token && device.user === state.currentUserId);
      const device = { id: existing?.id ?? state.nextId('fcm'), token: body.token, user: state.currentUserId, last_seen: new Date().toISOString() };
      state.fcmTokens.set(device.id, device);
      return ok({ ...device, user: userRef(state, device.user, apiBase(request)) }, existing ? 200 : 201);
    }),
    operationRoute('updateFcmDeviceToken', (request) => {
      const device = state.fcmTokens.get(Number(request.params.id));
      if (!device || device.user !== state.currentUserId) return notFound();
      const body = bodyOf(request);
      if (typeof body.token !== 'string' || body.token === '') return fieldErrors({ token: 'This field is required.' });
      device.token = body.token;
      device.last_seen = new Date().toISOString();
      return ok({ ...device, user: userRef(state, device.user, apiBase(request)) });
    }),
    operationRoute('deregisterFcmDeviceToken', (request) => {
      const device = state.fcmTokens.get(Number(request.params.id));
      if (!device || device.user !== state.currentUserId) return notFound();
      state.fcmTokens.delete(device.id);
      return noContent();
    }),
  ];
}
