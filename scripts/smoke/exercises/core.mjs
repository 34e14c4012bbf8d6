// @wamux/core: the shared HTTP path (over ky, the dependency a CommonJS
// build once failed to load) and its typed errors, with no adapter involved.
import assert from 'node:assert/strict';
import { startServer } from './round-trip.mjs';

export const coreExercises = {
  async '@wamux/core'(core, { defer }) {
    for (const name of ['createHttpClient', 'createWebhookHandler', 'defineProvider', 'isWamuxError', 'WamuxError']) {
      assert.equal(typeof core[name], 'function', `${name} is ${typeof core[name]}`);
    }
    const origin = await startServer((req, res) => {
      res.statusCode = req.url.startsWith('/missing') ? 404 : 200;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ path: req.url }));
    }, defer);
    const http = core.createHttpClient({ provider: 'smoke', baseUrl: origin, retry: false });
    const ok = await http.request({ method: 'GET', path: '/ping', query: { n: 1 } });
    assert.equal(ok.status, 200);
    assert.deepEqual(ok.data, { path: '/ping?n=1' });
    const failure = await http.request({ method: 'GET', path: '/missing' }).then(
      () => undefined,
      (error) => error,
    );
    assert.ok(core.isWamuxError(failure), `a 404 rejected with ${failure}`);
    assert.ok(failure instanceof core.WamuxError);
    assert.equal(failure.status, 404);
  },
};
