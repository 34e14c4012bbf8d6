// @wamux/redis: no Redis server here, so the client adapter the stores are
// built on, with a stand-in ioredis client, and its typed refusal.
import assert from 'node:assert/strict';

export const redisExercises = {
  async '@wamux/redis'(redis, { load }) {
    for (const name of [
      'createRedisDedupeStore',
      'createRedisRateLimitStore',
      'createRedisStatusOrderStore',
      'createRedisRouteStore',
      'connectRedisStores',
      'toRedisPort',
    ]) {
      assert.equal(typeof redis[name], 'function', `${name} is ${typeof redis[name]}`);
    }
    const calls = [];
    const port = redis.toRedisPort({
      call: async (...args) => {
        calls.push(args);
        return 'PONG';
      },
    });
    assert.equal(await port.send(['PING']), 'PONG');
    assert.deepEqual(calls, [['PING']]);
    const { ConfigurationError } = await load('@wamux/core');
    assert.throws(
      () => redis.toRedisPort({}),
      (error) => error instanceof ConfigurationError && error.field === 'client',
    );
  },
};
