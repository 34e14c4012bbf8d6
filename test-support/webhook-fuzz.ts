// The webhook fuzz properties every adapter runs, written once. Bodies are
// generated from the adapter's own valid fixtures by dropping, duplicating,
// retyping and emptying fields, by injecting prototype keys and values,
// huge strings and deep nesting, and by truncating or replacing the JSON;
// each is delivered with valid authentication, both to `parseWebhook` and
// through `createWebhookHandler(provider).handle()`, and must come out as
// valid model events or a typed refusal. Deterministic: a fixed seed by
// default (WAMUX_FUZZ_SEED to change it), WAMUX_FUZZ_RUNS runs (default 10 000).
import fc from 'fast-check';
import {
  createWebhookHandler,
  isWamuxError,
  WebhookPayloadError,
  type Provider,
  type WamuxError,
  type WebhookEvent,
  type WebhookOutcome,
  type WebhookRequest,
} from '@wamux/core';
import { webhookEventIssues } from '@wamux/testing';

/** What the fuzzer needs from an adapter. */
export interface WebhookFuzzTarget {
  /** The adapter's name, as `provider.name` and on every event. */
  name: string;
  /** Creates a provider configured with a webhook secret (parsing must do no I/O). */
  createProvider(): Provider;
  /** Valid vendor bodies (the adapter's fixtures), the seeds every mutation starts from. */
  bodies: readonly unknown[];
  /** URL paths deliveries may arrive on (some adapters read the path). Default `/webhooks`. */
  paths?: readonly string[];
  /** Adds valid authentication (a query parameter, headers) to a delivery. */
  authenticate(delivery: { url: URL; headers: Record<string, string>; body: string }): void;
  /** Every secret the provider holds; none may appear in an error. */
  secrets: readonly string[];
}

/** One generated delivery. */
export interface FuzzDelivery {
  method: string;
  path: string;
  contentType: string | undefined;
  body: string;
}

/** Runs per adapter: WAMUX_FUZZ_RUNS, default 10 000. */
export function fuzzRuns(): number {
  const runs = Number(process.env.WAMUX_FUZZ_RUNS ?? '10000');
  return Number.isInteger(runs) && runs > 0 ? runs : 10_000;
}

/** The seed: WAMUX_FUZZ_SEED, default a fixed one, so CI runs the same bodies every time. */
export function fuzzSeed(): number {
  const seed = Number(process.env.WAMUX_FUZZ_SEED ?? '20250611');
  return Number.isInteger(seed) ? seed : 20250611;
}

// ---------------------------------------------------------------------------
// Values and mutations

/** Words an adapter might look up in a vocabulary (status words, types, kinds), and prototype names. */
const PROTOTYPE_WORDS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'isPrototypeOf'] as const;

/** A JSON object with an own key that, assigned naively, replaces or reaches a prototype. */
const POLLUTERS = [
  '{"__proto__":{"polluted":"yes"}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '{"prototype":{"polluted":"yes"}}',
  '{"__proto__":{"__proto__":{"polluted":"yes"}}}',
].map((text) => JSON.parse(text) as unknown);

/** Arrays or objects nested `depth` deep. */
function nested(depth: number, kind: 'array' | 'object'): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i += 1) value = kind === 'array' ? [value] : { a: value };
  return value;
}

/** Strings large enough to matter: past typical field limits, a 5 000-digit number, and (the last, 1.2 MB in UTF-8) past the handler's 1 MiB cap. */
const HUGE = ['x'.repeat(70_000), '9'.repeat(5_000), 'ü'.repeat(300_000), 'é'.repeat(600_000)];

/** A value a field may be replaced with, except the costly ones. */
const plainValueArb: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 22,
    arbitrary: fc.constantFrom<unknown>(
      null,
      true,
      false,
      0,
      -1,
      1,
      1.5,
      -0.000001,
      1e21,
      Number.MAX_SAFE_INTEGER + 1,
      1e308,
      '',
      ' ',
      '0',
      'x',
      '{}',
      'null',
      'NaN',
      'Infinity',
    ),
  },
  { weight: 15, arbitrary: fc.constantFrom<unknown>(...PROTOTYPE_WORDS) },
  {
    weight: 15,
    arbitrary: fc.constantFrom<unknown>(
      // Plausible vendor words and values, so mutations reach deep branches.
      'text',
      'image',
      'video',
      'audio',
      'voice',
      'document',
      'sticker',
      'location',
      'contacts',
      'interactive',
      'button',
      'reaction',
      'system',
      'unknown',
      'delivered',
      'read',
      'sent',
      'failed',
      'deleted',
      'queued',
      'played',
      'DLVRD',
      'READ',
      'FAILD',
      'SENT',
      '1630913975',
      '1630913975000',
      '2024-02-30T25:61:00Z',
      '-1',
      '99999999999999999999',
      '905551112233',
      '+905551112233',
      '0',
      'wamid.X',
      'messages',
      'statuses',
    ),
  },
  { weight: 11, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 7, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 7, arbitrary: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })) },
  { weight: 11, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 10, arbitrary: fc.constantFrom(...POLLUTERS) },
);

/**
 * Any value a field may be replaced with. Huge strings and deep nesting are
 * rare (about one body in a hundred carries one): they cost most of a run's
 * time, and a hundred of them are enough to find a crash.
 */
const valueArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 400, arbitrary: plainValueArb },
  { weight: 1, arbitrary: fc.constantFrom(...HUGE) },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.integer({ min: 50, max: 2_500 }), fc.constantFrom('array' as const, 'object' as const)).map(([depth, kind]) => nested(depth, kind)),
  },
);

/** Keys a mutation may add to an object. */
const keyArb = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...PROTOTYPE_WORDS) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'id',
      'type',
      'status',
      'from',
      'timestamp',
      'text',
      'messages',
      'statuses',
      'contacts',
      'errors',
      'entry',
      'changes',
      'value',
      'getchat_id',
      'field',
      '',
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
);

type Op = 'drop' | 'duplicate' | 'retype' | 'stringify' | 'numberify' | 'wrap' | 'unwrap' | 'empty' | 'addKey' | 'blankId' | 'prototypeWord';
const OPS: readonly Op[] = [
  'drop',
  'duplicate',
  'retype',
  'retype',
  'stringify',
  'numberify',
  'wrap',
  'unwrap',
  'empty',
  'addKey',
  'addKey',
  'blankId',
  'prototypeWord',
];

/** Keys that name an identity (`id`, `getchat_id`, `messageId`): what `blankId` empties. */
const ID_KEY = /(^|_)id$|Id$/;
/** Keys that hold a vendor vocabulary word (a status, a type, a kind): what `prototypeWord` replaces. */
const WORD_KEY = /^(status|type|kind|field|eventCode|actionCode|action)$/;

interface Mutation {
  at: number;
  op: Op;
  value: unknown;
  key: string;
}

const mutationArb: fc.Arbitrary<Mutation> = fc.record({ at: fc.nat(), op: fc.constantFrom(...OPS), value: valueArb, key: keyArb });

/** A node of a JSON tree: the container that holds it and its key there (none for the root). */
interface Slot {
  parent: Record<string, unknown> | unknown[] | undefined;
  key: string | number;
  value: unknown;
}

/** Every node of `root` down to a depth, at most `limit` of them (inserted deep values are not walked). */
function slots(root: unknown, limit = 400): Slot[] {
  const out: Slot[] = [{ parent: undefined, key: '', value: root }];
  const walk = (value: unknown, depth: number) => {
    if (depth > 12 || value === null || typeof value !== 'object') return;
    const entries: Array<[string | number, unknown]> = Array.isArray(value) ? value.map((item, index) => [index, item]) : Object.entries(value);
    for (const [key, item] of entries) {
      if (out.length >= limit) return;
      out.push({ parent: value as Record<string, unknown> | unknown[], key, value: item });
      walk(item, depth + 1);
    }
  };
  walk(root, 0);
  return out;
}

/** Sets an own data property, so `__proto__` becomes a key (as JSON.parse makes it) rather than a prototype. */
function setOwn(target: Record<string, unknown> | unknown[], key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A deep copy that keeps own `__proto__` keys (JSON round trip, as the body will be). */
function copy<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  const text = JSON.stringify(value);
  return (text === undefined ? value : JSON.parse(text)) as T;
}

/** Applies one mutation to `root` (in place when possible) and returns the new root. */
function mutate(root: unknown, { at, op, value, key }: Mutation): unknown {
  const all = slots(root);
  const slot = all[at % all.length] as Slot;
  const replace = (next: unknown): unknown => {
    if (slot.parent === undefined) return next;
    setOwn(slot.parent, slot.key, next);
    return root;
  };
  switch (op) {
    case 'drop':
      if (slot.parent === undefined) return root;
      if (Array.isArray(slot.parent)) slot.parent.splice(slot.key as number, 1);
      else delete slot.parent[slot.key as string];
      return root;
    case 'duplicate':
      if (Array.isArray(slot.parent)) {
        slot.parent.splice((slot.key as number) + 1, 0, copy(slot.value));
        return root;
      }
      return replace([copy(slot.value), copy(slot.value)]);
    case 'retype':
      // A copy: a generated value may be a shared constant, which a later mutation would change.
      return replace(copy(value));
    case 'stringify':
      return replace(
        typeof slot.value === 'string'
          ? JSON.stringify(slot.value)
          : slot.value === null || typeof slot.value !== 'object'
            ? String(slot.value)
            : JSON.stringify(slot.value),
      );
    case 'numberify':
      return replace(typeof slot.value === 'string' ? Number(slot.value) : typeof slot.value === 'number' ? -slot.value : slot.value);
    case 'wrap':
      return replace([slot.value]);
    case 'unwrap':
      return replace(
        Array.isArray(slot.value) ? slot.value[0] : slot.value !== null && typeof slot.value === 'object' ? Object.values(slot.value)[0] : slot.value,
      );
    case 'empty':
      return replace(
        typeof slot.value === 'string' ? '' : Array.isArray(slot.value) ? [] : slot.value !== null && typeof slot.value === 'object' ? {} : slot.value,
      );
    case 'addKey':
      if (slot.value !== null && typeof slot.value === 'object' && !Array.isArray(slot.value)) setOwn(slot.value as Record<string, unknown>, key, copy(value));
      return root;
    case 'blankId':
    case 'prototypeWord': {
      // Aimed mutations: an id emptied, a vocabulary word replaced by a prototype name (`at` picks which one).
      const pattern = op === 'blankId' ? ID_KEY : WORD_KEY;
      const targets = all.filter((candidate) => candidate.parent !== undefined && typeof candidate.key === 'string' && pattern.test(candidate.key));
      const target = targets[at % Math.max(targets.length, 1)];
      if (target?.parent === undefined) return root;
      const words = op === 'blankId' ? ['', ' ', '\t'] : PROTOTYPE_WORDS;
      setOwn(target.parent, target.key, words[at % words.length]);
      return root;
    }
  }
}

/** A valid body with 0 to 8 mutations applied. */
function mutatedArb(bodies: readonly unknown[]): fc.Arbitrary<unknown> {
  // Serialized once: each run starts from a fresh parse of its body's text.
  const texts = bodies.map((body) => JSON.stringify(body));
  return fc
    .tuple(fc.constantFrom(...texts), fc.array(mutationArb, { maxLength: 8 }))
    .map(([text, mutations]) => mutations.reduce<unknown>((root, mutation) => mutate(root, mutation), JSON.parse(text)));
}

/** A delivery's body: mostly mutated vendor JSON, plus truncated JSON, non-JSON and random JSON. */
function bodyArb(bodies: readonly unknown[]): fc.Arbitrary<string> {
  const mutated = mutatedArb(bodies);
  return fc.oneof(
    { weight: 14, arbitrary: mutated.map((value) => JSON.stringify(value) ?? 'null') },
    {
      weight: 2,
      arbitrary: fc.tuple(mutated, fc.nat()).map(([value, cut]) => {
        const text = JSON.stringify(value) ?? '';
        return text.slice(0, cut % (text.length + 1));
      }),
    },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 64 }) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '',
        ' ',
        'null',
        '[]',
        '{}',
        '"x"',
        '0',
        'true',
        '\ufeff{}',
        '{"messages":',
        '<xml/>',
        'messages=1&statuses=2',
        ...POLLUTERS.map((p) => JSON.stringify(p)),
      ),
    },
  );
}

/** The delivery arbitrary for a set of valid bodies. */
export function deliveryArb(bodies: readonly unknown[], paths: readonly string[] = ['/webhooks']): fc.Arbitrary<FuzzDelivery> {
  return fc.record({
    method: fc.oneof({ weight: 20, arbitrary: fc.constant('POST') }, { weight: 1, arbitrary: fc.constantFrom('GET', 'PUT') }),
    path: fc.constantFrom(...paths),
    contentType: fc.constantFrom(
      undefined,
      'application/json',
      'application/json; charset=utf-8',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      '',
    ),
    body: bodyArb(bodies),
  });
}

// ---------------------------------------------------------------------------
// The properties

/** What a property found wrong, thrown so fast-check shrinks and reports it. */
class FuzzFailure extends Error {}

const fail = (message: string): never => {
  throw new FuzzFailure(message);
};

/** The built-in prototypes a polluting assignment reaches (`obj.__proto__.x = ...`, `obj.constructor.prototype.x = ...`). */
const PROTOTYPES = [
  ['Object', Object.prototype],
  ['Array', Array.prototype],
  ['Function', Function.prototype],
  ['String', String.prototype],
] as const;

/** Every own property of the built-in prototypes: what a delivery must leave as it was. */
export interface PrototypeSnapshot {
  counts: number[];
  /** Data properties, compared by value (a read is cheap); accessors, compared by their getter. */
  properties: Array<{ proto: object; key: PropertyKey; label: string; accessor: boolean; value: unknown; descriptor: PropertyDescriptor }>;
}

/** The built-in prototypes as they are now, to compare after each delivery. */
export function prototypeSnapshot(): PrototypeSnapshot {
  const snapshot: PrototypeSnapshot = { counts: [], properties: [] };
  for (const [name, proto] of PROTOTYPES) {
    const keys = Reflect.ownKeys(proto);
    snapshot.counts.push(keys.length);
    for (const key of keys) {
      const descriptor = Object.getOwnPropertyDescriptor(proto, key) as PropertyDescriptor;
      const accessor = descriptor.get !== undefined || descriptor.set !== undefined;
      snapshot.properties.push({
        proto,
        key,
        label: `${name}.prototype.${String(key)}`,
        accessor,
        value: accessor ? descriptor.get : descriptor.value,
        descriptor,
      });
    }
  }
  return snapshot;
}

/** Puts the built-in prototypes back as `snapshot` saw them, so one polluting run does not break every later one. */
function restorePrototypes(snapshot: PrototypeSnapshot): void {
  for (const [, proto] of PROTOTYPES) {
    for (const key of Reflect.ownKeys(proto)) {
      if (!snapshot.properties.some((property) => property.proto === proto && property.key === key)) delete (proto as Record<PropertyKey, unknown>)[key];
    }
  }
  for (const { proto, key, descriptor } of snapshot.properties) Object.defineProperty(proto, key, descriptor);
}

/**
 * Throws when a built-in prototype gained, lost or changed a property since
 * `before` (restoring it first, so the next runs and fast-check's shrinking
 * start clean). Cheap enough for every run: counts and plain reads,
 * descriptors only for the few accessors.
 */
export function checkPrototypes(before: PrototypeSnapshot): void {
  const problem = prototypeProblem(before);
  if (problem === undefined) return;
  restorePrototypes(before);
  fail(problem);
}

function prototypeProblem(before: PrototypeSnapshot): string | undefined {
  if (({} as Record<string, unknown>).polluted !== undefined) return 'Object.prototype was polluted: ({}).polluted is set';
  if (Object.getPrototypeOf(Object.prototype) !== null) return 'Object.prototype was given a prototype';
  for (const [index, [name, proto]] of PROTOTYPES.entries()) {
    if (Reflect.ownKeys(proto).length !== before.counts[index]) return `${name}.prototype gained or lost a property`;
  }
  for (const { proto, key, label, accessor, value } of before.properties) {
    const now = accessor ? Object.getOwnPropertyDescriptor(proto, key)?.get : (proto as Record<PropertyKey, unknown>)[key];
    if (!Object.is(now, value)) return `${label} changed`;
  }
  return undefined;
}

function checkNoSecret(error: WamuxError, secrets: readonly string[]): void {
  // Not `stack`: it repeats the message, and formatting it (source maps) would cost most of the run.
  const views = [error.message, JSON.stringify(error)];
  for (const secret of secrets) for (const view of views) if (secret.length >= 4 && view.includes(secret)) fail(`a secret appears in a ${error.name}`);
}

function checkEvents(events: readonly WebhookEvent[], name: string, where: string): void {
  for (const event of events) {
    const issues = webhookEventIssues(event, name);
    if (issues.length > 0) fail(`${where} produced an event that is not a valid model event:\n  ${issues.join('\n  ')}`);
  }
}

/** A refusal must be a WamuxError that names no secret; returns it typed. */
function checkRefusal(error: unknown, where: string, secrets: readonly string[]): WamuxError {
  if (!isWamuxError(error)) fail(`${where} threw a non-wamux error: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
  const wamux = error as WamuxError;
  checkNoSecret(wamux, secrets);
  return wamux;
}

/**
 * Delivers one generated body to the provider and its webhook handler and
 * checks everything the fuzzer promises. Throws a description of the first
 * broken promise.
 */
export async function checkDelivery(target: WebhookFuzzTarget, provider: Provider, delivery: FuzzDelivery, prototypes: PrototypeSnapshot): Promise<void> {
  try {
    await deliver(target, provider, delivery, prototypes);
  } catch (error) {
    // A polluted prototype breaks whatever runs next (valibot included): report the pollution, the cause, not its symptom.
    checkPrototypes(prototypes);
    throw error;
  }
}

async function deliver(target: WebhookFuzzTarget, provider: Provider, delivery: FuzzDelivery, prototypes: PrototypeSnapshot): Promise<void> {
  const url = new URL(`https://app.example${delivery.path}`);
  const headers: Record<string, string> = delivery.contentType === undefined ? {} : { 'content-type': delivery.contentType };
  target.authenticate({ url, headers, body: delivery.body });
  const request: WebhookRequest = { method: delivery.method, url: url.toString(), headers, body: delivery.body };

  // 1. parseWebhook itself: events that are the model's, or a WebhookPayloadError naming the field.
  let parsedOk = false;
  try {
    const result = await provider.parseWebhook({ ...request });
    parsedOk = true;
    checkEvents(result.events, target.name, 'parseWebhook');
    if (result.reply !== undefined && (result.reply.status < 200 || result.reply.status >= 500)) fail(`parseWebhook replied ${result.reply.status}`);
  } catch (error) {
    if (error instanceof FuzzFailure) throw error;
    const wamux = checkRefusal(error, 'parseWebhook', target.secrets);
    if (!(wamux instanceof WebhookPayloadError))
      fail(`parseWebhook refused a validly authenticated delivery with ${wamux.name} (${wamux.code}): ${wamux.message}`);
    const field = (wamux as WebhookPayloadError).field;
    if (typeof field !== 'string' || field === '') fail('a WebhookPayloadError names no field');
  }

  // 2. Through the webhook handler: no 5xx, nothing escapes, every error is a WamuxError.
  // The default handler (de-duplication included): what an app runs.
  const handler = createWebhookHandler(provider);
  const emitted: WebhookEvent[] = [];
  const errors: unknown[] = [];
  handler.on('message', (event) => void emitted.push(event));
  handler.on('status', (event) => void emitted.push(event));
  handler.on('provider_event', (event) => void emitted.push(event));
  handler.on('error', (error) => void errors.push(error));
  let outcome: WebhookOutcome;
  try {
    outcome = await handler.handle({ ...request });
  } catch (error) {
    return fail(`handle() rejected: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
  }
  // The provider is configured, so not even a configuration error is expected.
  if (outcome.status >= 500) fail(`the handler answered ${outcome.status} (${outcome.error?.code ?? 'no error'}) to an authenticated delivery`);
  for (const error of errors) {
    const wamux = checkRefusal(error, "the handler's error event", target.secrets);
    if (wamux.code === 'webhook_listener_failed') fail(`a listener failure was reported though no listener throws: ${wamux.message}`);
  }
  if (outcome.error !== undefined) checkRefusal(outcome.error, "the handler's outcome", target.secrets);
  checkEvents(emitted, target.name, 'the handler');
  checkEvents(outcome.events, target.name, "the handler's outcome");
  if (!parsedOk && delivery.method === 'POST' && outcome.status < 400) fail(`parseWebhook refused the delivery but the handler answered ${outcome.status}`);
  // Once per run, after both paths: a pollution stays, so it is seen here whichever path made it.
  checkPrototypes(prototypes);
}

/**
 * Runs the fuzz property for one adapter with fast-check: `runs` deliveries
 * from a fixed seed. A failure names the seed and fast-check's shrunk
 * counterexample, so `WAMUX_FUZZ_SEED=<seed>` reproduces it.
 */
export async function fuzzWebhooks(target: WebhookFuzzTarget, options: { runs?: number; seed?: number } = {}): Promise<void> {
  const runs = options.runs ?? fuzzRuns();
  const seed = options.seed ?? fuzzSeed();
  const provider = target.createProvider();
  const prototypes = prototypeSnapshot();
  try {
    await fc.assert(
      fc.asyncProperty(deliveryArb(target.bodies, target.paths), (delivery) => checkDelivery(target, provider, delivery, prototypes)),
      { numRuns: runs, seed },
    );
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? `\nCause: ${error.cause.message}` : '';
    const detail = `${error instanceof Error ? error.message : String(error)}${cause}`;
    throw new Error(`${target.name} webhook fuzz failed (seed ${seed}, ${runs} runs; rerun with WAMUX_FUZZ_SEED=${seed}):\n${detail}`);
  } finally {
    await provider.close();
  }
}

/** Registers the fuzz test for one adapter (jest). */
export function describeWebhookFuzz(target: WebhookFuzzTarget): void {
  const runs = fuzzRuns();
  describe(`${target.name} webhook fuzz`, () => {
    it(
      `${runs} generated and mutated deliveries become model events or typed refusals, with no 5xx, no escape and no prototype pollution`,
      () => fuzzWebhooks(target, { runs }),
      60_000 + runs * 10,
    );
  });
}
