import * as v from 'valibot';
import { IntId, OptionalText } from './coerce';

/** One integration as `GET /v1/integrations` lists it; the document's example shows both `display_name` and `name`. */
export const IntegrationSchema = v.looseObject({
  id: IntId,
  display_name: OptionalText,
  name: OptionalText,
  phone_number: OptionalText,
  logo: OptionalText,
});
