import type { EmulatorRoute } from '@wamux/emulator';
import * as v from 'valibot';
import type { EmulatorContext } from '../context';
import { dataEnvelope, listEnvelope, resultsEnvelope } from '../envelope';
import { parseBody } from './validate';

const WebhookBody = v.strictObject({ url: v.pipe(v.string(), v.url('must be an absolute URL')) });

/** Channels, global vars, HSM templates, webhook URL. */
export function configRoutes(context: EmulatorContext): EmulatorRoute[] {
  const { state } = context;
  return [
    {
      method: 'GET',
      pattern: '/config/channels',
      handler: (request) => {
        // Either spelling of the flag: the document's prose and table disagree.
        const sandbox = request.query.get('sandbox') === 'true' || request.query.get('sabdnox') === 'true';
        const channels = state.channels.filter((channel) => sandbox || !channel.sandbox);
        return resultsEnvelope(channels.map(({ sandbox: _sandbox, ...channel }) => ({ ...channel, lane: Number(channel.lane) })));
      },
    },
    {
      method: 'GET',
      pattern: '/config/global/vars',
      handler: () => listEnvelope(state.globalVars),
    },
    {
      method: 'GET',
      pattern: '/config/tmpl/hsm',
      handler: (request) => {
        const channelId = request.query.get('channelId');
        const channelStatus = request.query.get('channelStatus')?.toUpperCase();
        const approvals = (template: Record<string, unknown>) => (template.approved as Array<{ channelId: string; status: string }>) ?? [];
        const templates = state.templates.filter((template) =>
          channelId === null && channelStatus === undefined
            ? true
            : approvals(template).some(
                (approval) =>
                  (channelId === null || approval.channelId === channelId) && (channelStatus === undefined || approval.status.toUpperCase() === channelStatus),
              ),
        );
        return listEnvelope(templates);
      },
    },
    {
      method: 'POST',
      pattern: '/config/webhook',
      handler: (request) => {
        const parsed = parseBody(context, WebhookBody, request.json);
        if (!parsed.ok) return parsed.response;
        state.webhookUrl = parsed.value.url;
        return dataEnvelope({
          id: 'app_emulator',
          webhook: parsed.value.url,
          appMode: 'BOT',
          appType: 'BOT',
          queue: 'default',
          keyName: 'emulator',
          agentApp: false,
          feedbackApp: false,
          readOnly: false,
          shared: false,
          config: {},
          props: {},
        });
      },
    },
  ];
}
