// What a provider is and how it ends: its name, contract version and
// capabilities as data; close() safe to call twice.
import { expect, it } from '@jest/globals';
import { OUTBOUND_MESSAGE_TYPES, PROVIDER_FEATURES } from '@wamux/core/adapter';
import type { ContractContext } from './context';

/** Registers the identity and lifecycle checks. */
export function registerLifecycle(ctx: ContractContext): void {
  const { options, declared } = ctx;

  it('states its name, contract version and capabilities as data', () => {
    expect(ctx.provider.name).toBe(options.name);
    expect(ctx.provider.specificationVersion).toBe('v1');
    expect(ctx.provider.capabilities).toEqual(declared);
    expect(Array.isArray(declared.outbound)).toBe(true);
    for (const type of declared.outbound) expect(OUTBOUND_MESSAGE_TYPES).toContain(type);
    for (const feature of declared.features) expect(PROVIDER_FEATURES).toContain(feature);
  });

  ctx.check('closeTwice')('close() may be called twice', async () => {
    const provider = ctx.make();
    await provider.close();
    await expect(provider.close()).resolves.toBeUndefined();
  });
}
