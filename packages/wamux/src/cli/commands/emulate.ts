import { writeFile } from 'node:fs/promises';
import { localTargets } from '../../emulators';
import type { ProviderName } from '../../registry';
import { parseCommandLine, portFlag, UsageError, type Command } from '../command';
import { CONSOLE_HELP, startConsole, watchDelivered } from '../emulate/console';
import { explainBusyPort } from '../ports';
import { SAMPLE_TEMPLATE } from '../samples';
import { envVariables } from '../env-vars';
import { note, out, untilInterrupted } from '../io';
import { providerName } from '../target';
import { parseRateLimit } from '../target-flags';

const OPTIONS = {
  port: { type: 'string' },
  'webhook-url': { type: 'string' },
  'write-config': { type: 'string' },
  'rate-limit': { type: 'string' },
  json: { type: 'boolean' },
  verbose: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
} as const;

const USAGE = `Usage: wamux emulate <provider> [--port <n>] [--webhook-url <url>] [--rate-limit <n>/<t>|off] [--write-config <file>] [--json]

Runs one provider's emulator standalone, for an app's own development:
prints its URL, its (test) credentials and the config to point wamux at
it, then stays up until Ctrl-C. Messages it accepts are printed as they
arrive; the console on stdin simulates customer messages and statuses.

  --port <n>             Port (default: any free port; give one so that a saved config
                         stays valid after a restart)
  --webhook-url <url>    Where simulated webhooks are posted (your app's receiver)
  --rate-limit <n>/<t>   The limit the emulator enforces (429 + Retry-After), e.g. 5/s;
                         "off" for none (default: the vendor's documented limit)
  --write-config <file>  Also write the config to <file> (e.g. wamux.config.json)
  --json                 Print the URL and config as one JSON line instead

${CONSOLE_HELP}`;

/** `wamux emulate <provider>`. */
export const emulateCommand: Command = {
  name: 'emulate',
  summary: 'Run one provider emulator standalone for local development',
  usage: USAGE,
  async run(args) {
    const { values, positionals } = parseCommandLine(args, OPTIONS, 1);
    if (positionals[0] === undefined) throw new UsageError('emulate: say which provider, e.g. "wamux emulate memory"');
    const name = providerName(positionals[0], 'emulate');
    const webhookUrl = values['webhook-url'];
    const rateLimit = values['rate-limit'] === undefined ? undefined : values['rate-limit'] === 'off' ? false : parseRateLimit(values['rate-limit']);
    const port = portFlag(values.port, 0);
    const { emulator, config } = await localTargets[name]({ port, webhookUrl, rateLimit }).catch((error: unknown) => {
      throw explainBusyPort(error, port);
    });
    const interrupted = untilInterrupted();
    try {
      // The sample template, so that the docs' `--template order_update` works against it; the console adds more.
      emulator.seedTemplates([SAMPLE_TEMPLATE]);
      if (values['write-config']) await writeFile(values['write-config'], `${JSON.stringify(config, null, 2)}\n`);
      const env = environmentFor(name, config as Record<string, unknown>);
      if (values.json) {
        out(JSON.stringify({ provider: name, url: emulator.url, config, env: env.variables, flags: env.flags }));
      } else {
        out(`${name} emulator running at ${emulator.url}`);
        out('');
        out(`Config${values['write-config'] ? ` (written to ${values['write-config']})` : ' (save as wamux.config.json)'}:`);
        out(JSON.stringify(config, null, 2));
        if (Object.keys(env.variables).length > 0) {
          out('');
          out('Or in the environment:');
          out(
            `  ${Object.entries(env.variables)
              .map(([k, v]) => `${k}=${shellQuote(v)}`)
              .join(' ')}${env.flags.length ? `   (plus ${env.flags.join(' ')})` : ''}`,
          );
        }
        out('');
        out('The credentials above are the emulator\'s test credentials, not secrets. Type "help" for the console; Ctrl-C to stop.');
      }
      const stopConsole = startConsole(emulator, webhookUrl, [SAMPLE_TEMPLATE]);
      const stopWatching = watchDelivered(emulator);
      await interrupted;
      stopConsole();
      stopWatching();
      note(`${name} emulator stopped`);
      return 0;
    } finally {
      await emulator.close();
    }
  },
};

/** `text` as one shell word: as it is when it holds nothing a POSIX shell reads specially, else single-quoted. */
export function shellQuote(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The environment variables (and flags, for options without one) equivalent to a config, as shell words. */
export function environmentFor(name: ProviderName, config: Record<string, unknown>): { variables: Record<string, string>; flags: string[] } {
  const envOf = envVariables(name);
  const variables: Record<string, string> = { WAMUX_PROVIDER: name };
  const flags: string[] = [];
  for (const [key, value] of Object.entries(config)) {
    if (key === 'provider') continue;
    const variable = envOf[key];
    if (variable !== undefined && typeof value !== 'object') variables[variable] = String(value);
    else if (key === 'allowInsecureHttp') flags.push('--allow-insecure-http');
    else if (key === 'baseUrl') flags.push(`--base-url ${shellQuote(String(value))}`);
    else flags.push(`--set ${shellQuote(`${key}=${JSON.stringify(value)}`)}`);
  }
  return { variables, flags };
}
