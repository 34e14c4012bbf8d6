import * as v from 'valibot';
import { EmbeddedUserWire, type GetchatUser } from './users';
import { LenientBoolean, LenientInt, LenientString, LenientTimestamp, maybe, OpaqueObject } from './lenient';

/** One health check of the inbox or a plugin. */
export interface GetchatHealthStatus {
  checkName: string;
  isOk: boolean;
  message?: string | undefined;
}

/** An error WhatsApp (WABA) reported to the inbox. */
export interface GetchatWabaError {
  id?: number | undefined;
  /** The error as WhatsApp sent it. */
  wabaPayload: Record<string, unknown>;
  timestamp?: Date | undefined;
  wabaId?: string | undefined;
  /** The get.chat message id the error relates to, when it relates to a message. */
  getchatId?: string | undefined;
}

/** A Firebase Cloud Messaging token of one of the authenticated user's devices. */
export interface GetchatFcmDeviceToken {
  id: number;
  token: string;
  user?: GetchatUser | undefined;
  lastSeen?: Date | undefined;
}

/** A health status entry. */
export const HealthStatusWire = v.pipe(
  v.object({ check_name: LenientString, is_ok: LenientBoolean, message: maybe(v.string()) }),
  v.transform((status): GetchatHealthStatus => ({ checkName: status.check_name, isOk: status.is_ok, message: status.message })),
);

/** A WABA error object. */
export const WabaErrorWire = v.pipe(
  v.object({
    id: maybe(LenientInt),
    waba_payload: maybe(OpaqueObject),
    timestamp: maybe(LenientTimestamp),
    waba_id: maybe(LenientString),
    getchat_id: maybe(LenientString),
  }),
  v.transform(
    (error): GetchatWabaError => ({
      id: error.id,
      wabaPayload: error.waba_payload ?? {},
      timestamp: error.timestamp,
      wabaId: error.waba_id,
      getchatId: error.getchat_id,
    }),
  ),
);

/** An FCM device token object. */
export const FcmDeviceTokenWire = v.pipe(
  v.object({ id: LenientInt, token: v.string(), user: EmbeddedUserWire, last_seen: maybe(LenientTimestamp) }),
  v.transform((device): GetchatFcmDeviceToken => ({ id: device.id, token: device.token, user: device.user, lastSeen: device.last_seen })),
);
