// Differential tests: the compiled fast path must answer exactly as valibot
// does. For every (schema, input) pair, `safeParse` (compiled, with valibot
// as fallback) and `v.safeParse` must agree on success, on the output (deep,
// including key order at every level) and on the issues; the compiled
// checker alone must say INVALID exactly when valibot fails.
import * as v from 'valibot';
import { compileSchema, INVALID } from '../src/validation/compile-schema';
import { safeParse } from '../src/validation/safe-parse';
import { arbitrary, mutate, Rng, show } from './compile-schema-fuzz';

type Schema = v.GenericSchema;

/** The first place where `actual` and `expected` list their keys in a different order, if any. */
function keyOrderDifference(actual: unknown, expected: unknown, path = '$'): string | undefined {
  if (!actual || !expected || typeof actual !== 'object' || typeof expected !== 'object') return undefined;
  const actualKeys = Object.keys(actual);
  const expectedKeys = Object.keys(expected);
  if (actualKeys.join('\u0000') !== expectedKeys.join('\u0000')) return `${path}: [${actualKeys.join(', ')}] instead of [${expectedKeys.join(', ')}]`;
  for (const key of actualKeys) {
    const difference = keyOrderDifference((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key], `${path}.${key}`);
    if (difference) return difference;
  }
  return undefined;
}

function issueSummary(issues: readonly v.BaseIssue<unknown>[] | undefined) {
  return issues?.map((issue) => ({ kind: issue.kind, type: issue.type, path: v.getDotPath(issue), message: issue.message }));
}

/** Asserts that the compiled path and valibot agree on `input`. */
function expectSameAsValibot(schema: Schema, input: unknown): void {
  const expected = v.safeParse(schema, input);
  const compiled = compileSchema(schema)(input);
  const actual = safeParse(schema, input);

  expect({ compiledInvalid: compiled === INVALID }).toEqual({ compiledInvalid: !expected.success });
  expect({ success: actual.success }).toEqual({ success: expected.success });
  if (expected.success) {
    expect(actual.output).toStrictEqual(expected.output);
    expect(keyOrderDifference(actual.output, expected.output)).toBeUndefined();
    expect(compiled).toStrictEqual(expected.output);
    expect(keyOrderDifference(compiled, expected.output)).toBeUndefined();
  } else {
    expect(issueSummary(actual.issues)).toEqual(issueSummary(expected.issues));
  }
}

/** Runs the harness on each input, naming the input that disagrees. */
function expectAllSame(schema: Schema, inputs: readonly unknown[]): void {
  for (const input of inputs) {
    try {
      expectSameAsValibot(schema, input);
    } catch (error) {
      throw new Error(`input ${show(input)}:\n${(error as Error).message}`);
    }
  }
}

/** Like JSON.parse: `__proto__` and `constructor` become own keys. */
const json = (text: string): unknown => JSON.parse(text);

const PRIMITIVES: readonly unknown[] = [undefined, null, true, false, 0, -0, 1, 1.5, NaN, Infinity, '', 'a', '1', {}, [], new Date(0)];

describe('expectSameAsValibot itself', () => {
  it('notices a different key order', () => {
    expect(keyOrderDifference({ a: 1, b: { c: 1, d: 2 } }, { a: 1, b: { d: 2, c: 1 } })).toBe('$.b: [c, d] instead of [d, c]');
    expect(keyOrderDifference([{ a: 1, b: 2 }], [{ a: 1, b: 2 }])).toBeUndefined();
  });
});

describe('compiled leaves', () => {
  const cases: Array<[string, Schema, readonly unknown[]]> = [
    ['string', v.string(), PRIMITIVES],
    ['number (NaN refused)', v.number(), [...PRIMITIVES, -Infinity, 2 ** 53]],
    ['boolean', v.boolean(), PRIMITIVES],
    ['unknown', v.unknown(), PRIMITIVES],
    ['any', v.any(), PRIMITIVES],
    ['null', v.null(), PRIMITIVES],
    ['undefined', v.undefined(), PRIMITIVES],
    ['literal string', v.literal('a'), [...PRIMITIVES, 'A']],
    ['literal NaN', v.literal(NaN), [...PRIMITIVES, 'NaN']],
    ['literal 0', v.literal(0), [...PRIMITIVES, '0']],
    ['literal -0', v.literal(-0), PRIMITIVES],
    ['literal true', v.literal(true), PRIMITIVES],
    ['picklist of strings', v.picklist(['a', 'b']), [...PRIMITIVES, 'b', 'c']],
    ['picklist with NaN and 0', v.picklist([NaN, 0, 2]), [...PRIMITIVES, 2, 3]],
  ];
  it.each(cases)('%s', (_name, schema, inputs) => expectAllSame(schema, inputs));
});

describe('optional / nullable / nullish', () => {
  const inputs = [undefined, null, 'a', '', 1];
  const cases: Array<[string, Schema]> = [
    ['optional', v.optional(v.string())],
    ['optional with a value default', v.optional(v.string(), 'dflt')],
    ['optional with a function default', v.optional(v.string(), () => 'fn')],
    ['optional with a function default returning undefined', v.optional(v.string(), () => undefined)],
    ['optional with a default the wrapped schema refuses', v.optional(v.number(), 'oops' as unknown as number)],
    ['nullable', v.nullable(v.string())],
    ['nullable with a value default', v.nullable(v.string(), 'dflt')],
    ['nullable with a function default', v.nullable(v.string(), () => 'fn')],
    ['nullable with a null default', v.nullable(v.string(), null)],
    ['nullish', v.nullish(v.string())],
    ['nullish with a value default', v.nullish(v.string(), 'dflt')],
    ['nullish with a function default', v.nullish(v.string(), () => 'fn')],
    ['nullish with a null default', v.nullish(v.string(), null)],
    ['optional of a transform', v.optional(v.pipe(v.string(), v.transform((s) => s.length)), 'four')],
    ['nested wrappers', v.nullable(v.optional(v.nullish(v.number(), 5)))],
  ];
  it.each(cases)('%s', (_name, schema) => expectAllSame(schema, inputs));
});

describe('objects', () => {
  const entries = {
    a: v.string(),
    b: v.optional(v.number()),
    c: v.nullish(v.string()),
    d: v.optional(v.string(), 'd-default'),
    e: v.optional(v.number(), () => 7),
    f: v.fallback(v.string(), 'f-fallback'),
    g: v.nullable(v.boolean()),
    h: v.exactOptional(v.string()),
    i: v.nullish(v.number(), 0),
    j: v.fallback(v.optional(v.string()), 'j-fallback'),
    k: v.fallback(v.number(), () => -1),
  };
  const full = { a: 'a', b: 1, c: 'c', d: 'd', e: 2, f: 'f', g: true, h: 'h', i: 3, j: 'j', k: 4 };
  const without = (key: keyof typeof full) => Object.fromEntries(Object.entries(full).filter(([name]) => name !== key));
  const inputs: unknown[] = [
    full,
    { a: 'a', g: null },
    { g: false },
    ...Object.keys(full).map((key) => without(key as keyof typeof full)),
    ...Object.keys(full).map((key) => ({ ...full, [key]: undefined })),
    ...Object.keys(full).map((key) => ({ ...full, [key]: null })),
    { ...full, f: 1, k: 'not a number' },
    // Keys in another order than the entries, and unknown keys in between.
    Object.fromEntries(Object.entries({ ...full, zz: 1 }).reverse()),
    { zz: 1, ...full, yy: 2, 0: 'zero' },
    json('{"__proto__": {"polluted": true}, "a": "a", "g": true, "constructor": 1, "prototype": 2, "extra": 3}'),
    [full],
    [],
    null,
    'string',
  ];
  const kinds: Array<[string, (shape: typeof entries) => Schema]> = [
    ['object', (shape) => v.object(shape)],
    ['looseObject', (shape) => v.looseObject(shape)],
    ['strictObject', (shape) => v.strictObject(shape)],
  ];
  it.each(kinds)('%s: absent, undefined, defaults, fallbacks, unknown keys', (_name, build) => expectAllSame(build(entries), inputs));

  it.each(kinds)('%s: nested, with integer-like keys ordered first', (_name, build) => {
    const schema = build({ ...entries, a: v.looseObject({ z: v.string(), 2: v.number(), b: v.optional(v.string()) }) } as unknown as typeof entries);
    expectAllSame(schema, [
      { ...full, a: { b: 'b', 2: 2, z: 'z', y: 'y', 1: 1 } },
      { ...full, a: { 2: 2, z: 'z' } },
      { ...full, a: json('{"z": "z", "2": 2, "__proto__": {"x": 1}, "constructor": {"x": 1}}') },
      { ...full, a: { z: 'z' } },
    ]);
  });

  it('entries named constructor / toString look through the prototype chain, as valibot does', () => {
    expectAllSame(v.object({ constructor: v.optional(v.number()) }), [{}, json('{"constructor": 1}'), { constructor: undefined }]);
    expectAllSame(v.looseObject({ toString: v.optional(v.unknown()) }), [{}, json('{"toString": 1, "x": 2}')]);
    expectAllSame(v.strictObject({ a: v.optional(v.string()) }), [{}, json('{"__proto__": 1}'), json('{"constructor": "a"}')]);
  });

  it('an object with array or function inputs', () => {
    const schema = v.looseObject({ length: v.optional(v.number()) });
    expectAllSame(schema, [[], ['a', 'b'], () => 1, Object.create({ inherited: 1 })]);
  });

  it('an exactOptional entry with a default', () => {
    expectAllSame(v.object({ a: v.exactOptional(v.string(), 'dflt'), b: v.exactOptional(v.number(), () => 1) }), [{}, { a: undefined }, { a: 'x', b: 2 }, { b: undefined }]);
  });
});

describe('arrays', () => {
  it('checks every item and keeps order', () => {
    expectAllSame(v.array(v.string()), [[], ['a'], ['a', 1], ['a', undefined], 'a', { length: 0 }, { 0: 'a', length: 1 }, null]);
    expectAllSame(v.array(v.optional(v.string(), 'dflt')), [[undefined, 'x', undefined], [null]]);
    expectAllSame(v.array(v.object({ a: v.number() })), [[{ a: 1, b: 2 }, { a: 2 }], [{ a: 1 }, { b: 2 }], [[{ a: 1 }]]]);
  });
});

describe('unions', () => {
  it('the first option that succeeds wins (two transforms)', () => {
    const schema = v.union([v.pipe(v.string(), v.transform((s) => `first:${s}`)), v.pipe(v.string(), v.transform((s) => `second:${s}`))]);
    expectAllSame(schema, ['a', '', 1]);
    expect(safeParse(schema, 'a')).toMatchObject({ success: true, output: 'first:a' });
  });

  it('the first object option that succeeds wins (strip vs loose)', () => {
    const strip = v.object({ a: v.string() });
    const loose = v.looseObject({ a: v.string() });
    const inputs = [{ a: 'a', extra: 1 }, { extra: 1 }, { a: 1 }];
    expectAllSame(v.union([strip, loose]), inputs);
    expectAllSame(v.union([loose, strip]), inputs);
    expectAllSame(v.union([v.strictObject({ a: v.string() }), loose]), inputs);
  });

  it.each([
    ['string | number', v.union([v.string(), v.number()])],
    ['number | boolean', v.union([v.number(), v.boolean()])],
    ['boolean | string | number', v.union([v.boolean(), v.string(), v.number()])],
    ['string only', v.union([v.string()])],
    ['no option', v.union([])],
  ] as Array<[string, Schema]>)('the typeof fast path: %s (NaN refused)', (_name, schema) => expectAllSame(schema, PRIMITIVES));

  it('options the typeof fast path does not take', () => {
    expectAllSame(v.union([v.string(), v.literal(1)]), PRIMITIVES);
    expectAllSame(v.union([v.pipe(v.string(), v.minLength(2)), v.number()]), ['a', 'ab', 1, NaN]);
    expectAllSame(v.union([v.nullable(v.string()), v.number()]), [null, 'a', 1, undefined]);
    expectAllSame(v.union([v.optional(v.number(), 5), v.string()]), [undefined, 'a', 1]);
  });

  it('an option with a fallback catches everything after it', () => {
    expectAllSame(v.union([v.fallback(v.number(), 0), v.string()]), ['a', 1, null]);
    expectAllSame(v.union([v.string(), v.fallback(v.number(), () => -1)]), ['a', 1, null]);
    expectAllSame(v.union([v.fallback(v.object({ a: v.string() }), { a: 'fb' }), v.array(v.string())]), [{ a: 'x' }, ['a'], 1]);
  });
});

describe('variants', () => {
  const a = v.object({ type: v.literal('a'), x: v.string() });
  const b = v.looseObject({ type: v.literal('b'), y: v.number() });
  const inputs: unknown[] = [
    { type: 'a', x: 'x' },
    { type: 'a', x: 1 },
    { type: 'b', y: 1, extra: true },
    { type: 'b', x: 'x' },
    { type: 'c' },
    { x: 'x' },
    { y: 1 },
    {},
    [{ type: 'a', x: 'x' }],
    null,
    'a',
  ];

  it('matches by discriminator, refuses no match and non-objects', () => expectAllSame(v.variant('type', [a, b]), inputs));

  it('an optional discriminator matches a missing key', () => {
    expectAllSame(v.variant('type', [a, v.object({ type: v.optional(v.literal('b')), y: v.number() })]), inputs);
    expectAllSame(v.variant('type', [a, v.object({ type: v.optional(v.literal('b'), 'b'), y: v.number() })]), inputs);
    expectAllSame(v.variant('type', [a, v.object({ type: v.exactOptional(v.literal('b')), y: v.number() })]), [...inputs, { type: undefined, y: 1 }]);
  });

  it('when the first matching option fails, a later matching option may pass', () => {
    const schema = v.variant('type', [a, v.strictObject({ type: v.literal('a'), y: v.number() }), v.object({ type: v.picklist(['a', 'b']), z: v.boolean() })]);
    expectAllSame(schema, [...inputs, { type: 'a', y: 1 }, { type: 'a', z: true }, { type: 'b', z: false }, { type: 'a', y: 1, z: true }]);
  });

  it('a nested variant (run by valibot)', () => {
    const nested = v.variant('kind', [
      v.object({ type: v.literal('n'), kind: v.literal('k1'), p: v.string() }),
      v.object({ type: v.literal('n'), kind: v.literal('k2'), q: v.number() }),
    ]);
    expectAllSame(v.variant('type', [a, nested]), [...inputs, { type: 'n', kind: 'k1', p: 'p' }, { type: 'n', kind: 'k2', q: 1 }, { type: 'n', kind: 'k3' }, { type: 'n', kind: 'k1', q: 1 }]);
  });

  it('options with pipes and fallbacks', () => {
    const piped = v.pipe(
      v.object({ type: v.literal('a'), x: v.string() }),
      v.transform((o) => ({ ...o, seen: true })),
    );
    expectAllSame(v.variant('type', [piped, b]), inputs);
    expectAllSame(v.variant('type', [v.fallback(a, { type: 'a', x: 'fb' }), b]), inputs);
    expectAllSame(v.variant('type', [v.object({ type: v.fallback(v.literal('a'), 'a'), x: v.string() }), b]), inputs);
  });
});

describe('pipes', () => {
  const strings = ['', 'a', 'ab', 'abc', 'abcdef', 'ABC', ' pad ', 'a@b.co', 'not an email', '2024-01-31', '2024-13-01', 'https://example.com', 'b', 'z', 1, null];
  const numbers = [0, -0, 1, 1.5, -3, 10, 11, 100, 2 ** 53, 2 ** 53 - 1, Infinity, -Infinity, NaN, '1'];
  const arrays = [[], ['a'], ['a', 'b'], ['a', 'b', 'c'], 'ab'];
  const cases: Array<[string, Schema, readonly unknown[]]> = [
    ['transform', v.pipe(v.string(), v.transform((s) => s.length)), strings],
    ['check', v.pipe(v.number(), v.check((n) => n % 2 === 0)), numbers],
    ['integer', v.pipe(v.number(), v.integer()), numbers],
    ['finite', v.pipe(v.number(), v.finite()), numbers],
    ['safe_integer', v.pipe(v.number(), v.safeInteger()), numbers],
    ['regex', v.pipe(v.string(), v.regex(/^a+b*$/)), strings],
    ['email', v.pipe(v.string(), v.email()), strings],
    ['iso_date', v.pipe(v.string(), v.isoDate()), strings],
    ['non_empty (string)', v.pipe(v.string(), v.nonEmpty()), strings],
    ['non_empty (array)', v.pipe(v.array(v.string()), v.nonEmpty()), arrays],
    ['min_length', v.pipe(v.string(), v.minLength(2)), strings],
    ['max_length', v.pipe(v.array(v.string()), v.maxLength(2)), arrays],
    ['length', v.pipe(v.string(), v.length(3)), strings],
    ['min_value (number)', v.pipe(v.number(), v.minValue(1)), numbers],
    ['max_value (number)', v.pipe(v.number(), v.maxValue(10)), numbers],
    ['min_value / max_value (string)', v.pipe(v.string(), v.minValue('b'), v.maxValue('y')), strings],
    ['several actions in order', v.pipe(v.string(), v.minLength(1), v.transform((s) => s.toUpperCase()), v.regex(/^[A-Z]+$/), v.maxLength(3)), strings],
    ['metadata actions', v.pipe(v.string(), v.description('d'), v.title('t'), v.metadata({ k: 1 }), v.minLength(2), v.description('again')), strings],
    ['a later schema', v.pipe(v.string(), v.transform(Number), v.number()), ['12', '1.5', 'abc', '', 1]],
    ['a later schema and more actions', v.pipe(v.string(), v.transform(Number), v.number(), v.integer(), v.minValue(0)), ['12', '-1', '1.5', 'abc']],
    ['a nested pipe as head', v.pipe(v.pipe(v.string(), v.trim()), v.minLength(2)), [' a ', ' ab ', 1]],
    ['a pipe of an optional', v.pipe(v.optional(v.string()), v.transform((s) => s ?? 'none')), [undefined, 'a', null]],
    ['a pipe of an optional with a default', v.pipe(v.optional(v.string(), 'dflt'), v.minLength(5)), [undefined, 'a', 'abcdef']],
  ];
  it.each(cases)('%s', (_name, schema, inputs) => expectAllSame(schema, inputs));

  it('pipes as object entries', () => {
    const schema = v.object({
      a: v.pipe(v.optional(v.string()), v.transform((s) => s ?? 'none')),
      b: v.pipe(v.optional(v.string(), 'bb'), v.transform((s) => s.length)),
      c: v.pipe(v.nullish(v.number()), v.check((n) => n !== 0)),
    });
    expectAllSame(schema, [{}, { a: undefined, b: undefined, c: undefined }, { a: 'a', b: 'b', c: 1 }, { c: 0 }, { c: null }]);
  });
});

describe('actions the compiler leaves to valibot', () => {
  const cases: Array<[string, Schema, readonly unknown[]]> = [
    ['trim', v.pipe(v.string(), v.trim(), v.minLength(1)), ['  a ', '   ', 1]],
    ['url', v.pipe(v.string(), v.url()), ['https://example.com', 'nope', '']],
    [
      'rawTransform with addIssue',
      v.pipe(
        v.string(),
        v.rawTransform(({ dataset, addIssue, NEVER }) => {
          if (dataset.value === 'bad') {
            addIssue({ message: 'bad value' });
            return NEVER;
          }
          return dataset.value.length;
        }),
        v.minValue(1),
      ),
      ['bad', 'good', '', 1],
    ],
    [
      'rawCheck',
      v.pipe(
        v.number(),
        v.rawCheck(({ dataset, addIssue }) => {
          if (dataset.typed && dataset.value > 5) addIssue({ message: 'too big' });
        }),
      ),
      [1, 6, NaN, '1'],
    ],
    [
      'forward(partialCheck) on an object',
      v.pipe(
        v.object({ password: v.string(), confirm: v.string() }),
        v.forward(
          v.partialCheck([['password'], ['confirm']], (input) => input.password === input.confirm, 'mismatch'),
          ['confirm'],
        ),
      ),
      [{ password: 'a', confirm: 'a' }, { password: 'a', confirm: 'b' }, { password: 'a' }, { password: 'a', confirm: 1 }],
    ],
    [
      'forward(check) on an object',
      v.pipe(
        v.object({ a: v.number() }),
        v.forward(
          v.check((input) => input.a > 0, 'not positive'),
          ['a'],
        ),
      ),
      [{ a: 1 }, { a: -1 }, { a: 'x' }],
    ],
    ['brand', v.pipe(v.string(), v.brand('Id')), ['a', 1]],
    ['readonly', v.pipe(v.object({ a: v.string() }), v.readonly()), [{ a: 'a' }, { a: 1 }]],
  ];
  it.each(cases)('%s', (_name, schema, inputs) => expectAllSame(schema, inputs));
});

describe('schemas the compiler leaves to valibot', () => {
  interface Tree {
    value: number;
    children: Tree[];
  }
  const tree: v.GenericSchema<Tree> = v.object({ value: v.number(), children: v.array(v.lazy(() => tree)) });
  const cases: Array<[string, Schema, readonly unknown[]]> = [
    ['record', v.record(v.string(), v.number()), [{}, { a: 1 }, { a: 'x' }, json('{"__proto__": 1, "a": 2}'), []]],
    ['date', v.date(), [new Date(0), new Date(Number.NaN), '2020-01-01', 0]],
    ['instance', v.instance(Map), [new Map(), {}, null]],
    ['lazy (recursive)', tree, [{ value: 1, children: [] }, { value: 1, children: [{ value: 2, children: [{ value: 3, children: [] }] }] }, { value: 1, children: [{ value: 'x', children: [] }] }]],
    ['intersect', v.intersect([v.object({ a: v.string() }), v.object({ b: v.number() })]), [{ a: 'a', b: 1 }, { a: 'a' }, { a: 'a', b: 1, c: 2 }]],
    ['tuple', v.tuple([v.string(), v.number()]), [['a', 1], ['a', 1, 2], ['a'], [1, 'a']]],
    ['exactOptional', v.exactOptional(v.string()), [undefined, 'a', null]],
    ['object with a record and a tuple inside', v.object({ r: v.record(v.string(), v.array(v.number())), t: v.optional(v.tuple([v.boolean()])) }), [{ r: { a: [1] } }, { r: { a: ['x'] } }, { r: {}, t: [true] }, { r: {}, t: [1] }]],
  ];
  it.each(cases)('%s', (_name, schema, inputs) => expectAllSame(schema, inputs));
});

describe('fallbacks', () => {
  const cases: Array<[string, Schema, readonly unknown[]]> = [
    ['top level', v.fallback(v.string(), 'fb'), ['a', 1, undefined]],
    ['a function fallback', v.fallback(v.number(), () => 42), [1, 'x', NaN]],
    ['on an object', v.fallback(v.object({ a: v.string() }), { a: 'fb' }), [{ a: 'a' }, { a: 1 }, null]],
    ['on an optional', v.fallback(v.optional(v.string()), 'fb'), [undefined, 'a', 1]],
    ['on array items', v.array(v.fallback(v.number(), 0)), [[1, 'x', null], 'x']],
    ['in an object, absent and invalid', v.object({ a: v.fallback(v.string(), 'fb'), b: v.fallback(v.nullable(v.string()), () => null) }), [{}, { a: 1, b: 2 }, { a: 'a', b: 'b' }]],
    ['around an array', v.fallback(v.array(v.string()), []), [['a'], ['a', 1], 'a']],
    ['as a union option', v.union([v.fallback(v.literal('a'), 'a'), v.string()]), ['a', 'b', 1]],
    ['in a pipe head', v.pipe(v.fallback(v.string(), 'fallback'), v.minLength(3)), ['a', 'abc', 1]],
  ];
  it.each(cases)('%s', (_name, schema, inputs) => expectAllSame(schema, inputs));
});

// Bugs the fuzzer found, each with the input where the fast path and valibot
// disagreed before the fix.
describe('regressions', () => {
  // v.fallback spreads the wrapped schema, `pipe` included, so compileNode
  // takes the pipe branch and never applies the fallback.
  it('v.fallback over a pipe: the fallback applies', () => {
    expectSameAsValibot(v.fallback(v.pipe(v.string(), v.minLength(3)), 'abc'), 'ab');
  });

  it('v.fallback over a pipe as a union option: the fallback ("fb"), not the next option', () => {
    expectSameAsValibot(v.union([v.fallback(v.pipe(v.string(), v.minLength(3)), 'fb'), v.number()]), 5);
  });

  // An undefined fallback is still a fallback: valibot turns any issue into
  // a success with undefined.
  it('an undefined fallback as a union option: undefined, not the next option', () => {
    expectSameAsValibot(v.union([v.fallback(v.optional(v.string()), undefined), v.number()]), 5);
  });

  // Nodes run by valibot (and the compiled variant's slow path) once got
  // `{ abortEarly: true }`. With it, an object whose field fails a validation
  // action comes back untyped, so valibot's variant moves on to a later
  // matching option; v.safeParse (no abortEarly) keeps the first matching
  // option's typed failure. safeParse then accepted what valibot refuses.
  const firstFails = v.object({ type: v.literal('a'), n: v.pipe(v.number(), v.minValue(10)) });
  const laterPasses = v.object({ type: v.literal('a'), n: v.number() });

  it('a variant whose first matching option fails a validation action is refused', () => {
    expectSameAsValibot(v.variant('type', [firstFails, laterPasses]), { type: 'a', n: 1 });
  });

  it('the same inside a nested variant', () => {
    const nested = v.variant('kind', [v.object({ ...firstFails.entries, kind: v.literal('k') }), v.object({ ...laterPasses.entries, kind: v.literal('k') })]);
    expectSameAsValibot(v.variant('type', [v.object({ type: v.literal('x') }), nested]), { type: 'a', kind: 'k', n: 1 });
  });
});

describe('seeded fuzzer', () => {
  const SCHEMAS = 700;
  const INPUTS_PER_SCHEMA = 5;

  it(`agrees with valibot on ${SCHEMAS * INPUTS_PER_SCHEMA} random (schema, near-valid input) pairs`, () => {
    for (let seed = 1; seed <= SCHEMAS; seed += 1) {
      const rng = new Rng(seed);
      const arb = arbitrary(rng, 4);
      for (let i = 0; i < INPUTS_PER_SCHEMA; i += 1) {
        let input = arb.sample(rng);
        // One input in five as sampled; the others one or two mutations away.
        const mutations = i === 0 ? 0 : 1 + rng.int(2);
        for (let m = 0; m < mutations; m += 1) input = mutate(rng, input);
        try {
          expectSameAsValibot(arb.schema, input);
        } catch (error) {
          throw new Error(`seed ${seed}, input #${i}\nschema: ${arb.text}\ninput: ${show(input)}\n${(error as Error).message}`);
        }
      }
    }
  });
});

describe('caching and async', () => {
  it('compiles each schema object once', () => {
    const inner = v.object({ a: v.string() });
    const outer = v.array(inner);
    const compiled = compileSchema(outer);
    expect(compileSchema(outer)).toBe(compiled);
    expect(compileSchema(inner)).toBe(compileSchema(inner));
    expect(compileSchema(v.array(inner))).not.toBe(compiled);
  });

  it('generates code where the runtime allows it, one function per node', () => {
    expect(compileSchema(v.object({ a: v.string() })).toString()).toMatch(/^function f\d+\(x\)/);
  });

  it('refuses async schemas with a TypeError', () => {
    expect(() => compileSchema(v.objectAsync({ a: v.string() }))).toThrow(TypeError);
    expect(() => compileSchema(v.pipeAsync(v.string(), v.checkAsync(async (s) => s.length > 0)))).toThrow(TypeError);
    expect(() => compileSchema(v.object({ a: v.pipeAsync(v.string(), v.transformAsync(async (s) => s)) as unknown as Schema }))).toThrow(TypeError);
    expect(() => safeParse(v.unionAsync([v.string()]) as unknown as Schema, 'a')).toThrow(TypeError);
  });
});
