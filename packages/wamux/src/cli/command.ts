import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { didYouMean } from '@wamux/core/adapter';

/** A wrong command line: printed with the command's usage, exit status 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** `wamux bulk`: everything that could be sent was, but some rows are invalid (fix them and run again): exit status 3. */
export const EXIT_INVALID_ROWS = 3;

/** The process was interrupted (Ctrl-C) after cleaning up: exit status 130. */
export const EXIT_INTERRUPTED = 130;

/** One `wamux <command>`. */
export interface Command {
  /** What follows `wamux`. */
  readonly name: string;
  /** One line for `wamux --help`. */
  readonly summary: string;
  /** The full `wamux <command> --help` text. */
  readonly usage: string;
  /** Runs the command with the arguments after its name; resolves to the exit status. */
  run(args: readonly string[]): Promise<number>;
}

/**
 * `parseArgs` in strict mode, with node's parse errors turned into a
 * {@link UsageError} ("unknown option --txt (did you mean --text?)",
 * "--to needs a value").
 */
export function parseCommandLine<const O extends ParseArgsOptionsConfig>(args: readonly string[], options: O, positionals = 0) {
  try {
    const parsed = parseArgs({ args: [...args], options, strict: true, allowPositionals: positionals > 0 });
    if (parsed.positionals.length > positionals) throw new UsageError(`unexpected argument "${parsed.positionals[positionals]}"`);
    return parsed;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as { code?: unknown }).code;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const flag = /'([^']+)'/.exec((error as Error).message)?.[1] ?? '';
      const names = Object.entries(options).flatMap(([name, option]) => [`--${name}`, ...(option.short ? [`-${option.short}`] : [])]);
      throw new UsageError(`unknown option ${flag}${didYouMean(flag, names, '')}`);
    }
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, '').replace(/^Option '([^']+)'/, 'option $1'));
    }
    throw error;
  }
}

/** `unknown command "sned" (did you mean "send"?); run "wamux --help"`: for the dispatcher in src/cli.ts. */
export function unknownCommandError(name: string, commands: readonly string[]): UsageError {
  return new UsageError(`unknown command "${name}"${didYouMean(name, commands)} (run "wamux --help")`);
}

/** Parses a flag that must be a positive integer. */
export function positiveInteger(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag}: expected a positive integer, got "${value}"`);
  return n;
}

/** Parses a TCP port flag (0 = any free port). */
export function portFlag(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65_535) throw new UsageError(`--port: expected 0-65535, got "${value}"`);
  return n;
}
