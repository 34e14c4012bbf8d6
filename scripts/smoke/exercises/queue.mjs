// @wamux/queue: no Redis server here, so what needs none: the exports, the
// idempotency key's job id, and the typed refusal of a bad connection.
import assert from 'node:assert/strict';

export const queueExercises = {
  async '@wamux/queue'(queue, { load }) {
    for (const name of ['createOutbox', 'startOutboxWorker', 'settleFromWebhooks', 'handleSigterm', 'jobIdForKey']) {
      assert.equal(typeof queue[name], 'function', `${name} is ${typeof queue[name]}`);
    }
    assert.equal(queue.DEFAULT_QUEUE_NAME, 'wamux-outbox');
    const id = queue.jobIdForKey('order-1234-shipped');
    assert.match(id, /^k-[0-9a-f]{40}$/);
    assert.equal(queue.jobIdForKey('order-1234-shipped'), id);
    assert.notEqual(queue.jobIdForKey('order-1235-shipped'), id);
    const { ConfigurationError } = await load('@wamux/core');
    assert.throws(
      () => queue.createOutbox({ connection: 'http://127.0.0.1:6379' }),
      (error) => error instanceof ConfigurationError && error.field === 'connection',
    );
  },
};
