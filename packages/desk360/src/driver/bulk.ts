import type { BulkTemplateRequest, BulkTemplateResult, CallOptions, PhoneNumber } from '@wamux/core';
import { DESK360 } from '../constants';
import type { Desk360Context } from '../context';
import type { TemplateDirectory } from '../operations/template-directory';
import { checkTemplateLimits } from '../validation/message-limits';
import { resolveMedia } from '../wire/media';
import { postTemplateBulk } from '../wire/requests';
import { toDesk360Parameters } from '../wire/template-parameters';

/**
 * The normalized `sendTemplateBulk()`. Desk360's bulk send takes one
 * parameter set for all its destinations, so recipients are grouped by their
 * parameters and each group is one bulk call (one call in all when every
 * recipient shares the template's parameters). Groups go in order; an error
 * stops the rest and names how many numbers were already accepted.
 */
export function createSendTemplateBulk(ctx: Desk360Context, templates: TemplateDirectory) {
  return async function sendTemplateBulk(request: BulkTemplateRequest, options: CallOptions): Promise<BulkTemplateResult> {
    const { template } = request;
    checkTemplateLimits(template, 'request.template');
    const resolved = await templates.resolve(template, 'request.template', options);
    const attachment = template.headerMedia
      ? await resolveMedia(ctx, template.headerMedia.media, { field: 'request.template.headerMedia.media', filename: template.headerMedia.filename }, options)
      : undefined;

    const groups = new Map<string, { parameters: Record<string, string>; phones: PhoneNumber[] }>();
    for (const recipient of request.recipients) {
      const parameters = toDesk360Parameters(recipient.header ?? template.header, recipient.body ?? template.body);
      const key = JSON.stringify(Object.entries(parameters).sort(([a], [b]) => (a < b ? -1 : 1)));
      const group = groups.get(key) ?? { parameters, phones: [] };
      group.phones.push(recipient.to);
      groups.set(key, group);
    }

    const accepted: PhoneNumber[] = [];
    const raw: unknown[] = [];
    for (const group of groups.values()) {
      try {
        const sent = await postTemplateBulk(
          ctx,
          { templateId: resolved.templateId, languageId: resolved.languageId, destinations: group.phones, parameters: group.parameters, attachment },
          options,
        );
        accepted.push(...sent.phones);
        raw.push(sent.raw);
      } catch (error) {
        if (accepted.length > 0 && error instanceof Error) {
          error.message = `${error.message} (${DESK360} had already accepted ${accepted.length} of ${request.recipients.length} numbers in earlier bulk calls)`;
        }
        throw error;
      }
    }
    return { accepted: accepted.map((to) => ({ to })), raw: raw.length === 1 ? raw[0] : raw };
  };
}
