import * as v from 'valibot';
import { LooseString, opt } from './liberal';

// The body of `POST /message/send` (`OutBoundMsg`), strict: it is what we
// send. The schema table marks `contacts`, `location`, `mask` and `to`
// required on every message, which cannot be meant (a text message with a
// location?); the samples show one content object per `type`, and that is
// what this schema requires.

const NonEmpty = v.pipe(v.string('must be a string'), v.nonEmpty('must not be empty'));
const HttpUrl = v.pipe(v.string('must be a string'), v.url('must be an absolute URL'), v.regex(/^https?:\/\//i, 'must be an http(s) URL'));
/** Identifiers the samples write as numbers (`"zip": 94025`, `"wa_id": 16505551234`). */
const StringOrNumber = v.union([v.string(), v.number()], 'must be a string or a number');

/** A media object (`OutBoundMsgMedia`): the vendor fetches `link`. */
export const OutBoundMsgMediaSchema = v.strictObject({
  /** Public URL of the media file. */
  link: HttpUrl,
  caption: v.optional(v.string()),
  filename: v.optional(v.string()),
});

/** A text (`OutBoundMsgText`). */
export const OutBoundMsgTextSchema = v.strictObject({ body: NonEmpty });

/** A location (`CommonMsgLocation`): numbers, as the sample sends them. */
export const OutBoundMsgLocationSchema = v.strictObject({
  latitude: v.pipe(v.number('must be a number'), v.minValue(-90), v.maxValue(90)),
  longitude: v.pipe(v.number('must be a number'), v.minValue(-180), v.maxValue(180)),
  name: v.optional(v.string()),
  address: v.optional(v.string()),
  url: v.optional(v.string()),
});

/** A contact card (`CommonMsgContactCard`), in WhatsApp's snake_case. */
export const OutBoundMsgContactCardSchema = v.strictObject({
  name: v.strictObject({
    formatted_name: NonEmpty,
    first_name: v.optional(v.string()),
    last_name: v.optional(v.string()),
  }),
  addresses: v.optional(
    v.array(
      v.strictObject({
        street: v.optional(v.string()),
        city: v.optional(v.string()),
        state: v.optional(v.string()),
        zip: v.optional(StringOrNumber),
        country: v.optional(v.string()),
        country_code: v.optional(v.string()),
        type: v.optional(v.string()),
      }),
    ),
  ),
  birthday: v.optional(v.string()),
  emails: v.optional(v.array(v.strictObject({ email: NonEmpty, type: v.optional(v.string()) }))),
  ims: v.optional(v.array(v.strictObject({ service: NonEmpty, userid: NonEmpty }))),
  org: v.optional(v.strictObject({ company: v.optional(v.string()), department: v.optional(v.string()), title: v.optional(v.string()) })),
  phones: v.optional(v.array(v.strictObject({ phone: NonEmpty, type: v.optional(v.string()), wa_id: v.optional(StringOrNumber) }))),
  urls: v.optional(v.array(v.strictObject({ url: NonEmpty, type: v.optional(v.string()) }))),
});

/** The template to send (`CommonTemplateMeta`): by `code` or `id`, with `data` filling its placeholders. */
export const CommonTemplateMetaSchema = v.pipe(
  v.strictObject({
    /** The template's code (`FEEDBACK`). */
    code: v.optional(NonEmpty),
    /** The template's unique id. */
    id: v.optional(NonEmpty),
    /** The language to pick, e.g. `en_US`. */
    lang: v.optional(NonEmpty),
    /** Values for the template's placeholders, by name (`{ amount: 10, currency: 'INR' }`). */
    data: v.optional(v.record(v.string(), v.union([v.string(), v.number(), v.boolean()], 'must be a string, number or boolean'))),
    /** Required by the schema table, undescribed; sent only when given. */
    linked: v.optional(v.string()),
  }),
  v.check((template) => template.code !== undefined || template.id !== undefined, 'needs a code or an id'),
);

/** A button or list element (`TmplElement`). */
export const TmplElementSchema = v.strictObject({
  /** Required by the schema table, undescribed. */
  name: NonEmpty,
  /** The id the customer's reply carries back (`form.reply_id`). */
  code: v.optional(NonEmpty),
  /** The text shown (`form.reply_title` in the reply). */
  label: v.optional(NonEmpty),
  /** A description (`form.reply_desc` in the reply). */
  desc: v.optional(v.string()),
  /** `QUICK_REPLY`, `URL`, `PHONE_NUMBER`, ... */
  type: v.optional(NonEmpty),
  /** For WhatsApp Flows. */
  action: v.optional(v.string()),
  /** When `type` is `PHONE_NUMBER`. */
  phone: v.optional(v.string()),
  /** When `type` is `URL`. */
  url: v.optional(v.string()),
  /** Any unique id; a number in the sample. */
  uid: v.optional(StringOrNumber),
  /** A dynamic variable, e.g. `data.var_1`. */
  variable: v.optional(v.string()),
});

/** Buttons shown with a message (`CommonMsgOptions`). */
export const CommonMsgOptionsSchema = v.strictObject({
  /** `auto` lets the vendor choose; `buttons` shows reply buttons; `list` shows a list. */
  buttonDisplayScheme: v.optional(v.picklist(['auto', 'list', 'buttons'], 'must be auto, list or buttons'), 'auto'),
  buttons: v.pipe(v.array(TmplElementSchema), v.minLength(1, 'must hold at least one button')),
});

/** The recipient (`OutBoundContact`): a phone, a contact id or an email, and optionally a name. */
export const OutBoundContactSchema = v.pipe(
  v.strictObject({
    /** Digits, for WhatsApp and SMS. */
    phone: v.optional(NonEmpty),
    /** The service's contact id, from an inbound message. */
    contactId: v.optional(NonEmpty),
    /** For email channels. */
    email: v.optional(NonEmpty),
    /** Overrides the name used in the message. */
    name: v.optional(NonEmpty),
  }),
  v.check((to) => to.phone !== undefined || to.contactId !== undefined || to.email !== undefined, 'needs a phone, contactId or email'),
);

const common = {
  /** The channel to send from; the provider's `channelId` when absent. */
  channelId: v.optional(NonEmpty),
  to: OutBoundContactSchema,
  /** Mask the message data in the vendor's logs. Sent as `false` when absent (the document requires it). */
  mask: v.optional(v.boolean(), false),
  /** The id of a message to send again. */
  messageIdResend: v.optional(NonEmpty),
  options: v.optional(CommonMsgOptionsSchema),
};

/** A message for `POST /message/send` (`OutBoundMsg`), one content object per `type`. */
export const OutBoundMsgSchema = v.variant('type', [
  v.strictObject({ type: v.literal('text'), ...common, text: OutBoundMsgTextSchema }),
  v.strictObject({ type: v.literal('image'), ...common, image: OutBoundMsgMediaSchema }),
  v.strictObject({ type: v.literal('video'), ...common, video: OutBoundMsgMediaSchema }),
  v.strictObject({ type: v.literal('audio'), ...common, audio: OutBoundMsgMediaSchema }),
  v.strictObject({ type: v.literal('document'), ...common, document: OutBoundMsgMediaSchema }),
  /** A voice note: the media goes in `audio` (the document has no `voice` object). */
  v.strictObject({ type: v.literal('voice'), ...common, audio: OutBoundMsgMediaSchema }),
  v.strictObject({ type: v.literal('location'), ...common, location: OutBoundMsgLocationSchema }),
  v.strictObject({
    type: v.literal('contacts'),
    ...common,
    contacts: v.pipe(v.array(OutBoundMsgContactCardSchema), v.minLength(1, 'must hold at least one contact')),
  }),
  v.strictObject({ type: v.literal('template'), ...common, template: CommonTemplateMetaSchema }),
  v.strictObject({ type: v.literal('system'), ...common, text: v.optional(OutBoundMsgTextSchema) }),
  v.strictObject({ type: v.literal('optin'), ...common }),
  v.strictObject({ type: v.literal('optout'), ...common }),
]);

/** A message as `messages.send()` accepts it (`channelId` and `mask` may be left out). */
export type OutBoundMsg = v.InferInput<typeof OutBoundMsgSchema>;
/** A message as it goes on the wire. */
export type OutBoundMsgWire = v.InferOutput<typeof OutBoundMsgSchema> & { channelId: string };
/** The `type` of an outbound message. */
export type OutBoundMsgType = OutBoundMsg['type'];

/** What `POST /message/send` answers with (`OutBoundReciept`, sic). */
export const OutBoundReceiptSchema = v.looseObject({
  /** The message id; statuses report it as their `id`. */
  id: LooseString,
  templateCode: opt(LooseString),
  templateId: opt(LooseString),
  type: opt(LooseString),
});
/** What `POST /message/send` answers with. */
export type OutBoundReceipt = v.InferOutput<typeof OutBoundReceiptSchema>;
