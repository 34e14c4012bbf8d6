import type { ParseArgsOptionsConfig } from 'node:util';
import type { TemplateSpec } from '@wamux/core/adapter';
import { UsageError } from '../command';

/** The flags that describe a template message (`send` and `bulk`). */
export const TEMPLATE_OPTIONS = {
  template: { type: 'string' },
  'template-id': { type: 'string' },
  lang: { type: 'string' },
  param: { type: 'string', multiple: true },
  var: { type: 'string', multiple: true },
  'header-param': { type: 'string', multiple: true },
} as const satisfies ParseArgsOptionsConfig;

/** The values of {@link TEMPLATE_OPTIONS}. */
export interface TemplateFlags {
  template?: string | undefined;
  'template-id'?: string | undefined;
  lang?: string | undefined;
  param?: string[] | undefined;
  var?: string[] | undefined;
  'header-param'?: string[] | undefined;
}

/** True when the flags ask for a template message. */
export function wantsTemplate(flags: TemplateFlags): boolean {
  return flags.template !== undefined || flags['template-id'] !== undefined;
}

/**
 * Builds the template part of a message: `--template <name>` and/or
 * `--template-id`, `--lang` (default `en`), positional body parameters
 * (`--param`, in order), or named ones (`--var name=value`), and header
 * parameters (`--header-param`). `fill` rewrites each parameter value
 * (bulk sends replace `{{column}}` with the recipient's CSV cell).
 */
export function templateFromFlags(flags: TemplateFlags, fill: (value: string) => string = (value) => value): TemplateSpec {
  if (flags.param?.length && flags.var?.length) throw new UsageError('give body parameters either positionally (--param) or by name (--var), not both');
  const named = flags.var?.map((assignment) => {
    const eq = assignment.indexOf('=');
    if (eq <= 0) throw new UsageError(`--var: expected name=value, got "${assignment}"`);
    return [assignment.slice(0, eq).trim(), fill(assignment.slice(eq + 1))] as const;
  });
  return {
    ...(flags.template !== undefined ? { name: flags.template } : {}),
    ...(flags['template-id'] !== undefined ? { id: flags['template-id'] } : {}),
    language: flags.lang ?? 'en',
    ...(flags['header-param']?.length ? { header: flags['header-param'].map(fill) } : {}),
    ...(flags.param?.length ? { body: flags.param.map(fill) } : {}),
    ...(named?.length ? { body: Object.fromEntries(named) } : {}),
  };
}

/** Every value of the template flags that may hold `{{column}}` placeholders. */
export function templateFlagValues(flags: TemplateFlags): string[] {
  return [...(flags.param ?? []), ...(flags.var ?? []).map((v) => v.slice(v.indexOf('=') + 1)), ...(flags['header-param'] ?? [])];
}
