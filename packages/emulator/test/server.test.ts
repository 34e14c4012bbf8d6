import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigurationError } from '@wamux/core';
import { createEmulatorHandler, createEmulatorServer, PortInUseError, type EmulatorHandlerOptions } from '@wamux/emulator';

const OPTIONS: EmulatorHandlerOptions = {
  basePath: '/v1',
  routes: [{ method: 'POST', pattern: '/echo', handler: (request) => ({ json: { got: request.json } }) }],
  renderError: (status, info) => ({ status, json: { error: info.message } }),
};

/** A plain server on a free loopback port, standing for "another process already listens there". */
async function occupyPort(): Promise<Server> {
  const server = createServer((_req, res) => res.end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}
const portOf = (server: Server) => (server.address() as AddressInfo).port;
const closeServer = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

/** A port that was free a moment ago. */
async function freePort(): Promise<number> {
  const server = await occupyPort();
  const port = portOf(server);
  await closeServer(server);
  return port;
}

describe('createEmulatorServer port', () => {
  it('listens on the port it is given', async () => {
    const port = await freePort();
    const server = await createEmulatorServer({ ...OPTIONS, port });
    try {
      expect(server.port).toBe(port);
      expect(server.url).toBe(`http://127.0.0.1:${port}/v1`);
      const response = await fetch(`${server.url}/echo`, { method: 'POST', body: '{"a":1}', headers: { 'content-type': 'application/json' } });
      expect(await response.json()).toEqual({ got: { a: 1 } });
    } finally {
      await server.close();
    }
  });

  it('rejects a busy port with a PortInUseError naming it', async () => {
    const other = await occupyPort();
    try {
      const error = await createEmulatorServer({ ...OPTIONS, port: portOf(other) }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(PortInUseError);
      expect(error).toBeInstanceOf(ConfigurationError);
      expect(error).toMatchObject({ port: portOf(other), host: '127.0.0.1', field: 'port', code: 'configuration_invalid' });
      expect((error as Error).message).toBe(`port: 127.0.0.1:${portOf(other)} is already in use; choose another port, or 0 for any free one`);
    } finally {
      await closeServer(other);
    }
  });
});

describe('createEmulatorHandler (no socket)', () => {
  it('answers through fetch, whatever the origin, and records the request', async () => {
    const handler = createEmulatorHandler(OPTIONS);
    const response = await handler.fetch('https://vendor.invalid/v1/echo', {
      method: 'POST',
      body: '{"b":2}',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ got: { b: 2 } });
    expect(handler.requests()).toEqual([expect.objectContaining({ method: 'POST', path: '/v1/echo', body: { b: 2 } })]);
  });

  it('a dropped connection rejects as fetch does (TypeError caused by ECONNRESET)', async () => {
    const handler = createEmulatorHandler(OPTIONS);
    handler.injectFault({ type: 'drop_connection' });
    const error = await handler.fetch('https://vendor.invalid/v1/echo', { method: 'POST' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).cause).toMatchObject({ code: 'ECONNRESET' });
  });

  it('faults can target one method and path exactly', async () => {
    const handler = createEmulatorHandler({
      ...OPTIONS,
      routes: [...OPTIONS.routes, { method: 'POST', pattern: '/echo/:id/read', handler: () => ({ status: 204 }) }],
    });
    handler.injectFault({ type: 'http_error', status: 503, method: 'POST', path: '/echo', exactPath: true, message: 'down', code: 'x' });
    expect((await handler.fetch('https://vendor.invalid/v1/echo/1/read', { method: 'POST' })).status).toBe(204);
    const failed = await handler.fetch('https://vendor.invalid/v1/echo', { method: 'POST' });
    expect(failed.status).toBe(503);
    expect(await failed.json()).toEqual({ error: 'down' });
  });
});
