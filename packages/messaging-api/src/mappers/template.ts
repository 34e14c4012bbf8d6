import { compact, normalizeTemplateStatus, templateVariables, type Template, type TemplateButton, safeParse } from '@wamux/core';
import * as v from 'valibot';
import type { HSMTemplateDoc } from '../wire/config';
import { LooseString, listOf, opt } from '../wire/liberal';

const TemplateOptionsSchema = v.looseObject({
  buttons: listOf(
    v.looseObject({ type: opt(LooseString), label: opt(LooseString), name: opt(LooseString), url: opt(LooseString), phone: opt(LooseString) }),
  ),
});

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
  const parsed = safeParse(TemplateOptionsSchema, options);
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
