import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

/** What a child says over IPC: a `type` and anything else. */
export interface ChildMessage {
  type: string;
  [key: string]: unknown;
}

/** A child process running a bundled test entry. */
export interface Child {
  readonly pid: number;
  /** Every message it sent so far, oldest first. */
  readonly messages: readonly ChildMessage[];
  send(message: ChildMessage): void;
  /** The first message (already received or to come) that `match` accepts. */
  next(match: (message: ChildMessage) => boolean, within?: number): Promise<ChildMessage>;
  /** Asks with `request` and waits for the answer of type `answer`. */
  ask(request: ChildMessage, answer: string, within?: number): Promise<ChildMessage>;
  /** SIGKILL, and waits until it is gone. */
  kill(): Promise<void>;
  readonly alive: boolean;
}

/**
 * Bundles a child entry (TypeScript importing `@wamux/*` sources, ioredis,
 * redis) into one CommonJS file with esbuild, which reads the workspace's
 * tsconfig paths: children are plain `node` processes, not jest workers,
 * so they cannot run the sources directly. Returns the bundle's path and
 * a cleanup.
 */
export async function bundleChild(entry: string): Promise<{ file: string; remove(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'wamux-child-'));
  const file = join(dir, 'child.cjs');
  await build({
    entryPoints: [resolve(entry)],
    outfile: file,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    tsconfig: resolve(__dirname, '../../../../tsconfig.json'),
    logLevel: 'error',
  });
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Starts `file` as a child process with an IPC channel; its output goes to the test's output. */
export function startChild(file: string, env: Record<string, string> = {}): Child {
  const proc: ChildProcess = fork(file, [], { env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'json' });
  const messages: ChildMessage[] = [];
  const waiters = new Set<{ match: (message: ChildMessage) => boolean; resolve: (message: ChildMessage) => void }>();
  proc.on('message', (message: ChildMessage) => {
    messages.push(message);
    for (const waiter of waiters) {
      if (waiter.match(message)) {
        waiters.delete(waiter);
        waiter.resolve(message);
      }
    }
  });
  const exited = new Promise<void>((done) => proc.once('exit', () => done()));

  const child: Child = {
    pid: proc.pid ?? -1,
    messages,
    get alive() {
      return proc.exitCode === null && proc.signalCode === null;
    },
    send(message) {
      proc.send(message);
    },
    next(match, within = 30_000) {
      const seen = messages.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolvePromise, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`child ${proc.pid} sent no matching message within ${within} ms`));
        }, within);
        const waiter = {
          match,
          resolve: (message: ChildMessage) => {
            clearTimeout(timer);
            resolvePromise(message);
          },
        };
        waiters.add(waiter);
        void exited.then(() => {
          if (!waiters.has(waiter)) return;
          waiters.delete(waiter);
          clearTimeout(timer);
          reject(new Error(`child ${proc.pid} exited before sending a matching message`));
        });
      });
    },
    ask(request, answer, within) {
      const id = `${request.type}:${Math.random().toString(36).slice(2)}`;
      const reply = child.next((message) => message.type === answer && message.id === id, within);
      proc.send({ ...request, id });
      return reply;
    },
    async kill() {
      if (child.alive) proc.kill('SIGKILL');
      await exited;
    },
  };
  return child;
}
