import * as v from 'valibot';
import { LenientInt, LenientTimestamp, maybe } from './lenient';

/** A text the inbox's users keep for reuse (separate from templates). */
export interface GetchatSavedResponse {
  id: number;
  text: string;
  /** Who created it: a user id (what get.chat's web inbox sees) or a name (what the document types). */
  createdBy?: number | string | undefined;
  createdAt?: Date | undefined;
}

/** A saved response object. */
export const SavedResponseWire = v.pipe(
  v.object({
    id: LenientInt,
    text: v.nullish(v.string()),
    created_by: maybe(
      v.union([
        LenientInt,
        v.string(),
        v.pipe(
          v.object({ id: LenientInt }),
          v.transform((user) => user.id),
        ),
      ]),
    ),
    timestamp: maybe(LenientTimestamp),
  }),
  v.transform(
    (response): GetchatSavedResponse => ({ id: response.id, text: response.text ?? '', createdBy: response.created_by, createdAt: response.timestamp }),
  ),
);
