// Child processes for the benchmarks. What is measured runs in a process of
// its own (the endpoint under load, the sending app, the heap under a million
// deliveries), so neither the load generator nor an emulator shares its event
// loop, its heap or its `process.cpuUsage()`.
//
// Protocol over the IPC channel: the child sends { type: 'ready', ... } once
// it is listening or set up; the parent sends { id, type, ... } requests and
// the child answers { id, reply }. A child that has a single job sends
// { type: 'result', ... } and exits. Every child started here is killed when
// the parent exits, so a failed suite never leaves one behind.
import { fork } from 'node:child_process';
import { once } from 'node:events';

const here = new URL('../children/', import.meta.url);
const live = new Set();

process.on('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

/** Waits for `child`'s first message of `type`, failing when it exits first or after `ms`. */
function nextMessage(child, type, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`child ${child.pid}: no "${type}" message within ${ms} ms`)), ms);
    const onMessage = (message) => {
      if (message?.type === type) done(undefined, message);
      else if (message?.type === 'fatal') done(new Error(`child ${child.pid} failed: ${message.error}`));
    };
    const onExit = (code, signal) => done(new Error(`child ${child.pid} exited (${signal ?? code}) before sending "${type}"`));
    function done(error, message) {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(message);
    }
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/**
 * Starts `bench/children/<script>` with `input` (JSON, as its argument) and
 * waits for its `ready` message. Returns the ready message, `ask(type)` for
 * a request/reply round trip, `result()` for a one-job child's result, and
 * `close()`, which asks the child to stop and kills it if it does not.
 */
export async function startChild(script, input, { execArgv = [], readyTimeout = 30_000 } = {}) {
  // BENCH_CHILD_FLAGS adds Node flags to every child (`--cpu-prof` to profile what is measured).
  const extra = process.env.BENCH_CHILD_FLAGS?.split(/\s+/).filter(Boolean) ?? [];
  const child = fork(new URL(script, here), [JSON.stringify(input)], {
    execArgv: [...execArgv, ...extra],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    serialization: 'advanced',
  });
  live.add(child);
  const exited = once(child, 'exit').then(() => live.delete(child));
  let nextId = 0;
  const pending = new Map();
  child.on('message', (message) => {
    const waiter = message?.id === undefined ? undefined : pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id);
    waiter(message.reply);
  });
  let ready;
  try {
    ready = await nextMessage(child, 'ready', readyTimeout);
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    throw error;
  }
  return {
    ready,
    /** Sends a request and resolves with the child's reply. */
    ask(type, payload = {}, ms = 30_000) {
      nextId += 1;
      const id = nextId;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`child ${child.pid}: no reply to "${type}" within ${ms} ms`));
        }, ms);
        pending.set(id, (reply) => {
          clearTimeout(timer);
          resolve(reply);
        });
        child.send({ ...payload, id, type });
      });
    },
    /** The `result` message of a child that does one job and exits. */
    result(ms = 600_000) {
      return nextMessage(child, 'result', ms);
    },
    /**
     * Asks the child to stop (`close` message) and waits for it to exit. A
     * child still there after `ms` has something left running: it is killed,
     * and the harness is reported broken.
     */
    async close(ms = 5_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      let killed = false;
      const timer = setTimeout(() => {
        killed = true;
        child.kill('SIGKILL');
      }, ms);
      // A child that has just disconnected by itself is on its way out: a failed send is fine.
      if (child.connected) child.send({ type: 'close' }, () => {});
      await exited;
      clearTimeout(timer);
      if (killed) throw new Error(`child ${script} did not exit within ${ms} ms of being asked to; it was killed`);
    },
  };
}

/**
 * The child side: sends `ready` with `info`, answers requests with
 * `handlers[type](message)`, and on `close` runs `onClose` then lets the
 * process exit (the IPC channel is the last thing keeping it alive).
 */
export function serveParent(info, handlers, onClose = async () => {}) {
  process.on('message', async (message) => {
    if (message?.type === 'close') {
      await onClose();
      process.disconnect();
      return;
    }
    const handler = handlers[message?.type];
    if (!handler || message.id === undefined) return;
    process.send({ id: message.id, reply: await handler(message) });
  });
  process.send({ type: 'ready', ...info });
}

/** The child side of a one-job child: reports a failure to the parent instead of a silent exit. */
export function reportFatal(error) {
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  if (process.connected) process.send({ type: 'fatal', error: text }, () => process.exit(1));
  else {
    console.error(text);
    process.exit(1);
  }
}
