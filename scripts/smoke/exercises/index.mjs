// How each entry point is exercised, by the specifier a user writes. Each
// exercise gets the entry's module (from require() or import(), whichever
// the run is about) and a context:
//   load(specifier)  loads another entry through the same module system;
//   defer(fn)        registers teardown (emulators, servers, providers);
//   system           'cjs' or 'esm';
//   loadedCommonJsFiles()  the files require() has loaded so far.
// An entry without an exercise fails the smoke test: a new entry point
// needs one. Every other file of this folder is read: each exports an
// object named `<package>Exercises`, keyed by specifier (a package's author
// adds `<package>.mjs`; nothing to register here).
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';

/** Files of this folder that are helpers, not exercises. */
const HELPERS = new Set(['index.mjs', 'round-trip.mjs']);

/** Every exercise of every file, by specifier; a specifier claimed twice is a mistake, refused. */
async function loadExercises() {
  const files = readdirSync(import.meta.dirname)
    .filter((file) => file.endsWith('.mjs') && !HELPERS.has(file))
    .sort();
  const found = {};
  for (const file of files) {
    const module = await import(new URL(file, import.meta.url).href);
    for (const [exportName, group] of Object.entries(module)) {
      if (!exportName.endsWith('Exercises')) continue;
      for (const [specifier, exercise] of Object.entries(group)) {
        if (found[specifier]) throw new Error(`scripts/smoke/exercises/${file}: ${specifier} already has an exercise in ${found[specifier].file}`);
        found[specifier] = { file, exercise };
      }
    }
  }
  return Object.fromEntries(Object.entries(found).map(([specifier, { exercise }]) => [specifier, exercise]));
}

const exercises = await loadExercises();

/** Every package's `./package.json` entry: readable, and the package it claims to be. */
function manifestExercise(name) {
  return async (manifest, { system }) => {
    const json = system === 'esm' ? manifest.default : manifest;
    assert.equal(json.name, name);
  };
}

/** The exercise of an entry, or undefined when there is none. */
export function exerciseFor({ name, subpath, specifier }) {
  if (subpath === './package.json') return manifestExercise(name);
  return exercises[specifier];
}
