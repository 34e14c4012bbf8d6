// How each entry point is exercised, by the specifier a user writes. Each
// exercise gets the entry's module (from require() or import(), whichever
// the run is about) and a context:
//   load(specifier)  loads another entry through the same module system;
//   defer(fn)        registers teardown (emulators, servers, providers);
//   system           'cjs' or 'esm';
//   loadedCommonJsFiles()  the files require() has loaded so far.
// An entry without an exercise fails the smoke test: a new entry point
// needs one here.
import assert from 'node:assert/strict';
import { coreExercises } from './core.mjs';
import { desk360Exercises } from './desk360.mjs';
import { getchatExercises } from './getchat.mjs';
import { messagingApiExercises } from './messaging-api.mjs';
import { queueExercises } from './queue.mjs';
import { redisExercises } from './redis.mjs';
import { routerExercises } from './router.mjs';
import { testingExercises } from './testing.mjs';
import { wamuxExercises } from './wamux.mjs';

const exercises = { ...coreExercises, ...testingExercises, ...desk360Exercises, ...getchatExercises, ...messagingApiExercises, ...redisExercises, ...routerExercises, ...queueExercises, ...wamuxExercises };

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
