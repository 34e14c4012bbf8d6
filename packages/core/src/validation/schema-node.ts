import * as v from 'valibot';

// What the schema compiler reads of valibot's objects, the INVALID marker,
// and the nodes it leaves to valibot.

/** What a compiled checker returns when valibot would report an issue. */
export const INVALID: unique symbol = Symbol('wamux.invalid');

/** A compiled schema: the valibot output for `value`, or {@link INVALID}. */
export type CompiledSchema = (value: unknown) => unknown;

export interface Dataset {
  typed?: boolean;
  value: unknown;
  issues?: unknown;
}

/** The parts of valibot's schema and action objects the compiler reads. */
export interface Node {
  kind: string;
  type: string;
  async?: boolean;
  '~run': (dataset: Dataset, config: object) => Dataset;
  pipe?: readonly Node[];
  wrapped?: Node;
  default?: unknown;
  fallback?: unknown;
  entries?: Record<string, Node>;
  options?: readonly unknown[];
  item?: Node;
  key?: string;
  literal?: unknown;
  requirement?: unknown;
  operation?: (value: unknown) => unknown;
}

/** Wrapper types whose key may be absent from an object. */
export const OPTIONAL_TYPES: ReadonlySet<string> = new Set(['optional', 'nullish', 'exact_optional']);

/**
 * A schema node, or a pipe action (`typed`: on a value the steps before it
 * typed), that valibot runs itself: always correct, just not faster.
 */
export function runByValibot(node: Node, typed = false): CompiledSchema {
  return (value) => {
    // valibot's own config, as v.safeParse passes it: abortEarly changes
    // which option a variant keeps, so a cheaper config would change results.
    const dataset = node['~run']({ typed, value }, v.getGlobalConfig());
    return dataset.issues || !dataset.typed ? INVALID : dataset.value;
  };
}

/** Thrown for an async schema or action: the compiled checkers are synchronous. */
export function asyncUnsupported(): never {
  throw new TypeError('compileSchema: async schemas and actions are not supported');
}
