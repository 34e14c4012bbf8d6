// The `wamux` command. Each command lives in src/cli/<command>.ts; this file
// only dispatches and turns errors into one clear line and an exit status.
import { parseArgs } from 'node:util';
import { isWamuxError } from '@wamux/core';
import { renderDemo, runDemo } from './cli/demo';
import { PROVIDER_NAMES, type ProviderName } from './registry';

const USAGE = `Usage: wamux <command> [options]

Commands:
  demo [--provider <name>]... [--json]   Play one scenario through every provider's emulator, side by side.

Providers: ${PROVIDER_NAMES.join(', ')}`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'demo': {
      const { values } = parseArgs({ args: rest, options: { provider: { type: 'string', multiple: true }, json: { type: 'boolean' } } });
      const chosen = (values.provider ?? PROVIDER_NAMES) as ProviderName[];
      for (const name of chosen) if (!PROVIDER_NAMES.includes(name)) throw new UsageError(`--provider: unknown provider "${name}"`);
      const reports = await runDemo(chosen);
      process.stdout.write(values.json ? `${JSON.stringify(reports, null, 2)}\n` : `${renderDemo(reports)}\n`);
      return reports.every((r) => r.steps.every((s) => !s.outcome.startsWith('✗'))) ? 0 : 1;
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(`${USAGE}\n`);
      return command === undefined ? 2 : 0;
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

class UsageError extends Error {}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) process.stderr.write(`wamux: ${error.message}\n\n${USAGE}\n`);
    else if (isWamuxError(error)) process.stderr.write(`wamux: ${error.code}${error.provider ? ` (${error.provider})` : ''}: ${error.message}\n`);
    else process.stderr.write(`wamux: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
