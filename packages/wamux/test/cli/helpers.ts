// Drives the CLI as a subprocess: src/cli.ts is bundled once per test file
// with esbuild (the @wamux/* paths of tsconfig.base.json resolve to sources)
// and run with `node <bundle> ...`.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, type BuildOptions, type Plugin } from 'esbuild';
import type { MemoryEmulator } from '@wamux/memory/emulator';

const ROOT = resolve(__dirname, '../../../..');
const ENTRY = join(ROOT, 'packages/wamux/src/cli.ts');
const ADAPTERS = /^@wamux\/(desk360|getchat|messaging-api)(\/.*)?$/;

/** Leaves the vendor adapters out of the bundle (the CLI tests drive the memory provider only). */
const adaptersExternal: Plugin = {
  name: 'adapters-external',
  setup(b) {
    b.onResolve({ filter: ADAPTERS }, (args) => ({ path: args.path, external: true }));
  },
};

/**
 * Bundles the CLI into `dir`. All of it is bundled (ky, valibot,
 * eventemitter3, ts-pattern) except node builtins; the vendor adapters are
 * bundled when their sources build, and left out otherwise (they are loaded
 * lazily, only for their provider).
 */
export async function bundleCli(dir: string): Promise<string> {
  const outfile = join(dir, 'wamux.mjs');
  const options: BuildOptions = {
    entryPoints: [ENTRY],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    tsconfig: join(ROOT, 'tsconfig.base.json'),
    outfile,
    logLevel: 'silent',
  };
  await build(options).catch(() => build({ ...options, plugins: [adaptersExternal] }));
  return outfile;
}

/** A temp directory, removed by `cleanup()`. */
export function tempDir(prefix = 'wamux-cli-'): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** What a finished CLI run printed and returned. */
export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Options of {@link runCli} and {@link startCli}. */
export interface CliOptions {
  cwd?: string;
  /** Extra environment variables; every WAMUX_* variable of the test process is removed first. */
  env?: Record<string, string>;
  /** Written to stdin, which is then closed. */
  input?: string;
}

function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('WAMUX_')) env[key] = value;
  return { ...env, ...extra };
}

/** A running CLI process. */
export interface CliProcess {
  child: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
  /** Resolves with the first match of `pattern` in stdout+stderr (rejects after `timeoutMs`). */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** Resolves when the process exits. */
  done: Promise<CliResult>;
}

const running = new Set<ChildProcessWithoutNullStreams>();

/** Kills every CLI process a test left running (call in `afterAll`). */
export function killAll(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}

/** Starts `wamux ...args` without waiting for it. */
export function startCli(bundle: string, args: readonly string[], options: CliOptions = {}): CliProcess {
  const child = spawn(process.execPath, [bundle, ...args], { cwd: options.cwd, env: cleanEnv(options.env), stdio: 'pipe' });
  running.add(child);
  child.on('exit', () => running.delete(child));
  let stdout = '';
  let stderr = '';
  const listeners = new Set<() => void>();
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    for (const listener of listeners) listener();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    for (const listener of listeners) listener();
  });
  if (options.input !== undefined) child.stdin.end(options.input);
  const done = new Promise<CliResult>((resolveDone) => child.on('close', (code, signal) => resolveDone({ code, signal, stdout, stderr })));
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    done,
    waitFor(pattern, timeoutMs = 10_000) {
      return new Promise((resolveMatch, reject) => {
        const check = () => {
          const found = `${stdout}\n${stderr}`.match(pattern);
          if (found) {
            listeners.delete(check);
            clearTimeout(timer);
            resolveMatch(found);
          }
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`timed out waiting for ${pattern}\nstdout: ${stdout}\nstderr: ${stderr}`));
        }, timeoutMs);
        listeners.add(check);
        check();
        void done.then(() => check());
      });
    },
  };
}

/** Runs `wamux ...args` to completion. */
export function runCli(bundle: string, args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  return startCli(bundle, args, options).done;
}

/** Writes a wamux.config.json pointing at a memory emulator into `dir`; returns its path. */
export function writeMemoryConfig(dir: string, emulator: MemoryEmulator, extra: Record<string, unknown> = {}, name = 'wamux.config.json'): string {
  const path = join(dir, name);
  writeFileSync(
    path,
    JSON.stringify(
      { provider: 'memory', baseUrl: emulator.url, apiKey: emulator.apiKey, webhookSecret: emulator.webhookSecret, allowInsecureHttp: true, ...extra },
      null,
      2,
    ),
  );
  return path;
}

/** Lines of `text` that are not empty. */
export function lines(text: string): string[] {
  return text.split('\n').filter((line) => line.trim() !== '');
}
