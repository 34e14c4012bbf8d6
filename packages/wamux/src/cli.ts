// The `wamux` command. Each command lives in src/cli/commands/<command>.ts;
// this file only dispatches and turns errors into one clear line and an exit status.
import { bulkCommand } from './cli/commands/bulk';
import { demoCommand } from './cli/commands/demo';
import { doctorCommand } from './cli/commands/doctor';
import { emulateCommand } from './cli/commands/emulate';
import { listenCommand } from './cli/commands/listen';
import { mediaCommand } from './cli/commands/media';
import { outboxCommand } from './cli/commands/outbox';
import { sendCommand } from './cli/commands/send';
import { templatesCommand } from './cli/commands/templates';
import { workerCommand } from './cli/commands/worker';
import { UsageError, type Command } from './cli/command';
import { errorDetails, errorLine, exitCodeOf } from './cli/errors';
import { note, out } from './cli/io';
import { enableVerbose } from './cli/verbose';
import { PROVIDER_NAMES } from './registry';
import { VERSION } from './version';

const COMMANDS: readonly Command[] = [
  demoCommand,
  sendCommand,
  templatesCommand,
  mediaCommand,
  bulkCommand,
  workerCommand,
  outboxCommand,
  listenCommand,
  emulateCommand,
  doctorCommand,
];

const USAGE = `Usage: wamux <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`).join('\n')}

Run "wamux <command> --help" for a command's options. With no provider
configured (--config, --provider, WAMUX_PROVIDER or ./wamux.config.json),
commands run against the built-in emulator. Providers: ${PROVIDER_NAMES.join(', ')}
"wamux --version" prints the version.`;

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-V') {
    out(VERSION);
    return 0;
  }
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    const command = COMMANDS.find((c) => c.name === rest[0]);
    out(command?.usage ?? USAGE);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) throw new UsageError(`unknown command "${name}" (run "wamux --help")`);
  if (rest.includes('--help') || rest.includes('-h')) {
    out(command.usage);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    if (error instanceof UsageError) throw new UsageError(`${error.message}; see "wamux ${command.name} --help"`);
    throw error;
  }
}

// `wamux ... | head`: a closed pipe is the reader saying it has enough.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const argv = process.argv.slice(2);
const verbose = argv.includes('--verbose') || argv.includes('-v') || process.env.WAMUX_VERBOSE === '1';

/**
 * Exits with `code` once stdout and stderr are flushed. Exiting explicitly
 * (rather than waiting for the event loop to drain) keeps a pooled
 * keep-alive socket to the vendor from holding the command open.
 */
function finish(code: number): void {
  process.exitCode = code;
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}

if (verbose) enableVerbose();
main(argv).then(finish, (error: unknown) => {
  note(errorLine(error));
  if (verbose) for (const line of errorDetails(error)) note(line);
  finish(exitCodeOf(error));
});
