// @wamux/core and @wamux/core/adapter. The app entry: the typed errors and
// the webhook handler, and none of the adapter-building parts. The adapter
// entry: the shared HTTP path (over ky, the dependency a CommonJS build once
// failed to load) and its typed errors, with no adapter involved.
import assert from 'node:assert/strict';
import { startServer } from './round-trip.mjs';

export const coreExercises = {
  async '@wamux/core'(core) {
    for (const name of ['createWebhookHandler', 'isWamuxError', 'WamuxError', 'ConfigurationError', 'sendBulk', 'webhookRequest']) {
      assert.equal(typeof core[name], 'function', `${name} is ${typeof core[name]}`);
    }
    // What adapters are built from stays behind @wamux/core/adapter.
    for (const name of ['createHttpClient', 'defineProvider']) {
      assert.equal(core[name], undefined, `@wamux/core exports ${name}, which belongs to @wamux/core/adapter`);
    }
  },

  async '@wamux/core/adapter'(adapter, { load, defer }) {
    for (const name of ['createHttpClient', 'createWebhookHandler', 'defineProvider', 'checkBaseUrl', 'isWamuxError', 'WamuxError']) {
      assert.equal(typeof adapter[name], 'function', `${name} is ${typeof adapter[name]}`);
    }
    // An error an adapter raises is the class an app catches, whichever entry each imported.
    const core = await load('@wamux/core');
    assert.ok(new adapter.ConfigurationError('baseUrl', 'is wrong') instanceof core.ConfigurationError);
    // Plain http to loopback needs no opt-in; elsewhere it does.
    assert.equal(adapter.checkBaseUrl('http://127.0.0.1:4010/', { provider: 'smoke' }), 'http://127.0.0.1:4010');
    assert.throws(
      () => adapter.checkBaseUrl('http://vendor.example/', { provider: 'smoke' }),
      (error) => error instanceof core.ConfigurationError && error.field === 'baseUrl',
    );

    const origin = await startServer((req, res) => {
      res.statusCode = req.url.startsWith('/missing') ? 404 : 200;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ path: req.url }));
    }, defer);
    const http = adapter.createHttpClient({ provider: 'smoke', baseUrl: origin, retry: false });
    const ok = await http.request({ method: 'GET', path: '/ping', query: { n: 1 } });
    assert.equal(ok.status, 200);
    assert.deepEqual(ok.data, { path: '/ping?n=1' });
    const failure = await http.request({ method: 'GET', path: '/missing' }).then(
      () => undefined,
      (error) => error,
    );
    assert.ok(adapter.isWamuxError(failure), `a 404 rejected with ${failure}`);
    assert.ok(failure instanceof core.WamuxError);
    assert.equal(failure.status, 404);
  },
};
