import { join } from 'node:path';
import type { DeliveryStatus } from '@wamux/core';
import { bundleChild, startChild, type Child } from '../support/child-processes';
import { describeWithRedis, startRedisServer, type RedisServer } from '../../../../test-support/redis-server';
import { deliverUntilAccepted, pool, shuffled, type DeliveryLog } from './vendor';

type Item = { kind: 'message'; id: string } | { kind: 'status'; id: string; status: DeliveryStatus };
interface Processed {
  id: string;
  status?: DeliveryStatus;
  at: number;
}

const STEPS: readonly DeliveryStatus[] = ['sent', 'delivered', 'read'];

/** 700 customer messages and 100 sent messages × 3 statuses: 1,000 events. */
function events(run: string): Item[] {
  const messages = Array.from({ length: 700 }, (_, i): Item => ({ kind: 'message', id: `${run}-in-${i}` }));
  const statuses = Array.from({ length: 100 }, (_, i) => STEPS.map((status): Item => ({ kind: 'status', id: `${run}-out-${i}`, status }))).flat();
  return [...messages, ...statuses];
}

const keyOf = (item: { id: string; status?: DeliveryStatus | undefined }) => (item.status ? `${item.id}:${item.status}` : item.id);

/**
 * Three receiving processes behind a pretend load balancer, sharing the
 * webhook dedupe and the status order in one Redis. Every event must reach
 * a listener exactly once across the processes, and a message's statuses
 * must only move forward.
 */
describeWithRedis('webhooks received by 3 processes, dedupe and status order in Redis', () => {
  let server: RedisServer;
  let bundle: { file: string; remove(): void };
  let children: Child[] = [];
  let run = 0;

  beforeAll(async () => {
    [server, bundle] = await Promise.all([startRedisServer(), bundleChild(join(__dirname, 'receiver-child.ts'))]);
  });
  afterEach(async () => {
    await Promise.all(children.map((child) => child.kill()));
    children = [];
  });
  afterAll(async () => {
    await server?.close();
    bundle?.remove();
  });

  /** Starts 3 receivers (two on ioredis, one on node-redis) and returns their ports. */
  const startReceivers = async (env: Record<string, string> = {}) => {
    run += 1;
    children = ['ioredis', 'node-redis', 'ioredis'].map((client) =>
      startChild(bundle.file, { WAMUX_TEST_REDIS_URL: server.url, WAMUX_TEST_CLIENT: client, WAMUX_TEST_PREFIX: `webhooks-${run}:`, ...env }),
    );
    const ready = await Promise.all(children.map((child) => child.next((message) => message.type === 'ready' || message.type === 'crashed')));
    expect(ready.filter((message) => message.type === 'crashed')).toEqual([]);
    return ready.map((message) => message.port as number);
  };

  /** Every event the live receivers' listeners processed. */
  const processedEverywhere = async () => {
    const reports = await Promise.all(children.filter((child) => child.alive).map((child) => child.ask({ type: 'report' }, 'report:done')));
    return reports.flatMap((report) => report.processed as Processed[]);
  };

  /** Each event twice, to random processes; a quarter of the pairs at the same moment. */
  const deliverTwice = (items: readonly Item[], ports: () => readonly number[]) => {
    const anyPort = () => {
      const live = ports();
      return live[Math.floor(Math.random() * live.length)] as number;
    };
    const logs: DeliveryLog[] = [];
    const deliver = (item: Item) => async () => void logs.push(await deliverUntilAccepted({ items: [item] }, anyPort));
    const tasks = items.flatMap(
      (item): Array<() => Promise<unknown>> =>
        Math.random() < 0.25 ? [async () => Promise.all([deliver(item)(), deliver(item)()])] : [deliver(item), deliver(item)],
    );
    return { logs, done: pool(shuffled(tasks), 16) };
  };

  const expectExactlyOnceInOrder = (items: readonly Item[], processed: readonly Processed[]) => {
    const counts = new Map<string, number>();
    for (const entry of processed) counts.set(keyOf(entry), (counts.get(keyOf(entry)) ?? 0) + 1);
    const messages = items.filter((item) => item.kind === 'message');
    // Every customer message exactly once, across the processes.
    expect(messages.filter((item) => counts.get(item.id) !== 1)).toEqual([]);
    // No status twice; per sent message, statuses in time order only move forward, and read (the furthest) always arrives.
    expect([...counts].filter(([, count]) => count > 1)).toEqual([]);
    const byMessage = new Map<string, Processed[]>();
    for (const entry of processed) if (entry.status) byMessage.set(entry.id, [...(byMessage.get(entry.id) ?? []), entry]);
    const backwards = [...byMessage].filter(([, list]) => {
      const ranks = [...list].sort((a, b) => a.at - b.at).map((entry) => STEPS.indexOf(entry.status as DeliveryStatus));
      return ranks.some((rank, i) => i > 0 && rank <= (ranks[i - 1] as number));
    });
    expect(backwards).toEqual([]);
    const outbound = new Set(items.filter((item) => item.kind === 'status').map((item) => item.id));
    expect([...outbound].filter((id) => !(byMessage.get(id) ?? []).some((entry) => entry.status === 'read'))).toEqual([]);
  };

  it('1,000 events, each delivered twice to random processes, some at once: every event reaches a listener exactly once, statuses only forward', async () => {
    const ports = await startReceivers();
    const items = events(`r${run}`);
    const { logs, done } = deliverTwice(items, () => ports);
    await done;
    expect(logs).toHaveLength(2 * items.length);
    expectExactlyOnceInOrder(items, await processedEverywhere());
  }, 120_000);

  it('a process killed while its listener runs: the redelivery is processed by another process, after the lease', async () => {
    // listenerTimeout 1 s: the handler's claim lease is 3 s (the deadline plus its 2 s margin).
    const ports = await startReceivers({ WAMUX_TEST_LISTENER_TIMEOUT: '1000' });
    const [victim, ...others] = children as [Child, ...Child[]];
    const victimPort = ports[0] as number;
    const otherPorts = ports.slice(1);
    await victim.ask({ type: 'hang', on: 'doomed' }, 'hang:done');

    const first = fetch(`http://127.0.0.1:${victimPort}/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ items: [{ kind: 'message', id: 'doomed' }] }),
    }).then(
      (response) => response.status,
      () => 'network' as const,
    );
    await victim.next((message) => message.type === 'hanging');
    await victim.kill();
    expect(await first).toBe('network');
    const killedAt = Date.now();

    const redelivery = await deliverUntilAccepted(
      { items: [{ kind: 'message', id: 'doomed' }] },
      () => otherPorts[Math.floor(Math.random() * otherPorts.length)] as number,
    );
    // Until the dead process's claim lapsed, the others answered 503 (in flight), never processed it.
    expect(redelivery.answers.slice(0, -1).every((answer) => answer === 503)).toBe(true);
    expect(redelivery.answers.length).toBeGreaterThan(1);
    expect(Date.now() - killedAt).toBeGreaterThanOrEqual(1_000);
    const processed = await processedEverywhere();
    expect(processed.filter((entry) => entry.id === 'doomed')).toHaveLength(1);
    expect(others.every((child) => child.alive)).toBe(true);
  }, 60_000);

  it('Redis restarted mid-run (with persistence): deliveries meanwhile are answered 503 and redelivered, nothing is emitted twice', async () => {
    const ports = await startReceivers({ WAMUX_TEST_LISTENER_TIMEOUT: '1000' });
    const items = events(`restart${run}`).filter((_, i) => i % 3 === 0);
    const { logs, done } = deliverTwice(items, () => ports);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await server.stop({ keepData: true });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await server.start();
    await done;
    expect(logs).toHaveLength(2 * items.length);
    // The outage was seen: some deliveries were refused with 503 (fail closed) and delivered again.
    expect(logs.some((log) => log.answers.includes(503))).toBe(true);
    expectExactlyOnceInOrder(items, await processedEverywhere());
  }, 120_000);
});
