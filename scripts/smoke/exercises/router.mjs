// @wamux/router: a failover router over two memory providers, each against
// its own emulator; the primary refuses our credentials (not sent), so the
// message goes out once, through the secondary.
import assert from 'node:assert/strict';

export const routerExercises = {
  async '@wamux/router'(router, { load, defer }) {
    for (const name of ['createRouter', 'createMemoryRouteStore', 'unionCapabilities']) {
      assert.equal(typeof router[name], 'function', `${name} is ${typeof router[name]}`);
    }
    const { createMemoryEmulator } = await load('@wamux/memory/emulator');
    const { createMemoryProvider } = await load('@wamux/memory');
    const { ConfigurationError } = await load('@wamux/core');
    const primary = await createMemoryEmulator();
    defer(() => primary.close());
    const secondary = await createMemoryEmulator();
    defer(() => secondary.close());
    const member = (emulator, apiKey) => createMemoryProvider({ baseUrl: emulator.url, apiKey, retry: false, rateLimit: false });
    const routed = router.createRouter({
      strategy: 'failover',
      providers: [
        { name: 'primary', provider: member(primary, 'not-the-key-0000') },
        { name: 'secondary', provider: member(secondary, secondary.apiKey) },
      ],
    });
    defer(() => routed.close());
    const failovers = [];
    routed.on('failover', (event) => failovers.push(`${event.from}->${event.to}`));
    const result = await routed.send({ type: 'text', to: '+905551112233', text: 'smoke' });
    assert.equal(result.provider, 'secondary');
    assert.deepEqual(failovers, ['primary->secondary']);
    assert.equal(secondary.delivered().length, 1);
    assert.equal(primary.delivered().length, 0);
    assert.throws(
      () => router.createRouter({ providers: [] }),
      (error) => error instanceof ConfigurationError && error.field === 'providers',
    );
  },
};
