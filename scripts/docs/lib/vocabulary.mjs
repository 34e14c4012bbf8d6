// The rows of the capability matrix, read from @wamux/core itself:
// - the core's stable lists (OUTBOUND_MESSAGE_TYPES, ..., PROVIDER_FEATURES),
//   passed in by the caller from the bundled core;
// - for a `ProviderCapabilities` property without such a list (mediaSources),
//   the string literals of its element type alias (`MediaSourceKind`), read
//   from the source with the TypeScript parser;
// - the doc comment of each `ProviderFeature` member, as its description.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';
import { ROOT } from './paths.mjs';

const CAPABILITIES_FILE = join(ROOT, 'packages/core/src/provider/capabilities.ts');

/** @param {string} file */
function parse(file) {
  return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
}

/**
 * @param {Partial<Record<string, readonly string[]>>} lists  The core's stable lists, by `ProviderCapabilities` property.
 * @returns {import('./render-capabilities.mjs').Vocabulary}
 */
export function readVocabulary(lists) {
  const source = parse(CAPABILITIES_FILE);
  const iface = source.statements.find((node) => ts.isInterfaceDeclaration(node) && node.name.text === 'ProviderCapabilities');
  if (!iface || !ts.isInterfaceDeclaration(iface)) throw new Error('ProviderCapabilities not found in @wamux/core');
  const docs = unionMembers(source, 'ProviderFeature');

  /** @type {Record<string, Array<{ value: string, doc?: string | undefined }>>} */
  const values = {};
  for (const member of iface.members) {
    if (!ts.isPropertySignature(member) || !member.type || !ts.isIdentifier(member.name)) continue;
    const key = member.name.text;
    const list = lists[key] ?? [...literalsOfElementType(source, member.type).keys()];
    if (list.length === 0) throw new Error(`no values found for ProviderCapabilities.${key}`);
    values[key] = list.map((value) => ({ value, doc: key === 'features' ? docs.get(value) : undefined }));
  }
  return { values: /** @type {import('./render-capabilities.mjs').Vocabulary['values']} */ (values) };
}

/**
 * `readonly Alias[]` → the literal members of `Alias`, following the import
 * of `Alias` to the file that declares it.
 * @param {import('typescript').SourceFile} source
 * @param {import('typescript').TypeNode} node
 * @returns {Map<string, string | undefined>}
 */
function literalsOfElementType(source, node) {
  const inner = ts.isTypeOperatorNode(node) ? node.type : node;
  if (!ts.isArrayTypeNode(inner) || !ts.isTypeReferenceNode(inner.elementType) || !ts.isIdentifier(inner.elementType.typeName)) return new Map();
  const name = inner.elementType.typeName.text;
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const bindings = statement.importClause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings) && bindings.elements.some((element) => element.name.text === name)) {
      const file = `${resolve(dirname(source.fileName), statement.moduleSpecifier.text)}.ts`;
      return unionMembers(parse(file), name);
    }
  }
  return unionMembers(source, name);
}

/**
 * The string literal members of `type <name> = 'a' | 'b'`, each with the
 * `/** … *\/` comment written before it, if any.
 * @param {import('typescript').SourceFile} source
 * @param {string} name
 * @returns {Map<string, string | undefined>}
 */
function unionMembers(source, name) {
  const members = new Map();
  const alias = source.statements.find((node) => ts.isTypeAliasDeclaration(node) && node.name.text === name);
  if (!alias || !ts.isTypeAliasDeclaration(alias)) return members;
  const types = ts.isUnionTypeNode(alias.type) ? alias.type.types : [alias.type];
  let previousEnd = alias.type.pos;
  for (const member of types) {
    const between = source.text.slice(previousEnd, member.getStart(source));
    const comment = /\/\*\*([\s\S]*?)\*\//.exec(between)?.[1];
    if (ts.isLiteralTypeNode(member) && ts.isStringLiteral(member.literal)) {
      members.set(
        member.literal.text,
        comment
          ?.replace(/^\s*\*\s?/gm, '')
          .replace(/\s+/g, ' ')
          .trim(),
      );
    }
    previousEnd = member.end;
  }
  return members;
}
