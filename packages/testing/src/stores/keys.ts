let counter = 0;
const run = Math.random().toString(36).slice(2, 8);

/** A key no other test (nor an earlier run against the same server) has used. */
export function freshKey(label = 'k'): string {
  counter += 1;
  return `contract:${run}:${label}:${counter}`;
}
