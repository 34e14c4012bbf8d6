import * as v from 'valibot';
import { Flag, IntId, listOf, OptionalText, toDate } from './coerce';

// A template as `GET .../conversations/templates` lists it, read liberally.

const LooseDate = v.pipe(
  v.nullish(v.union([v.string(), v.number()])),
  v.transform((value) => (value === null || value === undefined ? undefined : toDate(value))),
);

/** `{ value, label }` pairs (header type, category); liberal: a bare label or value. */
const Labelled = v.pipe(
  v.nullish(v.union([v.looseObject({ value: v.optional(v.unknown()), label: OptionalText }), v.string(), v.number()])),
  v.transform((value) => (value === null || value === undefined ? undefined : typeof value === 'object' ? value.label : String(value))),
);

const TranslationSchema = v.looseObject({
  language_id: IntId,
  language: OptionalText,
  header_type: Labelled,
  header: OptionalText,
  header_file: OptionalText,
  body: OptionalText,
  footer: OptionalText,
  variables: listOf(v.pipe(v.union([v.string(), v.number()]), v.transform(String))),
  buttons: listOf(v.unknown()),
  editable: Flag,
  status: OptionalText,
  status_value: v.optional(v.nullable(v.union([v.number(), v.string()]))),
  quality: OptionalText,
  updated_at: LooseDate,
});

/** One template as `GET .../conversations/templates` lists it. */
export const TemplateItemSchema = v.looseObject({
  id: IntId,
  name: v.pipe(v.union([v.string(), v.number()]), v.transform(String)),
  sendable: Flag,
  category: Labelled,
  category_label: OptionalText,
  supported_languages: listOf(v.looseObject({ label: OptionalText, value: v.optional(IntId), filled: Flag })),
  translations: listOf(TranslationSchema),
  created_at: LooseDate,
  updated_at: LooseDate,
});

/** A template button: Desk360 does not document them, so WhatsApp's button fields are read when present. */
export const ButtonSchema = v.looseObject({
  type: OptionalText,
  text: OptionalText,
  title: OptionalText,
  label: OptionalText,
  url: OptionalText,
  phone_number: OptionalText,
});
