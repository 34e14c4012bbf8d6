// The code-generating schema compiler: one JavaScript function per schema
// node, built with `new Function`. It has two things V8 rewards, which a
// tree of closures (tried first) lacked: object fields are read and written
// by name (`x["id"]`, not `x[key]` with a variable key), and every call is a
// direct call to one known function, which V8 inlines. The contract is
// compile-schema.ts's.
//
// Everything the generated code needs from the schema (operations, regular
// expressions, defaults, literals) is passed in the `e` array and referred to
// by index; only property names are written into the source, as JSON string
// literals, so no schema content can change the code's meaning. The code
// templates are written without optional spaces: being strings, they are not
// minified, and they count towards the core's size budget.

import { asyncUnsupported, INVALID, OPTIONAL_TYPES, runByValibot, type CompiledSchema, type Node } from './schema-node';

/** Compiles `schema` into generated code. Throws where `new Function` is forbidden. */
export function compileSource(schema: Node): CompiledSchema {
  const generator = new Generator();
  const root = generator.functionFor(schema);
  const source = `'use strict';\n${generator.functions.join('\n')}\nreturn ${root};`;
  return new Function('e', 'I', source)(generator.externals, INVALID) as CompiledSchema;
}

const PRIMITIVE_TESTS: Readonly<Record<string, string>> = {
  string: "t==='string'",
  // valibot's number schema refuses NaN.
  number: "(t==='number'&&x===x)",
  boolean: "t==='boolean'",
  bigint: "t==='bigint'",
};

const EMPTY_TESTS: Readonly<Record<string, (name: string) => string>> = {
  optional: (name) => `${name}===undefined`,
  nullable: (name) => `${name}===null`,
  nullish: (name) => `(${name}===null||${name}===undefined)`,
};

class Generator {
  /** Values the generated code refers to as `e[i]`. */
  readonly externals: unknown[] = [];
  /** One function declaration per node. */
  readonly functions: string[] = [];
  private readonly names = new Map<Node, string>();

  /** The name of the generated function for `node` (one per node object). */
  functionFor(node: Node): string {
    const known = this.names.get(node);
    if (known) return known;
    const name = `f${this.names.size}`;
    this.names.set(node, name);
    this.functions.push(`function ${name}(x){\n${this.body(node)}\n}`);
    return name;
  }

  private external(value: unknown): string {
    this.externals.push(value);
    return `e[${this.externals.length - 1}]`;
  }

  /** A node valibot runs itself. */
  private byValibot(node: Node): string {
    return `return ${this.external(runByValibot(node))}(x);`;
  }

  private body(node: Node): string {
    if (node.async) asyncUnsupported();
    // Wrappers keep the wrapped schema's `type` (and `pipe`) but change how it
    // runs. A fallback (even `undefined`) turns any failure into a value.
    if ('fallback' in node) return this.byValibot(node);
    if (node.pipe) return this.pipe(node.pipe);
    const primitive = PRIMITIVE_TESTS[node.type];
    if (primitive) return `const t=typeof x;\nreturn ${primitive}?x:I;`;
    const empty = EMPTY_TESTS[node.type];
    if (empty) return this.maybe(node, empty);
    switch (node.type) {
      case 'unknown':
      case 'any':
        return 'return x;';
      case 'null':
        return 'return x===null?x:I;';
      case 'undefined':
        return 'return x===undefined?x:I;';
      case 'literal':
        // valibot compares with SameValueZero, so NaN matches NaN.
        if (typeof node.literal === 'number' && Number.isNaN(node.literal)) return "return typeof x==='number'&&x!==x?x:I;";
        return `return x===${this.external(node.literal)}?x:I;`;
      case 'picklist':
        return `return ${this.external(node.options ?? [])}.includes(x)?x:I;`;
      case 'object':
      case 'loose_object':
      case 'strict_object':
        return this.object(node);
      case 'array':
        return [
          'if(!Array.isArray(x))return I;',
          'const n=x.length;',
          'const o=new Array(n);',
          `for(let i=0;i < n;i++){const r=${this.functionFor(node.item as Node)}(x[i]);if(r===I)return I;o[i]=r;}`,
          'return o;',
        ].join('\n');
      case 'union':
        return this.union(node.options as Node[]);
      case 'variant':
        return this.variant(node);
      default:
        return this.byValibot(node);
    }
  }

  /** optional / nullable / nullish: empty values pass (or take the default), others go to the wrapped schema. */
  private maybe(node: Node, empty: (name: string) => string): string {
    // A default computed from valibot's dataset can only be given by valibot.
    if (typeof node.default === 'function') return this.byValibot(node);
    const wrapped = this.functionFor(node.wrapped as Node);
    if (node.default === undefined) return `if(${empty('x')})return x;\nreturn ${wrapped}(x);`;
    return `if(!(${empty('x')}))return ${wrapped}(x);\nconst d=${this.external(node.default)};\nreturn ${empty('d')}?d:${wrapped}(d);`;
  }

  private object(node: Node): string {
    const entries = node.entries ?? {};
    const lines = ["if(!x||typeof x!=='object')return I;", 'const o={};', 'let v,r;'];
    for (const key in entries) {
      const entry = entries[key] as Node;
      const k = JSON.stringify(key);
      const optional = OPTIONAL_TYPES.has(entry.type);
      // A plain optional / nullish entry: its empty values are copied as they are, without a call.
      const plain = (entry.type === 'optional' || entry.type === 'nullish') && !entry.pipe && entry.default === undefined && !('fallback' in entry);
      const present = plain
        ? `v=x[${k}];if(${(EMPTY_TESTS[entry.type] as (name: string) => string)('v')})o[${k}]=v;else {r=${this.functionFor(entry.wrapped as Node)}(v);if(r===I)return I;o[${k}]=r;}`
        : `r=${this.functionFor(entry)}(x[${k}]);if(r===I)return I;o[${k}]=r;`;
      let absent = optional ? '' : 'return I;';
      // valibot calls a default or fallback function as a method of the entry, without arguments.
      if (optional && entry.default !== undefined) {
        const value = typeof entry.default === 'function' ? `${this.external(entry)}.default()` : this.external(entry.default);
        absent = `r=${this.functionFor(entry)}(${value});if(r===I)return I;o[${k}]=r;`;
      } else if (entry.fallback !== undefined) {
        absent = `o[${k}]=${typeof entry.fallback === 'function' ? `${this.external(entry)}.fallback()` : this.external(entry.fallback)};`;
      }
      lines.push(`if(${k}in x){${present}}${absent ? `else{${absent}}` : ''}`);
    }
    const known = this.external(new Set(Object.keys(entries)));
    if (node.type === 'loose_object') {
      // Own enumerable keys, as valibot's for-in plus hasOwnProperty.
      lines.push(
        `const ks=Object.keys(x);`,
        `for(let i=0;i < ks.length;i++){const k=ks[i];if(!${known}.has(k)&&k!=='__proto__'&&k!=='prototype'&&k!=='constructor')o[k]=x[k];}`,
      );
    } else if (node.type === 'strict_object') {
      lines.push(`for(const k in x)if(!${known}.has(k))return I;`);
    }
    lines.push('return o;');
    return lines.join('\n');
  }

  /** valibot's union returns the first option that has no issues. */
  private union(options: Node[]): string {
    const plain = options.length > 0 && options.every((option) => !option.pipe && !('fallback' in option) && PRIMITIVE_TESTS[option.type]);
    if (plain) {
      const tests = [...new Set(options.map((option) => PRIMITIVE_TESTS[option.type] as string))];
      return `const t=typeof x;\nreturn ${tests.join('||')}?x:I;`;
    }
    return ['let r;', ...options.map((option) => `r=${this.functionFor(option)}(x);if(r!==I)return r;`), 'return I;'].join('\n');
  }

  /**
   * valibot's variant runs the first object option whose discriminator
   * accepts the input and keeps its result. Only that happy path is
   * generated; anything else (nested variants, a failing option) is left to
   * valibot.
   */
  private variant(node: Node): string {
    const options = node.options as Node[];
    const key = node.key as string;
    if (options.some((option) => option.type === 'variant' || !option.entries?.[key])) return this.byValibot(node);
    const slow = this.external(runByValibot(node));
    const k = JSON.stringify(key);
    const lines = ["if(!x||typeof x!=='object')return I;", 'let r;'];
    for (const option of options) {
      const discriminator = option.entries?.[key] as Node;
      const matches = `(${k}in x?${this.functionFor(discriminator)}(x[${k}])!==I:${OPTIONAL_TYPES.has(discriminator.type)})`;
      lines.push(`if(${matches}){r=${this.functionFor(option)}(x);return r===I?${slow}(x):r;}`);
    }
    lines.push('return I;');
    return lines.join('\n');
  }

  /** A pipe: its schema, then each action or schema in order; the first issue ends it. */
  private pipe(pipe: readonly Node[]): string {
    const [head, ...rest] = pipe;
    const lines = [`let r=${this.functionFor(head as Node)}(x);`, 'if(r===I)return I;'];
    for (const item of rest) if (item.kind !== 'metadata') lines.push(this.step(item));
    lines.push('return r;');
    return lines.join('\n');
  }

  private step(item: Node): string {
    if (item.async) asyncUnsupported();
    if (item.kind === 'schema') return `r=${this.functionFor(item)}(r);if(r===I)return I;`;
    // Operations and requirements are called as methods of their action, as valibot calls them.
    switch (item.type) {
      case 'transform':
        return `r=${this.external(item)}.operation(r);`;
      case 'check':
      case 'integer':
      case 'finite':
      case 'safe_integer':
        return `if(!${this.external(item)}.requirement(r))return I;`;
      case 'regex':
      case 'email':
      case 'iso_date':
      case 'iso_date_time':
      case 'iso_timestamp':
        return `if(!${this.external(item.requirement)}.test(r))return I;`;
      case 'non_empty':
        return 'if(r.length===0)return I;';
      case 'min_length':
        return `if(r.length < ${this.external(item.requirement)})return I;`;
      case 'max_length':
        return `if(r.length > ${this.external(item.requirement)})return I;`;
      case 'length':
        return `if(r.length!==${this.external(item.requirement)})return I;`;
      case 'min_value':
        return `if(!(r >= ${this.external(item.requirement)}))return I;`;
      case 'max_value':
        return `if(!(r <= ${this.external(item.requirement)}))return I;`;
      default:
        return `r=${this.external(runByValibot(item, true))}(r);if(r===I)return I;`;
    }
  }
}
