import * as v from 'valibot';
import { LenientString, LenientTimestamp, maybe, OpaqueObject } from './lenient';

/** A WhatsApp user who contacted the inbox. */
export interface GetchatPerson {
  /** WhatsApp id (digits, no `+`), as get.chat sends it. */
  waId: string;
  /** The WhatsApp profile name (`waba_payload.profile.name`), when known. */
  name?: string | undefined;
  initials?: string | undefined;
  /** When the last message with this person was sent or received. */
  lastMessageAt?: Date | undefined;
  /** The WhatsApp contact object as get.chat stores it (`{profile: {name}, wa_id}`). */
  wabaPayload: Record<string, unknown>;
}

const ProfileName = v.object({ profile: v.nullish(v.object({ name: v.nullish(v.string()) })) });

/** A person object (`/persons/`, and `contact` inside chats and messages). */
export const PersonWire = v.pipe(
  v.object({
    wa_id: LenientString,
    waba_payload: maybe(OpaqueObject),
    initials: maybe(v.string()),
    last_message_timestamp: maybe(LenientTimestamp),
  }),
  v.transform((person): GetchatPerson => {
    const payload = person.waba_payload ?? {};
    const profile = v.safeParse(ProfileName, payload);
    return {
      waId: person.wa_id,
      name: (profile.success ? profile.output.profile?.name : undefined) ?? undefined,
      initials: person.initials,
      lastMessageAt: person.last_message_timestamp,
      wabaPayload: payload,
    };
  }),
);
