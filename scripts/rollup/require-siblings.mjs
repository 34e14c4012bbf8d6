// In a CommonJS build, a dynamic import() of a sibling wamux package
// (createProvider loading an adapter) is rendered as a lazy require().
//
// Left as import(), a CommonJS app would load the sibling's ES module build
// next to the CommonJS build it already has: two copies of @wamux/core, and
// a call Jest's CommonJS runtime refuses. Siblings are built dual by the same
// config, so require() always finds a CommonJS build. Other packages keep
// import(): it loads CommonJS and ES modules alike on every Node version,
// where require() of an ES-module-only package would fail on Node < 22.12.
import { packageNameOf } from './esm-only.mjs';

/** The plugin, for the package whose dependencies are `dependencies` (its package.json's). */
export function requireSiblings(dependencies = {}) {
  const siblings = new Set(Object.keys(dependencies).filter((name) => String(dependencies[name]).startsWith('workspace:')));
  return {
    name: 'require-sibling-packages',
    renderDynamicImport({ format, targetModuleId }) {
      if (format !== 'cjs' || targetModuleId === null || !siblings.has(packageNameOf(targetModuleId))) return null;
      return { left: 'Promise.resolve().then(() => require(', right: '))' };
    },
  };
}
