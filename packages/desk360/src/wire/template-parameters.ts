import type { TemplateParameters } from '@wamux/core';

/**
 * Template parameters as Desk360 keys them: the `variables` its listing
 * gives (`header-1`, `body-1`, `body-2`). Positional parameters become
 * `<component>-<n>`; a named record keeps its keys, except digits, which get
 * the component prefix too (`{ '1': 'Ada' }` → `body-1`).
 */
export function toDesk360Parameters(header: TemplateParameters | undefined, body: TemplateParameters | undefined): Record<string, string> {
  return { ...keyed('header', header), ...keyed('body', body) };
}

function keyed(component: 'header' | 'body', parameters: TemplateParameters | undefined): Record<string, string> {
  if (parameters === undefined) return {};
  if (Array.isArray(parameters)) return Object.fromEntries(parameters.map((value, index) => [`${component}-${index + 1}`, value]));
  return Object.fromEntries(Object.entries(parameters).map(([key, value]) => [/^\d+$/.test(key) ? `${component}-${key}` : key, value]));
}
