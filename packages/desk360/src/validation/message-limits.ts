import { parseInput, UnsupportedFeatureError, type OutboundMessage, type TemplateSpec } from '@wamux/core';
import { match, P } from 'ts-pattern';
import * as v from 'valibot';
import { DESK360 } from '../constants';
import { Buttons, ContactNaming, FooterText, HeaderText, InteractiveBody, LocationNaming, TextBody } from './fields';

const TextLimits = v.looseObject({ text: TextBody });
const LocationLimits = v.looseObject(LocationNaming);
const ContactsLimits = v.looseObject({ contacts: v.array(ContactNaming) });
const ButtonsLimits = v.looseObject({
  interactive: v.looseObject({
    body: InteractiveBody,
    footer: v.optional(FooterText),
    header: v.optional(v.union([v.looseObject({ type: v.literal('text'), text: HeaderText }), v.looseObject({ type: v.picklist(['image', 'video', 'document']) })])),
    buttons: Buttons,
  }),
});
const LocationRequestLimits = v.looseObject({ interactive: v.looseObject({ body: InteractiveBody }) });
const TemplateSpecLimits = v.looseObject({
  buttons: v.optional(v.pipe(v.array(v.unknown()), v.length(0, 'Desk360 template sends take no button parameters'))),
});

/**
 * Checks a message the core already validated against Desk360's own limits
 * (4096-character texts, 10 buttons of 20-character unique titles, ...), so
 * a message Desk360 would refuse fails with a `ValidationError` naming the
 * field (`message.interactive.buttons.3.title`) before any request.
 */
export function checkMessageLimits(message: OutboundMessage): void {
  const check = (schema: v.GenericSchema) => parseInput(schema, message, { root: 'message', provider: DESK360 });
  match(message)
    .with({ type: 'text' }, () => check(TextLimits))
    .with({ type: 'location' }, () => check(LocationLimits))
    .with({ type: 'contacts' }, () => check(ContactsLimits))
    .with({ type: 'interactive', interactive: { kind: 'buttons' } }, (m) => {
      check(ButtonsLimits);
      const header = m.interactive.header;
      // Desk360 takes interactive header media as a link only.
      if (header && header.type !== 'text' && !('url' in header.media)) {
        throw new UnsupportedFeatureError(`interactive header media given as { ${'id' in header.media ? 'id' : 'data'} } (Desk360 takes a link: { url })`, {
          provider: DESK360,
        });
      }
    })
    .with({ type: 'interactive', interactive: { kind: P.union('location_request', 'list') } }, () => check(LocationRequestLimits))
    .with({ type: 'template' }, (m) => checkTemplateLimits(m.template, 'message.template'))
    .with({ type: P.union('image', 'video', 'audio', 'document', 'sticker', 'reaction') }, () => undefined)
    .exhaustive();
}

/** Checks a template spec (of a send or a bulk send, under `root`) against what Desk360 template sends take. */
export function checkTemplateLimits(template: TemplateSpec, root: string): void {
  parseInput(TemplateSpecLimits, template, { root, provider: DESK360 });
}
