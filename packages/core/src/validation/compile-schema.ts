// Compiles a valibot schema into a function that answers one question fast:
// "does valibot accept this input, and what is its output?".
//
// Why: valibot runs every node through a generic `~run(dataset, config)` that
// allocates a dataset per field and walks issue arrays; on a webhook batch
// that was a quarter of the ingestion time. The happy path needs none of it.
// The compiled checker returns the output valibot would return, or INVALID.
// Issues (the field at fault, the message) still come from valibot itself:
// `safeParse` re-runs the real schema whenever the checker says INVALID.
//
// The contract every compiled node keeps: it returns INVALID exactly when
// valibot's node would end with issues (or untyped), and otherwise the same
// output (same keys, same order). Node kinds the compiler does not know run
// valibot's own `~run` for that node, so an unknown kind costs speed, never
// correctness.
//
// compile-source.ts generates one JavaScript function per node (named
// property access, direct calls V8 can inline). Where a CSP forbids
// `new Function` (some edge workers), the schema runs on valibot itself:
// slower, never different.

import { compileSource } from './compile-source';
import { asyncUnsupported, runByValibot, type CompiledSchema, type Node } from './schema-node';

export { INVALID, type CompiledSchema } from './schema-node';

const compiled = new WeakMap<object, CompiledSchema>();
let codeGeneration: boolean | undefined;

/**
 * Compiles a (synchronous) valibot schema into a {@link CompiledSchema},
 * once per schema object. Throws a TypeError for async schemas (also when
 * an async part is nested, while compiling).
 */
export function compileSchema(schema: object): CompiledSchema {
  const cached = compiled.get(schema);
  if (cached) return cached;
  const node = schema as Node;
  if (node.async) asyncUnsupported();
  const check = canGenerateCode() ? compileSource(node) : runByValibot(node);
  compiled.set(schema, check);
  return check;
}

/** Whether `new Function` works here (a CSP may forbid it); asked once. */
function canGenerateCode(): boolean {
  if (codeGeneration === undefined) {
    try {
      codeGeneration = new Function('return true')() === true;
    } catch {
      codeGeneration = false;
    }
  }
  return codeGeneration;
}
