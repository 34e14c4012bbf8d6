import { templateVariables, type TemplateSpec } from '@wamux/core/adapter';
import { bodyParameterCount } from './decode';
import { graphErrorResponse, type GraphErrorResponse } from './graph-error';

/** A template to preload, as `@wamux/emulator`'s `TemplateSeed` describes it. */
export interface CloudTemplateSeed {
  id: string;
  name: string;
  language: string;
  category?: string | undefined;
  header?: string | undefined;
  body: string;
  footer?: string | undefined;
  status?: string | undefined;
}

/** A template as a Cloud API emulator lists it: Graph's shape, component types upper case. */
export interface EmulatedGraphTemplate {
  id: string;
  name: string;
  language: string;
  status: string;
  category: string;
  components: Array<Record<string, unknown>>;
}

/** A seed → Graph's template shape. */
export function graphTemplateFromSeed(seed: CloudTemplateSeed): EmulatedGraphTemplate {
  const components: Array<Record<string, unknown>> = [];
  if (seed.header !== undefined) components.push({ type: 'HEADER', format: 'TEXT', text: seed.header });
  components.push({ type: 'BODY', text: seed.body });
  if (seed.footer !== undefined) components.push({ type: 'FOOTER', text: seed.footer });
  return {
    id: seed.id,
    name: seed.name,
    language: seed.language,
    status: (seed.status ?? 'approved').toUpperCase(),
    category: seed.category ?? 'UTILITY',
    components,
  };
}

/**
 * What Meta refuses in a template send after reading it: a name and
 * language it does not hold (132001), a body parameter count that does not
 * match the placeholders (132000). `undefined` when the send is accepted.
 */
export function templateSendProblem(templates: readonly EmulatedGraphTemplate[], spec: TemplateSpec): GraphErrorResponse | undefined {
  const template = templates.find((candidate) => candidate.name === spec.name && candidate.language === spec.language);
  if (template === undefined) {
    return graphErrorResponse(
      404,
      132001,
      'Template name does not exist in the translation',
      `template name (${spec.name ?? ''}) does not exist in ${spec.language}`,
    );
  }
  const body = template.components.find((component) => component.type === 'BODY');
  const expected = templateVariables('body', typeof body?.text === 'string' ? body.text : undefined).length;
  const given = bodyParameterCount(spec);
  if (given !== expected) {
    return graphErrorResponse(
      400,
      132000,
      'Number of parameters does not match the expected number of params',
      `body: number of localizable_params (${given}) does not match the expected number of params (${expected})`,
    );
  }
  return undefined;
}
