import { PROVIDER_NAMES, type ProviderName } from '../../registry';
import { parseCommandLine, type Command } from '../command';
import { renderDemo, ROUTER_DEMO, runDemo } from '../demo';
import { out, outJson } from '../io';
import { providerName } from '../target';

const OPTIONS = {
  provider: { type: 'string', short: 'p', multiple: true },
  json: { type: 'boolean' },
  verbose: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
} as const;

const USAGE = `Usage: wamux demo [--provider <name>]... [--json]

Plays one scenario (send text, image, template and buttons; the customer
replies and taps a button; delivery statuses) through each provider's
built-in emulator with the same app code, and prints the normalized
results side by side. No credentials needed.

The last column, router, plays it through a failover router over the
desk360 and getchat emulators and switches desk360 off after the first
send: the rest goes out through getchat, each message once.

  -p, --provider <name>  Only these providers (repeatable; default: all;
                         \`router\` for the router column)
  --json                 Print the reports as JSON`;

/**
 * How the user ran the CLI, for the commands the demo suggests: `pnpm wamux`
 * or `npm run wamux --` from the repository's scripts (`npm run demo`),
 * else `wamux`.
 */
export function invokedAs(env: NodeJS.ProcessEnv): string {
  if (env.npm_lifecycle_event !== 'demo' && env.npm_lifecycle_event !== 'wamux') return 'wamux';
  return /pnpm/.test(env.npm_execpath ?? env.npm_config_user_agent ?? '') ? 'pnpm wamux' : 'npm run wamux --';
}

/** `wamux demo`. */
export const demoCommand: Command = {
  name: 'demo',
  summary: "Play one scenario through every provider's emulator, side by side",
  usage: USAGE,
  async run(args) {
    const { values } = parseCommandLine(args, OPTIONS);
    const chosen: Array<ProviderName | typeof ROUTER_DEMO> = values.provider?.map((name) =>
      name === ROUTER_DEMO ? ROUTER_DEMO : providerName(name, '--provider'),
    ) ?? [...PROVIDER_NAMES, ROUTER_DEMO];
    const reports = await runDemo(chosen);
    if (values.json) outJson(reports);
    else out(renderDemo(reports, { width: process.stdout.columns, command: invokedAs(process.env) }));
    return reports.every((r) => r.steps.every((s) => !s.outcome.startsWith('✗'))) ? 0 : 1;
  },
};
