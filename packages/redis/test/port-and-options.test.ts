import { ConfigurationError } from '@wamux/core';
import { createRedisDedupeStore, createRedisRateLimitStore, createRedisStatusOrderStore, toRedisPort, type RedisPort } from '@wamux/redis';
import { classifyRedisError } from '../src/client/redis-errors';
import { luaScript, runScript } from '../src/client/script';

describe('toRedisPort', () => {
  it('adapts ioredis (call), node-redis (sendCommand) and node-redis cluster (sendCommand with the key) to one send()', async () => {
    const calls: unknown[][] = [];
    await toRedisPort({ call: async (...args: string[]) => calls.push(['call', ...args]) }).send(['GET', 'k'], 'k');
    await toRedisPort({ sendCommand: async (args: string[]) => calls.push(['sendCommand', ...args]) }).send(['GET', 'k'], 'k');
    await toRedisPort({
      masters: [],
      sendCommand: async (key: string | undefined, readonly: boolean | undefined, args: string[]) => calls.push(['cluster', key, readonly, ...args]),
    }).send(['GET', 'k'], 'k');
    expect(calls).toEqual([
      ['call', 'GET', 'k'],
      ['sendCommand', 'GET', 'k'],
      ['cluster', 'k', false, 'GET', 'k'],
    ]);
  });

  it('takes a RedisPort as it is, and refuses anything else with a ConfigurationError on `client`', () => {
    const port: RedisPort = { send: async () => null };
    expect(toRedisPort(port)).toBe(port);
    for (const junk of [{}, { get: () => 1 }, 'redis://localhost'] as never[]) {
      expect(() => toRedisPort(junk)).toThrow(ConfigurationError);
      expect(() => createRedisDedupeStore(junk)).toThrow(expect.objectContaining({ code: 'configuration_invalid', field: 'client' }));
    }
  });
});

describe('runScript', () => {
  it('sends EVALSHA, and the script itself only when the server answers NOSCRIPT', async () => {
    const script = luaScript('return 1');
    const sent: string[][] = [];
    let cached = false;
    const port: RedisPort = {
      send: async (args) => {
        sent.push([...args]);
        if (args[0] === 'EVALSHA' && !cached) throw new Error('NOSCRIPT No matching script. Please use EVAL.');
        cached = true;
        return 1;
      },
    };
    expect(await runScript(port, script, 'key', ['a'])).toBe(1);
    expect(await runScript(port, script, 'key', ['a'])).toBe(1);
    expect(sent).toEqual([
      ['EVALSHA', script.sha, '1', 'key', 'a'],
      ['EVAL', 'return 1', '1', 'key', 'a'],
      ['EVALSHA', script.sha, '1', 'key', 'a'],
    ]);
    expect(script.sha).toMatch(/^[0-9a-f]{40}$/);
  });

  it('does not resend the script for any other error', async () => {
    const port: RedisPort = { send: async () => Promise.reject(new Error('WRONGTYPE Operation against a key holding the wrong kind of value')) };
    await expect(runScript(port, luaScript('return 1'), 'k', [])).rejects.toThrow('WRONGTYPE');
  });
});

describe('classifyRedisError', () => {
  it.each([
    ['NOSCRIPT No matching script', 'noscript'],
    ['LOADING Redis is loading the dataset in memory', 'transient'],
    ['BUSY Redis is busy running a script', 'transient'],
    ["READONLY You can't write against a read only replica.", 'transient'],
    ['CLUSTERDOWN The cluster is down', 'transient'],
    ['Connection is closed.', 'transient'],
    ['connect ECONNREFUSED 127.0.0.1:6379', 'transient'],
    ['Socket closed unexpectedly', 'transient'],
    ['The client is closed', 'transient'],
    ['WRONGTYPE Operation against a key holding the wrong kind of value', 'refused'],
    ["NOPERM this user has no permissions to run the 'evalsha' command", 'refused'],
    ['ERR Error running script', 'refused'],
  ])('%s → %s', (message, kind) => {
    expect(classifyRedisError(new Error(message))).toBe(kind);
  });
});

describe('store options', () => {
  const port: RedisPort = { send: async () => null };
  it.each([
    [() => createRedisRateLimitStore(port, { timeout: 0 }), 'timeout'],
    [() => createRedisRateLimitStore(port, { whenUnavailable: 'open' as never }), 'whenUnavailable'],
    [() => createRedisRateLimitStore(port, { fallbackShare: 0 }), 'fallbackShare'],
    [() => createRedisRateLimitStore(port, { fallbackShare: 2 }), 'fallbackShare'],
    [() => createRedisRateLimitStore(port, { clock: 5 as never }), 'clock'],
    [() => createRedisDedupeStore(port, { doneTtl: 1.5 }), 'doneTtl'],
    [() => createRedisDedupeStore(port, { prefix: '' }), 'prefix'],
    [() => createRedisStatusOrderStore(port, { ttl: -1 }), 'ttl'],
    [() => createRedisStatusOrderStore(port, { retryInterval: Number.NaN }), 'retryInterval'],
  ])('a bad option is a ConfigurationError naming it (%#: %s)', (create, field) => {
    expect(create).toThrow(expect.objectContaining({ code: 'configuration_invalid', field }));
  });
});
