/**
 * The version of the `wamux` package, printed by `wamux --version`. Kept
 * beside package.json's `version` by a test (test/version.test.ts), since
 * a bundled CLI cannot read its package.json at run time.
 */
export const VERSION = '0.1.0';
