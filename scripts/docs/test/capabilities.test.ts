// docs/capabilities.md is generated from the adapters' capability data:
// these tests prove that a change in that data changes the page, and that
// the page the generator writes matches every adapter's exported constant.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { desk360Capabilities } from '@wamux/desk360';
import { getchatCapabilities } from '@wamux/getchat';
import { messagingApiCapabilities } from '@wamux/messaging-api';
import { memoryCapabilities } from '@wamux/memory';
import { DELIVERY_STATUSES, INTERACTIVE_KINDS, MESSAGE_CONTENT_TYPES, OUTBOUND_MESSAGE_TYPES, PROVIDER_FEATURES, type ProviderCapabilities } from '@wamux/core';
import { CATEGORIES, renderCapabilitiesPage } from '../lib/render-capabilities.mjs';

const vocabulary = {
  values: {
    outbound: OUTBOUND_MESSAGE_TYPES.map((value) => ({ value })),
    interactive: INTERACTIVE_KINDS.map((value) => ({ value })),
    mediaSources: ['url', 'id', 'data'].map((value) => ({ value })),
    inbound: MESSAGE_CONTENT_TYPES.map((value) => ({ value })),
    statuses: DELIVERY_STATUSES.map((value) => ({ value })),
    features: PROVIDER_FEATURES.map((value) => ({ value, doc: `gates ${value}` })),
  },
};

/** The cells of a page, as `category/value/provider` → ✓ or —. */
function cells(page: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const section of page.split(/^## /m).slice(1)) {
    const title = section.slice(0, section.indexOf('\n'));
    const category = CATEGORIES.find((c) => c.title === title);
    if (!category) continue;
    const rows = section.split('\n').filter((line) => line.startsWith('| '));
    const header = (rows[0] ?? '')
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim().replaceAll('`', ''));
    for (const row of rows.slice(2)) {
      const parts = row
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim());
      const value = (parts[0] ?? '').replaceAll('`', '');
      header.forEach((name, i) => {
        if (parts[i] === '✓' || parts[i] === '—') out.set(`${category.key}/${value}/${name}`, parts[i]);
      });
    }
  }
  return out;
}

/** The `category/value` pairs a page marks ✓ for `provider`. */
function declared(page: string, provider: string): string[] {
  return [...cells(page)]
    .filter(([key, mark]) => key.endsWith(`/${provider}`) && mark === '✓')
    .map(([key]) => key.slice(0, -provider.length - 1))
    .sort();
}

function pairs(capabilities: ProviderCapabilities): string[] {
  return CATEGORIES.flatMap(({ key }) => capabilities[key].map((value) => `${key}/${value}`)).sort();
}

describe('the capability matrix', () => {
  it('changes when an adapter changes its capabilities', () => {
    const before = renderCapabilitiesPage([{ name: 'memory', capabilities: memoryCapabilities, source: 'memoryCapabilities' }], vocabulary);
    const modified: ProviderCapabilities = {
      ...memoryCapabilities,
      outbound: memoryCapabilities.outbound.filter((type) => type !== 'sticker'),
      features: [...memoryCapabilities.features.filter((feature) => feature !== 'templates.bulkSend'), 'events.live'],
    };
    const after = renderCapabilitiesPage([{ name: 'memory', capabilities: modified, source: 'memoryCapabilities' }], vocabulary);

    expect(after).not.toEqual(before);
    const changed = [...cells(after)].filter(([key, mark]) => cells(before).get(key) !== mark);
    expect(changed.sort()).toEqual([
      ['features/events.live/memory', '✓'],
      ['features/templates.bulkSend/memory', '—'],
      ['outbound/sticker/memory', '—'],
    ]);
  });

  it('adds a row for a value the core vocabulary does not list', () => {
    const extended = { ...memoryCapabilities, features: [...memoryCapabilities.features, 'calls.voice'] } as unknown as ProviderCapabilities;
    const page = renderCapabilitiesPage([{ name: 'memory', capabilities: extended, source: 'test' }], vocabulary);

    expect(cells(page).get('features/calls.voice/memory')).toBe('✓');
  });

  it('is generated from every adapter’s exported constant', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wamux-capabilities-'));
    try {
      const out = join(dir, 'capabilities.md');
      const run = spawnSync(process.execPath, ['scripts/docs/capabilities.mjs', '--strict', '--out', out], {
        cwd: join(__dirname, '../../..'),
        encoding: 'utf8',
      });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const page = readFileSync(out, 'utf8');

      const expected: Record<string, ProviderCapabilities> = {
        desk360: desk360Capabilities,
        getchat: getchatCapabilities,
        'messaging-api': messagingApiCapabilities,
        memory: memoryCapabilities,
      };
      for (const [name, capabilities] of Object.entries(expected)) {
        expect({ name, declared: declared(page, name) }).toEqual({ name, declared: pairs(capabilities) });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
