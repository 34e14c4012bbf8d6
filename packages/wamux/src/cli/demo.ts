import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isWamuxError, type OutboundMessage, type Provider, type SendResult, type WebhookEvent } from '@wamux/core/adapter';
import type { Router } from '@wamux/router';
import type { Emulator } from '@wamux/emulator';
import { createProvider } from '../create-provider';
import { localTargets, type LocalTarget } from '../emulators';
import { PROVIDER_NAMES, type ProviderName } from '../registry';
import { describeEvent, table } from './format';
import { startReceiver } from './receiver';
import { SAMPLE_CUSTOMER as CUSTOMER, SAMPLE_TEMPLATE as TEMPLATE } from './samples';

/** The width the demo lays itself out for when the terminal does not say (a pipe, a CI log). */
export const DEMO_DEFAULT_WIDTH = 80;
/** The narrowest a provider's column may be before the providers are split over several tables. */
const MIN_PROVIDER_COLUMN = 24;
/** The column of a router over two emulators (desk360, then getchat) whose primary is switched off mid-run. */
export const ROUTER_DEMO = 'router';
// A 1×1 PNG, served over HTTP for the image step.
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** One row of the demo: what the app did, and what each provider produced for it. */
interface StepResult {
  step: string;
  outcome: string;
}

/** What `wamux demo` prints per provider, also available as JSON. */
export interface DemoReport {
  provider: ProviderName | typeof ROUTER_DEMO;
  steps: StepResult[];
  events: string[];
}

/**
 * The app code of the demo. It is written once against `Provider` and run
 * unchanged against every provider: that is the point of wamux.
 */
async function scenario(
  provider: Provider,
  emulator: Emulator,
  webhookUrl: string,
  imageUrl: string,
  waitFor: (n: number) => Promise<void>,
  afterFirstSend?: () => Promise<StepResult>,
): Promise<StepResult[]> {
  const steps: StepResult[] = [];
  const { outbound, interactive, inbound, statuses } = provider.capabilities;

  const send = async (step: string, message: OutboundMessage): Promise<string | undefined> => {
    if (!outbound.includes(message.type) || (message.type === 'interactive' && !interactive.includes(message.interactive.kind))) {
      steps.push({ step, outcome: '— not offered' });
      return undefined;
    }
    try {
      const result = await provider.send(message);
      // A router says which of its providers sent the message.
      const routed: SendResult & { provider?: unknown } = result;
      // First, so that a narrow column cuts the id rather than the provider.
      const via = typeof routed.provider === 'string' ? `via ${routed.provider} ` : '';
      steps.push({ step, outcome: `✓ sent ${via}${result.id}` });
      return result.id;
    } catch (error) {
      steps.push({ step, outcome: `✗ ${isWamuxError(error) ? `${error.code}: ${error.message}` : String(error)}` });
      return undefined;
    }
  };

  emulator.seedTemplates([TEMPLATE]);
  const textId = await send('send text', { type: 'text', to: CUSTOMER, text: 'Your order #1001 has shipped 📦' });
  if (afterFirstSend) steps.push(await afterFirstSend());
  // Ask before using an optional feature: a vendor without captions refuses one rather than drop it.
  const caption = provider.capabilities.features.includes('media.captions') ? { caption: 'Your parcel' } : {};
  await send('send image', { type: 'image', to: CUSTOMER, media: { url: imageUrl }, ...caption });
  await send('send template', { type: 'template', to: CUSTOMER, template: { name: TEMPLATE.name, id: TEMPLATE.id, language: 'en', body: ['Ada', '#1001'] } });
  await send('send buttons', {
    type: 'interactive',
    to: CUSTOMER,
    interactive: {
      kind: 'buttons',
      body: 'Is tomorrow OK for delivery?',
      buttons: [
        { id: 'yes', title: 'Yes' },
        { id: 'later', title: 'Later' },
      ],
    },
  });

  let expected = 0;
  const simulate = async (step: string, run: () => Promise<{ status: number }>) => {
    const result = await run();
    expected += 1;
    steps.push({ step, outcome: result.status < 300 ? `✓ webhook ${result.status}` : `✗ webhook ${result.status}` });
  };
  await simulate('customer replies', () =>
    emulator.simulateInbound({ from: CUSTOMER, profileName: 'Ada', content: { type: 'text', text: 'Thanks! When will it arrive?' } }, { webhookUrl }),
  );
  if (inbound.includes('interactive_reply')) {
    await simulate('customer taps a button', () =>
      emulator.simulateInbound(
        { from: CUSTOMER, profileName: 'Ada', content: { type: 'interactive_reply', reply: { kind: 'button', id: 'yes', title: 'Yes' } } },
        { webhookUrl },
      ),
    );
  }
  if (textId) {
    for (const status of ['delivered', 'read'] as const) {
      if (statuses.includes(status))
        await simulate(`status ${status}`, () => emulator.simulateStatus({ messageId: textId, status, recipient: CUSTOMER }, { webhookUrl }));
    }
  }
  await waitFor(expected).catch(() => undefined);
  return steps;
}

/**
 * Runs the demo scenario against each provider's emulator, and through a
 * router (`router`) whose primary emulator is switched off after the first
 * send, and returns what happened.
 */
export async function runDemo(providers: ReadonlyArray<ProviderName | typeof ROUTER_DEMO> = [...PROVIDER_NAMES, ROUTER_DEMO]): Promise<DemoReport[]> {
  const media = await serveImage();
  const reports: DemoReport[] = [];
  try {
    for (const name of providers) {
      if (name === ROUTER_DEMO) {
        reports.push(await runRouterDemo(media.url));
        continue;
      }
      let target: LocalTarget;
      try {
        target = await localTargets[name]({});
      } catch (error) {
        reports.push({
          provider: name,
          steps: [{ step: 'start emulator', outcome: `✗ ${error instanceof Error ? error.message : String(error)}` }],
          events: [],
        });
        continue;
      }
      try {
        const provider = await createProvider(target.config);
        const received: WebhookEvent[] = [];
        const receiver = await startReceiver(provider, { onEvent: (event) => received.push(event) });
        try {
          const steps = await scenario(provider, target.emulator, receiver.url, media.url, (n) => receiver.waitFor(n));
          const errors = receiver.errors.map((error) => `error ${error.code}: ${error.message}`);
          reports.push({ provider: name, steps, events: [...received.map((event) => describeEvent(event, { compact: true })), ...errors] });
        } finally {
          await provider.close();
          await receiver.close();
        }
      } finally {
        await target.emulator.close();
      }
    }
  } finally {
    await media.close();
  }
  return reports;
}

/**
 * The router column: a failover router over the desk360 and getchat
 * emulators. The desk360 emulator (the primary) is switched off after the
 * first send; the rest of the scenario goes through getchat, each message
 * once, and webhooks come from getchat.
 */
async function runRouterDemo(imageUrl: string): Promise<DemoReport> {
  const primary = await localTargets.desk360({});
  let secondary: LocalTarget | undefined;
  try {
    secondary = await localTargets.getchat({});
    const router = (await createProvider({
      router: {
        strategy: 'failover',
        providers: [
          // No retries of its own: the router offers a message it did not send to getchat at once.
          { ...primary.config, name: 'desk360', retry: false },
          { ...secondary.config, name: 'getchat' },
        ],
        webhookProvider: 'getchat',
        // Every message is offered to desk360 first (no conversation
        // stickiness), and one failure opens its circuit: the column shows
        // a failover, then desk360 skipped.
        sticky: false,
        breaker: { failureThreshold: 1 },
        // The sample template is approved at both vendors, so it may fail over.
        templates: { [TEMPLATE.name]: { desk360: {}, getchat: {} } },
      },
    })) as Router;
    const received: WebhookEvent[] = [];
    const failovers: string[] = [];
    router.on('failover', (event) => failovers.push(`${event.from}→${event.to}`));
    const receiver = await startReceiver(router, { onEvent: (event) => received.push(event) });
    try {
      const switchOff = async (): Promise<StepResult> => {
        await primary.emulator.close();
        return { step: 'primary switched off', outcome: '⏻ desk360 stopped' };
      };
      const steps = await scenario(router, secondary.emulator, receiver.url, imageUrl, (n) => receiver.waitFor(n), switchOff);
      steps.push({ step: 'failovers', outcome: failovers.join(', ') || 'none' });
      steps.push({
        step: 'router health',
        outcome: router
          .health()
          .map((h) => `${h.provider} ${h.state}`)
          .join(', '),
      });
      const errors = receiver.errors.map((error) => `error ${error.code}: ${error.message}`);
      return { provider: ROUTER_DEMO, steps, events: [...received.map((event) => describeEvent(event, { compact: true })), ...errors] };
    } finally {
      await router.close();
      await receiver.close();
    }
  } catch (error) {
    return { provider: ROUTER_DEMO, steps: [{ step: 'start router', outcome: `✗ ${error instanceof Error ? error.message : String(error)}` }], events: [] };
  } finally {
    await secondary?.emulator.close();
    await primary.emulator.close();
  }
}

/** Options of {@link renderDemo}. */
export interface RenderDemoOptions {
  /** The widest a line may be: the terminal's width. Default {@link DEMO_DEFAULT_WIDTH}. */
  width?: number | undefined;
  /** How the user runs the CLI, for the next steps (`wamux`, `pnpm wamux`). Default `wamux`. */
  command?: string | undefined;
}

/**
 * Lays the reports out side by side, one column per provider and one row
 * per step and per event, within `width` columns: as many providers per
 * table as fit (each column at least 24 wide), the rest in the next table.
 * Ends with three commands to try next.
 */
export function renderDemo(reports: readonly DemoReport[], options: RenderDemoOptions = {}): string {
  const width = Math.max(40, options.width ?? DEMO_DEFAULT_WIDTH);
  const labelWidth = Math.max(...reports.flatMap((r) => r.steps.map((s) => s.step.length)), 'webhook events'.length);
  const perTable = Math.max(1, Math.floor((width - labelWidth) / (MIN_PROVIDER_COLUMN + 3)));
  const tables: string[] = [];
  for (let i = 0; i < reports.length; i += perTable) tables.push(sideBySide(reports.slice(i, i + perTable), width));
  const cli = options.command ?? 'wamux';
  return [
    'wamux demo: the same app code against every provider, through the built-in emulators (no credentials needed).',
    '',
    tables.join('\n\n'),
    '',
    'The normalized events match across providers: the app code did not change, only the config did.',
    '',
    'Next, try:',
    `  ${cli} send --to +905551112233 --text "Hello"        send one message (built-in emulator)`,
    `  ${cli} emulate memory --port 4100 --write-config wamux.config.json`,
    '        run an emulator for your own app; the commands then use that config',
    `  ${cli} listen        receive webhooks and print normalized events (docs/cli.md)`,
  ]
    .map((line) => fitLine(line, width))
    .join('\n');
}

/** One table of providers side by side. */
function sideBySide(reports: readonly DemoReport[], width: number): string {
  const header = ['', ...reports.map((r) => r.provider)];
  // Every step once, each where its column has it (the router's extra steps fall between the shared ones).
  const allSteps: string[] = [];
  for (const report of reports) {
    let at = 0;
    for (const { step } of report.steps) {
      const known = allSteps.indexOf(step);
      if (known >= 0) at = known + 1;
      else allSteps.splice(at++, 0, step);
    }
  }
  const stepRows = allSteps.map((step) => [step, ...reports.map((r) => r.steps.find((s) => s.step === step)?.outcome ?? '')]);
  const eventCount = Math.max(0, ...reports.map((r) => r.events.length));
  const eventRows = Array.from({ length: eventCount }, (_, i) => [i === 0 ? 'webhook events' : '', ...reports.map((r) => r.events[i] ?? '')]);
  return table(header, [...stepRows, ['', ...reports.map(() => '')], ...eventRows], { maxWidth: width });
}

/** Prose lines are wrapped at the last space that fits (tables are already sized). */
function fitLine(line: string, width: number): string {
  if (line.length <= width) return line;
  const indent = /^ */.exec(line)?.[0].length ?? 0;
  const cut = line.lastIndexOf(' ', width);
  // Never cut inside the indentation (that would loop); a word longer than the line stays whole.
  return cut <= indent + 2 ? line : `${line.slice(0, cut)}\n${fitLine(`${' '.repeat(indent + 2)}${line.slice(cut + 1).trimStart()}`, width)}`;
}

async function serveImage(): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'image/png', 'content-length': String(PIXEL.byteLength) }).end(PIXEL),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/parcel.png`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
