import { ValidationError, type TemplateParameters, type TemplateSpec, type ValidationIssue } from '@wamux/core';
import { PROVIDER } from '../provider-name';

/**
 * The template's `data` map. The vendor fills placeholders by name from one
 * map, so positional parameters become `"1"`, `"2"`, ... (`{{1}}` is the
 * placeholder named `1`) and named ones keep their names. Header and body
 * share the map: a header parameter that would fill a placeholder the body
 * fills with another value is refused, naming the header field.
 */
export function templateData(template: TemplateSpec): Record<string, string> | undefined {
  const data: Record<string, string> = {};
  const issues: ValidationIssue[] = [];
  const put = (component: 'body' | 'header', parameters: TemplateParameters | undefined) => {
    for (const { key, value, field } of entriesOf(parameters)) {
      const existing = data[key];
      if (existing !== undefined && existing !== value) {
        issues.push({
          path: `message.template.${component}.${field}`,
          message: `fills placeholder {{${key}}} with another value than the body; ${PROVIDER} fills header and body placeholders from one map`,
        });
      } else {
        data[key] = value;
      }
    }
  };
  put('body', template.body);
  put('header', template.header);
  if (issues.length > 0) throw new ValidationError(issues, { provider: PROVIDER });
  return Object.keys(data).length > 0 ? data : undefined;
}

function entriesOf(parameters: TemplateParameters | undefined): Array<{ key: string; value: string; field: string }> {
  if (parameters === undefined) return [];
  if (Array.isArray(parameters)) return parameters.map((value, index) => ({ key: String(index + 1), value, field: String(index) }));
  return Object.entries(parameters).map(([key, value]) => ({ key, value, field: key }));
}

/**
 * The inverse, for readers of the wire format: keys `1`..`n` (all of them)
 * are positional parameters, anything else is named.
 */
export function parametersFromData(data: Record<string, string | number | boolean> | undefined): TemplateParameters | undefined {
  if (data === undefined) return undefined;
  const keys = Object.keys(data);
  if (keys.length === 0) return undefined;
  const positional = keys.every((key) => /^[1-9]\d*$/.test(key)) && keys.map(Number).sort((a, b) => a - b).every((n, i) => n === i + 1);
  if (positional) return keys.map(Number).sort((a, b) => a - b).map((n) => String(data[String(n)]));
  return Object.fromEntries(keys.map((key) => [key, String(data[key])]));
}
