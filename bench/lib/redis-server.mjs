// A real redis-server for the benchmarks that share a store between
// processes: Debian's `redis-server`, on a free loopback port, persistence
// off, stopped by the suite that started it. Undefined when the binary is
// not installed (the suite then reports its rows as not measured).
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createServer, connect } from 'node:net';

/** Whether `redis-server` can be run here. */
export function redisServerInstalled() {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** A free TCP port on 127.0.0.1. */
async function freePort() {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  server.close();
  await once(server, 'close');
  return port;
}

/** Resolves once the server answers PING, or rejects after `ms`. */
async function ready(port, ms) {
  const deadline = Date.now() + ms;
  for (;;) {
    const answered = await new Promise((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.on('error', () => resolve(false));
      socket.on('connect', () => socket.write('PING\r\n'));
      socket.on('data', (data) => {
        socket.destroy();
        resolve(data.toString().startsWith('+PONG'));
      });
    });
    if (answered) return;
    if (Date.now() > deadline) throw new Error(`redis-server on port ${port} did not answer PING within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Starts a redis-server; `url` to connect, `version`, and `close()`. */
export async function startRedisServer() {
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const exited = once(child, 'exit');
  await ready(port, 10_000);
  const version = spawnSync('redis-server', ['--version'], { encoding: 'utf8' }).stdout.match(/v=([\d.]+)/)?.[1] ?? 'unknown';
  return {
    url: `redis://127.0.0.1:${port}`,
    version,
    async close() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
