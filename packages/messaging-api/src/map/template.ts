import {
  compact,
  normalizeTemplateStatus,
  templateVariables,
  ValidationError,
  type Template,
  type TemplateButton,
  type TemplateParameters,
  type TemplateSpec,
  type ValidationIssue,
} from '@wamux/core/adapter';
import * as v from 'valibot';
import { MESSAGING_API_PROVIDER } from '../options';
import { HSMTemplateOptionsSchema, type HSMTemplateDoc } from '../wire/config';

/**
 * Normalizes an HSM template. Its `code` is what a send names, so it is the
 * normalized `name` (the doc's `name`, then its `id`, when there is no code).
 * The status is its approval on `channelId` when listed there, else its
 * first approval; a template approved nowhere is `unknown`. Returns
 * `undefined` for a doc with no code, name or id: it could not be sent.
 */
export function toTemplate(doc: HSMTemplateDoc, channelId: string | undefined): Template | undefined {
  const name = doc.code ?? doc.name ?? doc.id;
  if (name === undefined) return undefined;
  const approval = doc.approved.find((entry) => channelId !== undefined && entry.channelId === channelId) ?? doc.approved[0];
  const body = doc.body ?? doc.template;
  return compact({
    id: doc.id,
    name,
    language: doc.lang ?? '',
    status: normalizeTemplateStatus(approval?.status),
    vendorStatus: approval?.status,
    category: doc.category,
    header: headerOf(doc),
    body,
    footer: doc.footer,
    buttons: buttonsOf(doc.options),
    variables: [...templateVariables('header', doc.header), ...templateVariables('body', body)],
    raw: doc,
  });
}

/** A text header, else a media header from the first attachment. */
function headerOf(doc: HSMTemplateDoc): Template['header'] {
  if (doc.header !== undefined && doc.header !== '') return { format: 'text', text: doc.header };
  const mediaType = doc.attachments[0]?.mediaType?.toUpperCase();
  if (mediaType === 'IMAGE') return { format: 'image' };
  if (mediaType === 'VIDEO') return { format: 'video' };
  if (mediaType === 'DOCUMENT' || mediaType === 'PDF') return { format: 'document' };
  return undefined;
}

function buttonsOf(options: unknown): TemplateButton[] | undefined {
  const parsed = v.safeParse(HSMTemplateOptionsSchema, options);
  if (!parsed.success || parsed.output.buttons.length === 0) return undefined;
  return parsed.output.buttons.map((button) =>
    compact({ type: buttonType(button.type), text: button.label ?? button.name ?? '', url: button.url, phoneNumber: button.phone }),
  );
}

function buttonType(type: string | undefined): TemplateButton['type'] {
  switch (type?.toUpperCase()) {
    case 'QUICK_REPLY':
      return 'quick_reply';
    case 'URL':
      return 'url';
    case 'PHONE_NUMBER':
      return 'phone_number';
    case 'COPY_CODE':
      return 'copy_code';
    default:
      return 'other';
  }
}

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
          message: `fills placeholder {{${key}}} with another value than the body; ${MESSAGING_API_PROVIDER} fills header and body placeholders from one map`,
        });
      } else {
        data[key] = value;
      }
    }
  };
  put('body', template.body);
  put('header', template.header);
  if (issues.length > 0) throw new ValidationError(issues, { provider: MESSAGING_API_PROVIDER });
  return Object.keys(data).length > 0 ? data : undefined;
}

function entriesOf(parameters: TemplateParameters | undefined): Array<{ key: string; value: string; field: string }> {
  if (parameters === undefined) return [];
  if (Array.isArray(parameters)) return parameters.map((value, index) => ({ key: String(index + 1), value, field: String(index) }));
  return Object.entries(parameters).map(([key, value]) => ({ key, value, field: key }));
}
