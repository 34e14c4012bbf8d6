import * as v from 'valibot';
import { LooseString, opt } from './liberal';

const NonEmpty = v.pipe(v.string('must be a string'), v.nonEmpty('must not be empty'));

/** Body of `POST /contact/prefs/lang` (`ContactPrefsUpdate`). */
export const ContactPrefsUpdateSchema = v.strictObject({
  /** The contact to update, e.g. `fb:12121212121`. */
  contactId: NonEmpty,
  /** The language to set, e.g. `en_US`. */
  lang: NonEmpty,
});
/** Body of `contacts.setLanguage()`. */
export type ContactPrefsUpdate = v.InferInput<typeof ContactPrefsUpdateSchema>;

/** What the channel knows about a contact (`InBoundContactProfile`). */
export const InBoundContactProfileSchema = v.looseObject({
  email: opt(LooseString),
  name: opt(LooseString),
  phone: opt(LooseString),
});

/** What the business application knows about a contact (`ContactBusinessProfile`). */
export const ContactBusinessProfileSchema = v.looseObject({
  email: opt(LooseString),
  name: opt(LooseString),
  phone: opt(LooseString),
  profileId: opt(LooseString),
});

/**
 * A contact as inbound requests carry it (`InBoundContact`): the body of
 * `contact/info` and each item of a notification's `contacts`.
 */
export const InBoundContactSchema = v.looseObject({
  /** The service's id of the contact (`1234567`, or `wa<customer>_<business>`). */
  contactId: opt(LooseString),
  /** The channel the message came through, e.g. `wa360:919988776655`. */
  channelId: opt(LooseString),
  /** `WHATSAPP`, `SMS`, `EMAIL`, `FACEBOOK`, `TELEGRAM`, ... */
  contactType: opt(LooseString),
  /** Channel-specific id. */
  csid: opt(LooseString),
  /** The business number or address the customer wrote to. */
  lane: opt(LooseString),
  profile: opt(InBoundContactProfileSchema),
  businessProfile: opt(ContactBusinessProfileSchema),
});
/** A contact as inbound requests carry it. */
export type InBoundContact = v.InferOutput<typeof InBoundContactSchema>;

/** A label on a contact (`CustomerLabel`). */
export const CustomerLabelSchema = v.strictObject({
  /** Unique label type. */
  key: NonEmpty,
  /** The label's value (`"Platinum"`). */
  value: v.union([v.string(), v.number(), v.boolean(), v.record(v.string(), v.unknown())], 'must be a string, number, boolean or object'),
  /** Display name; labels with the same name are grouped. */
  name: v.optional(v.string()),
  type: v.optional(v.picklist(['TEXT', 'DATE', 'LIST'], 'must be TEXT, DATE or LIST')),
  /** Data format, e.g. `MM/DD/YY`. */
  format: v.optional(v.string()),
});

/**
 * The answer to a `contact/info` request (`ContactInfoUpdate`): the
 * contact details to change. Every field is optional; `{}` changes nothing.
 */
export const ContactInfoUpdateSchema = v.strictObject({
  email: v.optional(v.pipe(v.string(), v.email('must be an email address'))),
  labels: v.optional(v.array(CustomerLabelSchema)),
  /** The mobile number, digits (the document's sample sends `919988776655`). */
  mobile: v.optional(v.pipe(LooseString, v.regex(/^\+?\d{6,15}$/, 'must be a phone number of 6 to 15 digits'))),
  name: v.optional(v.string()),
  /** The contact's id in the business application. */
  profileId: v.optional(v.string()),
});
/** The contact details an app answers a `contact/info` request with. */
export type ContactInfoUpdate = v.InferOutput<typeof ContactInfoUpdateSchema>;
/** What an `onContactInfo` callback may return (numbers accepted where the wire wants strings). */
export type ContactInfoUpdateInput = v.InferInput<typeof ContactInfoUpdateSchema>;
