import * as v from 'valibot';
import { LenientBoolean, LenientString, lenientArray, maybe, OpaqueObject } from './lenient';

/**
 * A message template as get.chat's templates endpoints return it: Meta's
 * template definition (name, category, language, components) plus its review
 * status. (The provider's normalized `listTemplates` reads the same objects.)
 */
export interface GetchatVendorTemplate {
  /** Present on some inbox versions. */
  id?: string | undefined;
  name: string;
  category?: string | undefined;
  /** e.g. `en_US`. */
  language: string;
  /** Meta's component definitions (`HEADER`, `BODY`, `FOOTER`, `BUTTONS`), as received. */
  components: Record<string, unknown>[];
  namespace?: string | undefined;
  /** e.g. `approved`, `pending`, `rejected` (case varies). */
  status?: string | undefined;
  rejectedReason?: string | undefined;
}

/** Whether a refresh from WhatsApp is in progress. */
export interface GetchatRefreshStatus {
  currentlyRefreshing: boolean;
}

/** A template object. */
export const VendorTemplateWire = v.pipe(
  v.object({
    id: maybe(LenientString),
    name: v.string(),
    category: maybe(v.string()),
    language: v.union([
      v.string(),
      v.pipe(
        v.object({ code: v.string() }),
        v.transform((language) => language.code),
      ),
    ]),
    components: maybe(v.array(OpaqueObject)),
    namespace: maybe(v.string()),
    status: maybe(v.string()),
    rejected_reason: maybe(v.string()),
  }),
  v.transform(
    (template): GetchatVendorTemplate => ({
      id: template.id,
      name: template.name,
      category: template.category,
      language: template.language,
      components: template.components ?? [],
      namespace: template.namespace,
      status: template.status,
      rejectedReason: template.rejected_reason,
    }),
  ),
);

/** `{ currently_refreshing }` of the templates' and the settings' refresh status. */
export const RefreshStatusWire = v.pipe(
  v.object({ currently_refreshing: maybe(LenientBoolean) }),
  v.transform((status): GetchatRefreshStatus => ({ currentlyRefreshing: status.currently_refreshing ?? false })),
);

/** A template button, as the model reads it. */
export const ButtonWire = v.looseObject({
  type: maybe(v.string()),
  text: maybe(v.string()),
  url: maybe(v.string()),
  phone_number: maybe(v.string()),
});

const ComponentWire = v.looseObject({
  type: v.string(),
  format: maybe(v.string()),
  text: maybe(v.string()),
  buttons: maybe(lenientArray(ButtonWire)),
});

/** A template as `listTemplates` returns it (WhatsApp's template schema), read liberally for the model's Template. */
export const TemplateWire = v.looseObject({
  id: maybe(LenientString),
  name: v.string(),
  language: v.string(),
  status: maybe(v.string()),
  category: maybe(v.string()),
  components: maybe(lenientArray(ComponentWire)),
});
