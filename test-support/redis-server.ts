import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A real redis-server for the tests: started on a free port of 127.0.0.1,
 * persistence off (`--save '' --appendonly no`), in a temporary directory,
 * and stopped in teardown. It can be stopped, started, frozen and thawed
 * mid-test for the failure-policy tests.
 */
export interface RedisServer {
  readonly port: number;
  /** `redis://127.0.0.1:<port>` */
  readonly url: string;
  /** `7.0.15`, as `redis-server --version` says. */
  readonly version: string;
  /**
   * Stops the server. With `keepData`, as a production server with
   * persistence would: it writes its data first (`SHUTDOWN SAVE`) and
   * loads it at the next start; without, the data is gone.
   */
  stop(options?: { keepData?: boolean }): Promise<void>;
  /** Starts the stopped server again, on the same port. */
  start(): Promise<void>;
  /** Freezes the process (SIGSTOP): connections stay open and nothing answers, like a hung or partitioned server. */
  freeze(): void;
  /** Thaws a frozen server (SIGCONT). */
  thaw(): void;
  /** Sends one command on a fresh connection (no client library needed) and resolves the first line of the reply (`:1`, `+OK`, `$4`...). */
  query(...args: string[]): Promise<string>;
  /** Stops the server for good and removes its directory. */
  close(): Promise<void>;
}

let binary: string | null | undefined;

/** The redis-server executable (`WAMUX_REDIS_SERVER`, else `redis-server` on PATH), or `undefined` when there is none. */
export function redisServerBinary(): string | undefined {
  if (binary === undefined) {
    const candidate = process.env.WAMUX_REDIS_SERVER || 'redis-server';
    const found = spawnSync(candidate, ['--version'], { encoding: 'utf8' });
    binary = found.status === 0 ? candidate : null;
  }
  return binary ?? undefined;
}

/** `7.0.15` from `Redis server v=7.0.15 sha=...`. */
function versionOf(executable: string): string {
  const output = spawnSync(executable, ['--version'], { encoding: 'utf8' }).stdout;
  return /v=(\S+)/.exec(output)?.[1] ?? output.trim();
}

/** A TCP port nobody listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Whether CI promised a server: `.ci/run` sets `WAMUX_REQUIRE_REDIS=1`
 * after installing it, and a missing binary is then a failure, not a skip.
 */
export function redisRequired(): boolean {
  return process.env.WAMUX_REQUIRE_REDIS === '1';
}

/**
 * `describe` when redis-server is installed; otherwise `describe.skip`,
 * announced loudly (or a failure, when CI promised a server).
 */
export function describeWithRedis(name: string, body: () => void): void {
  if (redisServerBinary()) {
    describe(name, body);
    return;
  }
  if (redisRequired()) {
    describe(name, () => {
      it('needs redis-server, which WAMUX_REQUIRE_REDIS=1 says is installed', () => {
        throw new Error('redis-server is not on PATH, but WAMUX_REQUIRE_REDIS=1 promised it');
      });
    });
    return;
  }
  process.stderr.write(
    `\n!!! SKIPPED: "${name}": redis-server is not installed, so this Redis suite did not run.\n` +
      '!!! Install it (Debian: apt-get install -y redis-server) to run the Redis contract suite, failure-policy and multi-process tests.\n\n',
  );
  describe.skip(`${name} (SKIPPED: no redis-server on PATH)`, body);
}

/** Starts a redis-server (see {@link RedisServer}); prints its version once per test file. */
export async function startRedisServer(): Promise<RedisServer> {
  const executable = redisServerBinary();
  if (!executable) throw new Error('redis-server is not on PATH');
  const version = versionOf(executable);
  const dir = mkdtempSync(join(tmpdir(), 'wamux-redis-'));
  let port = 0;
  let child: ChildProcess | undefined;

  const launch = async (): Promise<void> => {
    const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no', '--loglevel', 'notice'];
    const started = spawn(executable, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child = started;
    let log = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => fail(new Error(`redis-server did not start within 15 s:\n${log}`)), 15_000);
      const fail = (error: Error) => {
        clearTimeout(timer);
        started.kill('SIGKILL');
        reject(error);
      };
      const onData = (chunk: Buffer) => {
        log += chunk.toString();
        if (log.includes('Ready to accept connections')) {
          clearTimeout(timer);
          started.stdout?.off('data', onData);
          resolve();
        }
      };
      started.stdout?.on('data', onData);
      started.stderr?.on('data', (chunk: Buffer) => {
        log += chunk.toString();
      });
      started.once('exit', (code) => fail(new Error(`redis-server exited with ${code}:\n${log}`)));
    });
    // Keep draining its output so the pipe never fills.
    started.stdout?.resume();
    started.stderr?.resume();
  };

  const exited = (proc: ChildProcess | undefined) =>
    new Promise<void>((resolve) => {
      if (!proc || proc.exitCode !== null || proc.signalCode !== null) resolve();
      else proc.once('exit', () => resolve());
    });

  for (let attempt = 0; ; attempt += 1) {
    port = await freePort();
    try {
      await launch();
      break;
    } catch (error) {
      // Another process took the port between the probe and the start: try another.
      if (attempt >= 3) {
        rmSync(dir, { recursive: true, force: true });
        throw error;
      }
    }
  }
  announce(version, port);

  const server: RedisServer = {
    port,
    url: `redis://127.0.0.1:${port}`,
    version,
    async stop({ keepData = false } = {}) {
      const running = child;
      if (!running || running.exitCode !== null || running.signalCode !== null) return;
      if (keepData) await command(port, 'SHUTDOWN SAVE');
      else running.kill('SIGKILL');
      await exited(running);
      if (!keepData) rmSync(join(dir, 'dump.rdb'), { force: true });
    },
    async start() {
      if (child && child.exitCode === null && child.signalCode === null) return;
      await launch();
    },
    freeze() {
      child?.kill('SIGSTOP');
    },
    thaw() {
      child?.kill('SIGCONT');
    },
    query: (...args) => query(port, args),
    async close() {
      const running = child;
      if (running && running.exitCode === null && running.signalCode === null) {
        running.kill('SIGKILL');
        await exited(running);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return server;
}

/** Sends one inline command on a fresh connection and waits until the server answers or closes it. */
function command(port: number, text: string): Promise<void> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' }, () => socket.write(`${text}\r\n`));
    socket.on('data', () => socket.end());
    socket.on('close', () => resolve());
    socket.on('error', () => resolve());
  });
}

/** One RESP command on a fresh connection; the first line of the reply. */
function query(port: number, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ port, host: '127.0.0.1' }, () => {
      socket.write(`*${args.length}\r\n${args.map((arg) => `$${Buffer.byteLength(arg)}\r\n${arg}\r\n`).join('')}`);
    });
    let reply = '';
    socket.on('data', (chunk: Buffer) => {
      reply += chunk.toString();
      const end = reply.indexOf('\r\n');
      if (end >= 0) {
        socket.end();
        resolve(reply.slice(0, end));
      }
    });
    socket.on('error', reject);
  });
}

let announced = false;

function announce(version: string, port: number): void {
  if (announced) return;
  announced = true;
  process.stdout.write(`[wamux tests] real redis-server ${version} on 127.0.0.1:${port} (persistence off)\n`);
}
