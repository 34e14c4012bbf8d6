// Random valibot schemas and near-valid inputs for the compile-schema
// differential fuzzer (not a test file itself). Everything is driven by a
// seeded PRNG, so a failing seed is reproducible; each schema carries the
// source text that built it, printed when a case fails.
import * as v from 'valibot';

/** mulberry32: small, fast and deterministic; the fuzzer needs no dependency. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }
}

/** A random schema with a generator of values it probably accepts. */
export interface Arbitrary {
  schema: v.GenericSchema;
  /** valibot source of the schema, printed when a case fails. */
  text: string;
  /** A fresh value the schema probably accepts (inputs are mutated in place afterwards). */
  sample: (rng: Rng) => unknown;
  /** An optional / nullish / exact_optional node: an object sample may leave its key out. */
  omittable?: boolean;
}


// Pools chosen to sit on the boundaries of the actions below.
const STRINGS = ['', 'a', 'ab', 'abc', 'hello', 'HELLO', ' pad ', 'a@b.co', 'no email', '2024-01-31', '2024-13-45', 'https://example.com', '12', '1.5', 'x', 'bad', 'm'];
const NUMBERS = [0, -0, 1, 2, 7, -3, 1.5, 100, 101, 2 ** 53, Infinity, -Infinity, NaN];
const PRIMITIVES: readonly unknown[] = [null, undefined, true, false, 0, -0, 1, NaN, '', 'a', 'x'];
const KEYS = ['a', 'b', 'c', 'id', 'z', '1'];

/** Prints a value as source (undefined, NaN, -0 and own `__proto__` keys included). */
export function show(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'function') return '[Function]';
  if (value instanceof Date) return `new Date(${value.getTime()})`;
  if (Array.isArray(value)) return `[${value.map(show).join(', ')}]`;
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return `{ ${Object.keys(record)
      .map((key) => `${JSON.stringify(key)}: ${show(record[key])}`)
      .join(', ')} }`;
  }
  return String(value);
}

/** Builds a pipe from a runtime list (valibot's `pipe` overloads need a literal tuple). */
function pipeOf(head: v.GenericSchema, items: readonly unknown[]): v.GenericSchema {
  return (v.pipe as unknown as (...items: readonly unknown[]) => v.GenericSchema)(head, ...items);
}

/** Sets an own enumerable key, even `__proto__` (plain assignment would set the prototype). */
function defineKey(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A JSON-like value; sometimes with an own `__proto__` / `constructor` key, as JSON.parse makes them. */
export function randomJson(rng: Rng, depth: number): unknown {
  const roll = rng.int(10);
  if (depth <= 0 || roll < 5) return rng.pick(PRIMITIVES);
  if (roll < 7) return Array.from({ length: rng.int(3) }, () => randomJson(rng, depth - 1));
  if (roll === 7) return JSON.parse('{"__proto__": {"polluted": true}, "constructor": 1, "a": "x"}');
  const output: Record<string, unknown> = {};
  for (let i = rng.int(3); i > 0; i -= 1) output[rng.pick(KEYS)] = randomJson(rng, depth - 1);
  return output;
}

interface Item {
  text: string;
  make: () => unknown;
}

const item = (text: string, make: () => unknown): Item => ({ text, make });

const STRING_ACTIONS: readonly Item[] = [
  item('v.minLength(2)', () => v.minLength(2)),
  item('v.maxLength(5)', () => v.maxLength(5)),
  item('v.length(3)', () => v.length(3)),
  item('v.nonEmpty()', () => v.nonEmpty()),
  item('v.regex(/^[a-z]+$/)', () => v.regex(/^[a-z]+$/)),
  item('v.email()', () => v.email()),
  item('v.isoDate()', () => v.isoDate()),
  item('v.minValue("b")', () => v.minValue('b')),
  item('v.maxValue("m")', () => v.maxValue('m')),
  item('v.check((s) => s.length % 2 === 0)', () => v.check((s: string) => s.length % 2 === 0)),
  item('v.transform((s) => s.toUpperCase())', () => v.transform((s: string) => s.toUpperCase())),
  item('v.trim()', () => v.trim()),
  item('v.url()', () => v.url()),
  item('v.brand("B")', () => v.brand('B')),
  item('v.description("d")', () => v.description('d')),
  item('v.title("t")', () => v.title('t')),
  item('v.metadata({ k: 1 })', () => v.metadata({ k: 1 })),
  item('v.rawCheck(no "x")', () =>
    v.rawCheck(({ dataset, addIssue }) => {
      if (dataset.typed && typeof dataset.value === 'string' && dataset.value.includes('x')) addIssue({ message: 'no x' });
    }),
  ),
];

const NUMBER_ACTIONS: readonly Item[] = [
  item('v.integer()', () => v.integer()),
  item('v.finite()', () => v.finite()),
  item('v.safeInteger()', () => v.safeInteger()),
  item('v.minValue(0)', () => v.minValue(0)),
  item('v.maxValue(100)', () => v.maxValue(100)),
  item('v.check((n) => n !== 7)', () => v.check((n: number) => n !== 7)),
  item('v.transform((n) => n * 2)', () => v.transform((n: number) => n * 2)),
  item('v.description("d")', () => v.description('d')),
  item('v.rawTransform(no 101)', () =>
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      if (dataset.value === 101) {
        addIssue({ message: 'no 101' });
        return NEVER;
      }
      return dataset.value;
    }),
  ),
];

const LENGTH_ACTIONS: readonly Item[] = [
  item('v.minLength(1)', () => v.minLength(1)),
  item('v.maxLength(2)', () => v.maxLength(2)),
  item('v.length(2)', () => v.length(2)),
  item('v.nonEmpty()', () => v.nonEmpty()),
  item('v.check((a) => a.length !== 3)', () => v.check((a: readonly unknown[]) => a.length !== 3)),
  item('v.readonly()', () => v.readonly()),
];

const OBJECT_ACTIONS: readonly Item[] = [
  item('v.check((o) => Object.keys(o).length !== 2)', () => v.check((o: object) => Object.keys(o).length !== 2)),
  item('v.transform((o) => ({ ...o, seen: true }))', () => v.transform((o: object) => ({ ...o, seen: true }))),
  item('v.forward(v.check((o) => !("b" in o)), ["b"])', () => v.forward(v.check((o: Record<string, unknown>) => !('b' in o)), ['b'] as never)),
  item('v.readonly()', () => v.readonly()),
  item('v.title("t")', () => v.title('t')),
];

/** 1-3 actions from `pool`, in random order (repeats allowed). */
function actions(rng: Rng, pool: readonly Item[]): Item[] {
  return Array.from({ length: 1 + rng.int(3) }, () => rng.pick(pool));
}

function piped(head: Arbitrary, items: readonly Item[]): Arbitrary {
  return {
    schema: pipeOf(head.schema, items.map((entry) => entry.make())),
    text: `v.pipe(${[head.text, ...items.map((entry) => entry.text)].join(', ')})`,
    sample: head.sample,
    omittable: head.omittable,
  };
}

// ---- leaves ---------------------------------------------------------------

function leaf(rng: Rng): Arbitrary {
  switch (rng.int(12)) {
    case 0:
      return { schema: v.string(), text: 'v.string()', sample: (r) => r.pick(STRINGS) };
    case 1:
      return { schema: v.number(), text: 'v.number()', sample: (r) => r.pick(NUMBERS) };
    case 2:
      return { schema: v.boolean(), text: 'v.boolean()', sample: (r) => r.chance(0.5) };
    case 3:
      return { schema: v.unknown(), text: 'v.unknown()', sample: (r) => randomJson(r, 2) };
    case 4:
      return { schema: v.any(), text: 'v.any()', sample: (r) => randomJson(r, 2) };
    case 5:
      return { schema: v.null(), text: 'v.null()', sample: () => null };
    case 6:
      return { schema: v.undefined(), text: 'v.undefined()', sample: () => undefined };
    case 7: {
      const literal = rng.pick(['a', 'b', 1, 0, -0, NaN, true] as const);
      return { schema: v.literal(literal), text: `v.literal(${show(literal)})`, sample: (r) => (r.chance(0.8) ? literal : r.pick(PRIMITIVES)) };
    }
    case 8: {
      const options: readonly (string | number)[] = rng.pick([['a', 'b', 'c'], [1, 2, NaN], ['x', 0]]);
      return { schema: v.picklist(options), text: `v.picklist([${options.map(show).join(', ')}])`, sample: (r) => (r.chance(0.8) ? r.pick(options) : r.pick(PRIMITIVES)) };
    }
    case 9: {
      const kinds = rng.pick([['string', 'number'], ['number', 'boolean'], ['boolean', 'string', 'number'], ['string']] as const);
      const make = { string: () => v.string(), number: () => v.number(), boolean: () => v.boolean() };
      return {
        schema: v.union(kinds.map((kind) => make[kind]())),
        text: `v.union([${kinds.map((kind) => `v.${kind}()`).join(', ')}])`,
        sample: (r) => r.pick([...STRINGS, ...NUMBERS, true, false, null]),
      };
    }
    case 10:
      return { schema: v.date(), text: 'v.date()', sample: (r) => (r.chance(0.7) ? new Date(r.int(1000)) : r.pick(STRINGS)) };
    default:
      return { schema: v.nan(), text: 'v.nan()', sample: (r) => (r.chance(0.7) ? NaN : r.pick(NUMBERS)) };
  }
}

// ---- wrappers and containers ----------------------------------------------

/** A default / fallback for `child`: a sample of it, or a function returning one. */
function valueFor(rng: Rng, child: Arbitrary): { value: unknown; text: string } {
  const sample = child.sample(rng);
  if (rng.chance(0.3)) return { value: () => sample, text: `() => ${show(sample)}` };
  return { value: sample, text: show(sample) };
}

function maybe(rng: Rng, child: Arbitrary): Arbitrary {
  const kind = rng.pick(['optional', 'nullable', 'nullish', 'exactOptional'] as const);
  // A null default for nullable / nullish: the default is itself an "empty" value.
  const withDefault = rng.chance(0.1) ? { value: null, text: 'null' } : rng.chance(0.4) ? valueFor(rng, child) : undefined;
  const build = v[kind] as (wrapped: v.GenericSchema, default_?: unknown) => v.GenericSchema;
  const schema = withDefault ? build(child.schema, withDefault.value) : build(child.schema);
  const empty = kind === 'nullable' ? [null] : kind === 'nullish' ? [null, undefined] : [undefined];
  return {
    schema,
    text: `v.${kind}(${child.text}${withDefault ? `, ${withDefault.text}` : ''})`,
    sample: (r) => (r.chance(0.3) ? r.pick(empty) : child.sample(r)),
    omittable: kind !== 'nullable',
  };
}

function withFallback(rng: Rng, child: Arbitrary): Arbitrary {
  let fallback = valueFor(rng, child);
  return {
    schema: v.fallback(child.schema, fallback.value as v.Fallback<v.GenericSchema>),
    text: `v.fallback(${child.text}, ${fallback.text})`,
    sample: child.sample,
    omittable: child.omittable,
  };
}

type ObjectMode = 'object' | 'looseObject' | 'strictObject';

function objectOf(mode: ObjectMode, entries: ReadonlyArray<readonly [string, Arbitrary]>): Arbitrary {
  const shape: Record<string, v.GenericSchema> = {};
  for (const [key, entry] of entries) shape[key] = entry.schema;
  const build = v[mode] as (entries: Record<string, v.GenericSchema>) => v.GenericSchema;
  return {
    schema: build(shape),
    text: `v.${mode}({ ${entries.map(([key, entry]) => `${JSON.stringify(key)}: ${entry.text}`).join(', ')} })`,
    sample: (r) => {
      const pairs: Array<[string, unknown]> = [];
      for (const [key, entry] of entries) if (!(entry.omittable && r.chance(0.3))) pairs.push([key, entry.sample(r)]);
      // Input key order differs from entry order; unknown keys go anywhere
      // (rarely for a strict object, which refuses them).
      if (r.chance(0.3)) pairs.reverse();
      if (r.chance(mode === 'strictObject' ? 0.03 : 0.3)) pairs.splice(r.int(pairs.length + 1), 0, [r.pick(['extra', 'zz', '0']), randomJson(r, 1)]);
      const output: Record<string, unknown> = {};
      for (const [key, value] of pairs) output[key] = value;
      return output;
    },
  };
}

const OBJECT_MODES: readonly ObjectMode[] = ['object', 'looseObject', 'strictObject'];

function randomObject(rng: Rng, depth: number): Arbitrary {
  const mode = rng.pick(OBJECT_MODES);
  const keys = new Set<string>();
  for (let i = 1 + rng.int(4); i > 0; i -= 1) keys.add(rng.pick(KEYS));
  return objectOf(
    mode,
    [...keys].map((key) => [key, arbitrary(rng, depth - 1)] as const),
  );
}

function variantOf(rng: Rng, depth: number): Arbitrary {
  const tags = ['x', 'y', 'z'];
  const options: Arbitrary[] = [];
  let wrapped = false;
  for (let i = 0; i < 2 + rng.int(2); i += 1) {
    // A repeated tag: the first matching option may fail and the next one pass.
    const tag = i > 0 && rng.chance(0.2) ? (tags[i - 1] as string) : (tags[i] as string);
    const literal: Arbitrary = { schema: v.literal(tag), text: `v.literal(${show(tag)})`, sample: (r) => (r.chance(0.9) ? tag : r.pick(STRINGS)) };
    // A wrapped discriminator also matches null / undefined / a missing key.
    const wrap: boolean = rng.chance(0.15);
    wrapped ||= wrap;
    const discriminator = wrap ? maybe(rng, literal) : literal;
    const entries: Array<readonly [string, Arbitrary]> = [['type', discriminator]];
    for (const key of new Set([rng.pick(['a', 'b', 'c']), rng.pick(['a', 'b', 'c'])])) entries.push([key, arbitrary(rng, depth - 1)]);
    const option = objectOf(rng.pick(OBJECT_MODES), entries);
    options.push(rng.chance(0.15) ? piped(option, [rng.pick(OBJECT_ACTIONS)]) : option);
  }
  if (rng.chance(0.15)) {
    // A nested variant: valibot's own code runs it.
    const inner = ['k1', 'k2'].map((kind) =>
      objectOf('object', [
        ['type', { schema: v.literal('n'), text: 'v.literal("n")', sample: () => 'n' }],
        ['kind', { schema: v.literal(kind), text: `v.literal(${show(kind)})`, sample: (r) => (r.chance(0.9) ? kind : 'k3') }],
        ['a', arbitrary(rng, depth - 1)],
      ]),
    );
    options.push({
      schema: v.variant('kind', inner.map((option) => option.schema) as unknown as v.VariantOptions<'kind'>),
      text: `v.variant("kind", [${inner.map((option) => option.text).join(', ')}])`,
      sample: (r) => r.pick(inner).sample(r),
    });
  }
  return {
    schema: v.variant('type', options.map((option) => option.schema) as unknown as v.VariantOptions<'type'>),
    text: `v.variant("type", [${options.map((option) => option.text).join(', ')}])`,
    sample: (r) => r.pick(options).sample(r),
  };
}

function unionOf(rng: Rng, depth: number): Arbitrary {
  if (rng.chance(0.2)) {
    // Two options that both accept a string: the first one's output must win.
    return {
      schema: v.union([v.pipe(v.string(), v.transform((s) => `${s}!`)), v.pipe(v.string(), v.transform((s) => `${s}?`))]),
      text: 'v.union([v.pipe(v.string(), v.transform((s) => s + "!")), v.pipe(v.string(), v.transform((s) => s + "?"))])',
      sample: (r) => r.pick(STRINGS),
    };
  }
  const options = Array.from({ length: 2 + rng.int(2) }, () => arbitrary(rng, depth - 1));
  return {
    schema: v.union(options.map((option) => option.schema)),
    text: `v.union([${options.map((option) => option.text).join(', ')}])`,
    sample: (r) => r.pick(options).sample(r),
  };
}

function pipeOfKind(rng: Rng, depth: number): Arbitrary {
  const string: Arbitrary = { schema: v.string(), text: 'v.string()', sample: (r) => r.pick(STRINGS) };
  const number: Arbitrary = { schema: v.number(), text: 'v.number()', sample: (r) => r.pick(NUMBERS) };
  switch (rng.int(7)) {
    case 0:
    case 1: {
      const items = actions(rng, STRING_ACTIONS);
      // A transform to another type ends the pipe.
      if (rng.chance(0.2)) items.push(item('v.transform((s) => s.length)', () => v.transform((s: string) => s.length)));
      return piped(string, items);
    }
    case 2:
      return piped(number, actions(rng, NUMBER_ACTIONS));
    case 3: {
      const array = arrayOf(rng, depth);
      return piped(array, actions(rng, LENGTH_ACTIONS));
    }
    case 4:
      return piped(randomObject(rng, depth), actions(rng, OBJECT_ACTIONS));
    case 5: {
      // A schema later in the pipe.
      const items = [item('v.transform(Number)', () => v.transform(Number)), item('v.number()', () => v.number())];
      if (rng.chance(0.5)) items.push(item('v.integer()', () => v.integer()));
      return piped(string, items);
    }
    default: {
      const head = maybe(rng, string);
      return { ...piped(head, [item('v.transform((s) => s ?? "none")', () => v.transform((s: unknown) => s ?? 'none'))]), omittable: head.omittable };
    }
  }
}

function arrayOf(rng: Rng, depth: number): Arbitrary {
  const child = arbitrary(rng, depth - 1);
  return {
    schema: v.array(child.schema),
    text: `v.array(${child.text})`,
    sample: (r) => Array.from({ length: r.int(4) }, () => child.sample(r)),
  };
}

/** A random schema at most `depth` containers deep. */
export function arbitrary(rng: Rng, depth: number): Arbitrary {
  if (depth <= 0 || rng.chance(0.25)) return leaf(rng);
  switch (rng.int(11)) {
    case 0:
    case 1:
      return maybe(rng, arbitrary(rng, depth - 1));
    case 2:
      return withFallback(rng, arbitrary(rng, depth - 1));
    case 3:
      return arrayOf(rng, depth);
    case 4:
    case 5:
      return randomObject(rng, depth);
    case 6:
      return unionOf(rng, depth);
    case 7:
      return variantOf(rng, depth);
    case 8:
      return pipeOfKind(rng, depth);
    case 9: {
      const child = arbitrary(rng, depth - 1);
      return {
        schema: v.record(v.string(), child.schema),
        text: `v.record(v.string(), ${child.text})`,
        sample: (r) => Object.fromEntries(Array.from({ length: r.int(3) }, () => [r.pick(KEYS), child.sample(r)])),
      };
    }
    default: {
      const first = arbitrary(rng, depth - 1);
      const second = arbitrary(rng, depth - 1);
      return {
        schema: v.tuple([first.schema, second.schema]),
        text: `v.tuple([${first.text}, ${second.text}])`,
        sample: (r) => [first.sample(r), second.sample(r)],
      };
    }
  }
}

// ---- mutations --------------------------------------------------------------

interface Spot {
  get: () => unknown;
  set: (value: unknown) => void;
}

/**
 * Applies one small mutation somewhere in `input` (in place where it can)
 * and returns the new root: a value near the valid one, where a compiled
 * checker is most likely to disagree with valibot.
 */
export function mutate(rng: Rng, input: unknown): unknown {
  let root = input;
  const spots: Spot[] = [{ get: () => root, set: (value) => (root = value) }];
  const collect = (value: unknown) => {
    if (!value || typeof value !== 'object' || value instanceof Date) return;
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      // An own `constructor: NaN` makes jest's toStrictEqual refuse an object
      // even against itself (its type check compares constructors with ===).
      const guard = (next: unknown) => (key === 'constructor' && Number.isNaN(next) ? 0 : next);
      spots.push({ get: () => record[key], set: (next) => defineKey(record, key, guard(next)) });
      collect(record[key]);
    }
  };
  collect(input);
  const spot = rng.pick(spots);
  const current = spot.get();
  if (Array.isArray(current)) {
    const options = [() => spot.set([]), () => spot.set([current]), () => current.push(current[0]), () => spot.set({ ...current })];
    rng.pick(options)();
  } else if (current && typeof current === 'object' && !(current instanceof Date)) {
    const record = current as Record<string, unknown>;
    const keys = Object.keys(record);
    const key = keys.length > 0 ? rng.pick(keys) : 'a';
    const options = [
      () => delete record[key],
      () => (record[key] = undefined),
      () => (record[key] = null),
      () => defineKey(record, rng.pick(['extra', 'zz', '0', 'type', ...KEYS]), randomJson(rng, 1)),
      () => defineKey(record, rng.pick(['__proto__', 'constructor', 'prototype']), rng.pick([1, { polluted: true }])),
      () => spot.set([current]),
      () => spot.set(Object.fromEntries(Object.entries(record).reverse())),
    ];
    rng.pick(options)();
  } else if (typeof current === 'string') {
    spot.set(rng.pick(['', current.length, ` ${current}`, current.toUpperCase(), Number(current)]));
  } else if (typeof current === 'number') {
    spot.set(rng.pick([String(current), NaN, -0, current + 1, current + 0.5]));
  } else {
    spot.set(rng.pick([...PRIMITIVES, {}, []]));
  }
  return root;
}
