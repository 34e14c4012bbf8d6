// wamux: createProvider for every provider it names, against the local
// emulators of wamux/emulators, and each local emulator on its own.
import assert from 'node:assert/strict';
import { assertAnswers, roundTrip } from './round-trip.mjs';

/** The package `createProvider` loads for a provider name. */
const adapterPackage = (name) => `@wamux/${name}`;

export const wamuxExercises = {
  async wamux(wamux, { load, defer, system, loadedCommonJsFiles }) {
    const { localTargets } = await load('wamux/emulators');
    assert.ok(wamux.PROVIDER_NAMES.length > 0);
    for (const name of wamux.PROVIDER_NAMES) {
      const { emulator, config } = await localTargets[name]({});
      defer(() => emulator.close());
      const provider = await wamux.createProvider(config, { env: {} });
      defer(() => provider.close?.());
      assert.equal(provider.name, name);
      await roundTrip({ provider, emulator, createWebhookHandler: wamux.createWebhookHandler, defer });
    }
    if (system === 'cjs') {
      // A CommonJS app must get the adapters' CommonJS builds: one copy of
      // each package, and no import() (which Jest's CommonJS runtime refuses).
      const loaded = loadedCommonJsFiles();
      for (const name of wamux.PROVIDER_NAMES) {
        const file = `/node_modules/${adapterPackage(name)}/dist/index.cjs`;
        assert.ok(
          loaded.some((path) => path.replaceAll('\\', '/').endsWith(file)),
          `createProvider({ provider: '${name}' }) did not require() ${adapterPackage(name)}'s CommonJS build`,
        );
      }
    }
    const refused = await wamux.createProvider({ provider: 'no-such-vendor' }, { env: {} }).then(
      () => undefined,
      (error) => error,
    );
    assert.ok(refused instanceof wamux.ConfigurationError, `an unknown provider rejected with ${refused}`);
    assert.equal(refused.field, 'provider');
  },

  async 'wamux/emulators'({ localTargets }, { defer }) {
    for (const [name, start] of Object.entries(localTargets)) {
      const { emulator, config } = await start({});
      defer(() => emulator.close());
      assert.equal(config.provider, name);
      await assertAnswers(emulator.url);
    }
  },
};
