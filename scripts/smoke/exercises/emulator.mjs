// @wamux/emulator: the toolkit every vendor emulator is built on, with no
// vendor involved: one route answered in process through the handler's
// `fetch` and over HTTP, then the typed refusal of a port already taken.
import assert from 'node:assert/strict';

/** A toolkit emulator with one authenticated route, as a vendor emulator configures it. */
const routeOptions = (port) => ({
  basePath: '/api',
  port,
  routes: [{ method: 'GET', pattern: '/ping', handler: () => ({ json: { pong: true } }) }],
  authenticate: (request) => request.headers.authorization === 'Bearer smoke',
  renderError: (status, { message }) => ({ status, json: { error: message } }),
});

export const emulatorExercises = {
  async '@wamux/emulator'(toolkit, { defer }) {
    for (const name of ['createEmulatorServer', 'createEmulatorHandler', 'postWebhook', 'idGenerator', 'simulatedCustomer']) {
      assert.equal(typeof toolkit[name], 'function', `${name} is ${typeof toolkit[name]}`);
    }
    assert.ok(toolkit.SAMPLE_TEMPLATES.some((template) => template.name === 'order_update'));

    // In process: no socket, the origin of the URL is ignored.
    const handler = toolkit.createEmulatorHandler(routeOptions());
    const inProcess = await handler.fetch('https://vendor.invalid/api/ping', { headers: { authorization: 'Bearer smoke' } });
    assert.deepEqual(await inProcess.json(), { pong: true });
    assert.equal((await handler.fetch('https://vendor.invalid/api/ping')).status, 401);
    assert.equal(handler.requests().length, 2);

    // Over HTTP, then a second server on the same port.
    const server = await toolkit.createEmulatorServer(routeOptions());
    defer(() => server.close());
    const response = await fetch(`${server.url}/ping`, { headers: { authorization: 'Bearer smoke' } });
    assert.deepEqual(await response.json(), { pong: true });
    const refused = await toolkit.createEmulatorServer(routeOptions(server.port)).then(
      (second) => second.close(),
      (error) => error,
    );
    assert.ok(refused instanceof toolkit.PortInUseError, `a busy port rejected with ${refused}`);
    assert.equal(refused.port, server.port);
    assert.equal(refused.field, 'port');
  },
};
