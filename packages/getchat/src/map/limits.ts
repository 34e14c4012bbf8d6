import { parseInput, type OutboundMessage } from '@wamux/core/adapter';
import * as v from 'valibot';
import { GETCHAT } from '../options';

// WhatsApp's limits, which get.chat forwards without checking: a message
// over them is accepted by createMessage (which only queues it) and fails
// later, asynchronously. Checking here turns that into an immediate
// ValidationError naming the field. The core has already validated the
// message against the model; these schemas only add the vendor's limits.

const max = (length: number) => v.pipe(v.string(), v.maxLength(length, `must be at most ${length} characters on WhatsApp`));
const absent = (why: string) => v.optional(v.never(why));

const ButtonsLimits = v.looseObject({
  kind: v.literal('buttons'),
  body: max(1024),
  header: v.optional(
    v.variant('type', [v.looseObject({ type: v.literal('text'), text: max(60) }), v.looseObject({ type: v.picklist(['image', 'video', 'document']) })]),
  ),
  footer: v.optional(max(60)),
  buttons: v.pipe(
    v.array(v.looseObject({ id: max(256), title: max(20) })),
    v.maxLength(3, 'must hold at most 3 buttons on WhatsApp'),
    v.check((buttons) => new Set(buttons.map((b) => b.id)).size === buttons.length, 'must have unique ids'),
  ),
});

const ListLimits = v.looseObject({
  kind: v.literal('list'),
  body: max(1024),
  header: v.optional(v.looseObject({ text: max(60) })),
  footer: v.optional(max(60)),
  buttonText: max(20),
  sections: v.pipe(
    v.array(
      v.looseObject({
        title: v.optional(max(24)),
        rows: v.array(v.looseObject({ id: max(200), title: max(24), description: v.optional(max(72)) })),
      }),
    ),
    v.maxLength(10, 'must hold at most 10 sections on WhatsApp'),
    v.check((sections) => sections.reduce((rows, section) => rows + section.rows.length, 0) <= 10, 'must hold at most 10 rows in all on WhatsApp'),
    v.check(
      (sections) => sections.length === 1 || sections.every((section) => section.title !== undefined && section.title !== ''),
      'need a title each when there are several',
    ),
  ),
});

const LocationRequestLimits = v.looseObject({ kind: v.literal('location_request'), body: max(1024) });

/** The limits of each message type, keyed by the model's `type`. */
const MessageLimits = v.variant('type', [
  v.looseObject({ type: v.literal('text'), text: max(4096) }),
  v.looseObject({ type: v.literal('image'), caption: v.optional(max(1024)), filename: absent('only documents carry a filename on WhatsApp') }),
  v.looseObject({ type: v.literal('video'), caption: v.optional(max(1024)), filename: absent('only documents carry a filename on WhatsApp') }),
  v.looseObject({ type: v.literal('document'), caption: v.optional(max(1024)), filename: v.optional(max(240)) }),
  v.looseObject({
    type: v.literal('audio'),
    caption: absent('audio messages cannot carry a caption on WhatsApp'),
    filename: absent('only documents carry a filename on WhatsApp'),
  }),
  v.looseObject({
    type: v.literal('sticker'),
    caption: absent('stickers cannot carry a caption on WhatsApp'),
    filename: absent('only documents carry a filename on WhatsApp'),
  }),
  v.looseObject({ type: v.literal('location'), name: v.optional(max(1000)), address: v.optional(max(1000)) }),
  v.looseObject({ type: v.literal('contacts'), contacts: v.pipe(v.array(v.unknown()), v.maxLength(257, 'must hold at most 257 contacts on WhatsApp')) }),
  v.looseObject({ type: v.literal('interactive'), interactive: v.variant('kind', [ButtonsLimits, ListLimits, LocationRequestLimits]) }),
  v.looseObject({
    type: v.literal('template'),
    template: v.looseObject({
      name: v.pipe(v.string('get.chat sends templates by name: give template.name'), v.maxLength(512, 'must be at most 512 characters')),
      buttons: v.optional(
        v.array(
          v.looseObject({
            index: v.pipe(v.number(), v.maxValue(9, 'must be at most 9 (WhatsApp allows 10 buttons)')),
            parameter: v.string(),
          }),
        ),
      ),
    }),
  }),
  v.looseObject({ type: v.literal('reaction'), emoji: max(16) }),
]);

/**
 * Checks a message (already valid in the model) against WhatsApp's limits;
 * throws a `ValidationError` naming the field (`message.interactive.buttons`).
 */
export function checkWhatsAppLimits(message: OutboundMessage): void {
  parseInput(MessageLimits, message, { root: 'message', provider: GETCHAT });
}
