import * as v from 'valibot';
import { JsonObject, LooseString, listOf, opt } from './liberal';

const NonEmpty = v.pipe(v.string('must be a string'), v.nonEmpty('must not be empty'));

/** A link from a pushed object or event to another record (`DigitalObjectLink`). */
export const DigitalObjectLinkSchema = v.strictObject({
  linkName: NonEmpty,
  linkType: NonEmpty,
  linkValue: NonEmpty,
});
/** A link from a pushed object or event to another record. */
export type DigitalObjectLink = v.InferInput<typeof DigitalObjectLinkSchema>;

/** Body of `POST /data/push` (`DigitalObjectDto`): customer details. */
export const DigitalObjectDtoSchema = v.strictObject({
  id: NonEmpty,
  type: NonEmpty,
  /** Free-form customer data. Sent as `{}` when absent (the document requires it). */
  data: v.optional(JsonObject, {}),
  /** Sent as `[]` when absent (the document requires it). */
  links: v.optional(v.array(DigitalObjectLinkSchema), []),
});
/** Body of `analytics.pushData()`. */
export type DigitalObjectDto = v.InferInput<typeof DigitalObjectDtoSchema>;

/** Body of `POST /event/push` (`DigitalEventDto`): a customer event. */
export const DigitalEventDtoSchema = v.strictObject({
  /** Event name and action, e.g. `CUSTOMER_CREATED`. */
  eventName: NonEmpty,
  /** A string in the schema table, a number (`1234567`) in the sample: both are sent as given. */
  id: v.union([NonEmpty, v.pipe(v.number(), v.integer('must be an integer'))], 'must be a string or an integer'),
  /** Sent as `[]` when absent (the document requires it). */
  links: v.optional(v.array(DigitalObjectLinkSchema), []),
});
/** Body of `analytics.pushEvent()`. */
export type DigitalEventDto = v.InferInput<typeof DigitalEventDtoSchema>;

/** A pushed object, as the vendor echoes it. */
export const DigitalObjectResultSchema = v.looseObject({
  id: opt(LooseString),
  type: opt(LooseString),
  data: opt(JsonObject),
  links: listOf(v.looseObject({ linkName: opt(LooseString), linkType: opt(LooseString), linkValue: opt(LooseString) })),
});
/** A pushed object, as the vendor echoes it. */
export type DigitalObjectResult = v.InferOutput<typeof DigitalObjectResultSchema>;

/** A pushed event, as the vendor echoes it. */
export const DigitalEventResultSchema = v.looseObject({
  id: opt(LooseString),
  eventName: opt(LooseString),
  links: listOf(v.looseObject({ linkName: opt(LooseString), linkType: opt(LooseString), linkValue: opt(LooseString) })),
});
/** A pushed event, as the vendor echoes it. */
export type DigitalEventResult = v.InferOutput<typeof DigitalEventResultSchema>;
