import * as v from 'valibot';
import { lenientArray, maybe, OpaqueObject } from './lenient';

/** The WhatsApp Business Profile. */
export interface GetchatBusinessProfile {
  address?: string | undefined;
  description?: string | undefined;
  email?: string | undefined;
  /** Always `whatsapp`. */
  messagingProduct?: string | undefined;
  /** The business category, e.g. `Automotive`. */
  vertical?: string | undefined;
  websites: string[];
  /** The profile's "about" text, when the inbox includes it here. */
  about?: string | undefined;
}

/** The profile's "about" text. */
export interface GetchatProfileAbout {
  text?: string | undefined;
  /** The `settings` object as received (`{profile: {about: {text}}}`). */
  settings: Record<string, unknown>;
}

/** A business profile object. */
export const BusinessProfileWire = v.pipe(
  v.object({
    address: maybe(v.string()),
    description: maybe(v.string()),
    email: maybe(v.string()),
    messaging_product: maybe(v.string()),
    vertical: maybe(v.string()),
    websites: maybe(lenientArray(v.string())),
    about: maybe(v.string()),
  }),
  v.transform(
    (profile): GetchatBusinessProfile => ({
      address: profile.address,
      description: profile.description,
      email: profile.email,
      messagingProduct: profile.messaging_product,
      vertical: profile.vertical,
      websites: profile.websites ?? [],
      about: profile.about,
    }),
  ),
);

const AboutText = v.object({ profile: v.nullish(v.object({ about: v.nullish(v.object({ text: v.nullish(v.string()) })) })) });

/**
 * The profile "about" response: `{settings: {profile: {about: {text}}}}`, or
 * (liberal) a flat `{text}`.
 */
export const ProfileAboutWire = v.pipe(
  v.object({ settings: maybe(OpaqueObject), text: maybe(v.string()) }),
  v.transform((about): GetchatProfileAbout => {
    const settings = about.settings ?? {};
    const nested = v.safeParse(AboutText, settings);
    return { text: (nested.success ? nested.output.profile?.about?.text : undefined) ?? about.text, settings };
  }),
);
