import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PortInUseError } from '@wamux/emulator';
import { createMemoryEmulator } from '@wamux/memory/emulator';

describe('createMemoryEmulator port', () => {
  it('listens on the port it is given', async () => {
    const first = await createMemoryEmulator();
    const port = Number(new URL(first.url).port);
    await first.close();
    const emulator = await createMemoryEmulator({ port });
    try {
      expect(emulator.url).toBe(`http://127.0.0.1:${port}/v1`);
    } finally {
      await emulator.close();
    }
  });

  it('rejects a busy port with a PortInUseError naming it', async () => {
    const other = createServer((_req, res) => res.end());
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const { port } = other.address() as AddressInfo;
    try {
      await expect(createMemoryEmulator({ port })).rejects.toThrow(new PortInUseError(port, '127.0.0.1'));
    } finally {
      await new Promise<void>((resolve) => other.close(() => resolve()));
    }
  });

  it('starts with the sample templates, and returns to them on reset()', async () => {
    const emulator = await createMemoryEmulator();
    try {
      const list = async () =>
        (await (await fetch(`${emulator.url}/templates`, { headers: { authorization: `Bearer ${emulator.apiKey}` } })).json()) as {
          items: Array<{ name: string }>;
        };
      expect((await list()).items.map((t) => t.name)).toEqual(['order_update']);
      emulator.seedTemplates([]);
      emulator.reset();
      expect((await list()).items.map((t) => t.name)).toEqual(['order_update']);
    } finally {
      await emulator.close();
    }
  });
});
