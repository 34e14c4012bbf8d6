import * as v from 'valibot';
import { toFormData } from '@wamux/core/adapter';
import type { GetchatContext } from '../client';
import { BusinessProfileWire, ProfileAboutWire, type GetchatBusinessProfile, type GetchatProfileAbout } from '../wire/settings';
import { RefreshStatusWire, type GetchatRefreshStatus } from '../wire/templates';
import { callOperation, callOperationForBytes, callOperationIgnoringBody } from '../client/call';
import { parseArgs, requestSignal, type RequestOptions } from '../map/input';

/** Business categories the document lists for the profile's `vertical`. */
export const GETCHAT_BUSINESS_VERTICALS = [
  'Automotive',
  'Beauty, Spa and Salon',
  'Clothing and Apparel',
  'Education',
  'Entertainment',
  'Event Planning and Service',
  'Finance and Banking',
  'Food and Grocery',
  'Public Service',
  'Hotel and Lodging',
  'Medical and Health',
  'Non-profit',
  'Professional Services',
  'Shopping and Retail',
  'Travel and Transportation',
  'Restaurant',
  'Other',
] as const;

/** Fields of `settings.updateBusinessProfile`: any subset. */
export interface GetchatBusinessProfileInput {
  address?: string | undefined;
  description?: string | undefined;
  email?: string | undefined;
  vertical?: (typeof GETCHAT_BUSINESS_VERTICALS)[number] | undefined;
  websites?: string[] | undefined;
}

/** An image for `settings.updateProfilePhoto`. */
export interface GetchatProfilePhotoInput {
  data: Uint8Array;
  filename: string;
  mimeType: string;
}

const BusinessProfileInput = v.strictObject({
  address: v.optional(v.string('must be a string')),
  description: v.optional(v.string('must be a string')),
  email: v.optional(v.pipe(v.string('must be a string'), v.email('must be an e-mail address'))),
  vertical: v.optional(v.picklist(GETCHAT_BUSINESS_VERTICALS, `must be one of: ${GETCHAT_BUSINESS_VERTICALS.join('; ')}`)),
  websites: v.optional(v.array(v.pipe(v.string('must be a string'), v.url('must be a URL')), 'must be an array of URLs')),
});
const AboutInput = v.pipe(v.string('must be a string'), v.maxLength(139, 'must be at most 139 characters'));
const PhotoInput = v.strictObject({
  data: v.pipe(
    v.instance(Uint8Array, 'must be a Uint8Array'),
    v.check((data) => data.byteLength > 0, 'must not be empty'),
  ),
  filename: v.pipe(v.string('must be a string'), v.nonEmpty('must not be empty')),
  mimeType: v.pipe(v.string('must be a string'), v.regex(/^image\/(jpeg|png)$/, 'must be image/jpeg or image/png')),
});

/** Settings: the WhatsApp Business Profile, the "about" text and the profile photo. */
export interface GetchatSettingsOperations {
  /** `retrieveBusinessProfileSettings` (`GET /settings/business/profile/`). */
  retrieveBusinessProfile(options?: RequestOptions): Promise<GetchatBusinessProfile>;
  /**
   * `partialUpdateBusinessProfileSettings` (`PATCH /settings/business/profile/`):
   * changes the fields given. `messaging_product: "whatsapp"` is always sent.
   */
  updateBusinessProfile(profile: GetchatBusinessProfileInput, options?: RequestOptions): Promise<GetchatBusinessProfile>;
  /** `retrieveProfileAbout` (`GET /settings/profile/about/`). */
  retrieveAbout(options?: RequestOptions): Promise<GetchatProfileAbout>;
  /**
   * `updateProfileAbout` (`PATCH /settings/profile/about/`, admins only). The
   * document's body is `{settings: {...}}` while get.chat's web inbox sends
   * `{text}`; the adapter sends both forms in one body.
   */
  updateAbout(text: string, options?: RequestOptions): Promise<GetchatProfileAbout>;
  /** `retrieveProfilePhoto` (`GET /settings/profile/photo/`, admins only): the image bytes. */
  retrieveProfilePhoto(options?: RequestOptions): Promise<{ data: Uint8Array; mimeType: string | undefined }>;
  /** `updateProfilePhoto` (`POST /settings/profile/photo/`, multipart field `file_encoded`, admins only). */
  updateProfilePhoto(photo: GetchatProfilePhotoInput, options?: RequestOptions): Promise<void>;
  /** `deleteProfilePhoto` (`DELETE /settings/profile/photo/`, admins only). */
  deleteProfilePhoto(options?: RequestOptions): Promise<void>;
  /**
   * `issueSettingsRefreshRequest` (`POST /settings/refresh/issue/`): reloads
   * profile, about and photo from WhatsApp (otherwise every few hours).
   */
  refresh(options?: RequestOptions): Promise<void>;
  /** `checkSettingsRefreshStatus` (`GET /settings/refresh/status/`). */
  refreshStatus(options?: RequestOptions): Promise<GetchatRefreshStatus>;
}

/** Creates the `settings` namespace. */
export function createSettingsOperations(ctx: GetchatContext): GetchatSettingsOperations {
  return {
    async retrieveBusinessProfile(options) {
      return callOperation(ctx, 'retrieveBusinessProfileSettings', { schema: BusinessProfileWire, signal: requestSignal(options) });
    },

    async updateBusinessProfile(profile, options) {
      const input = parseArgs(BusinessProfileInput, profile, 'profile');
      const signal = requestSignal(options);
      return callOperation(ctx, 'partialUpdateBusinessProfileSettings', {
        json: { ...input, messaging_product: 'whatsapp' },
        schema: BusinessProfileWire,
        signal,
      });
    },

    async retrieveAbout(options) {
      return callOperation(ctx, 'retrieveProfileAbout', { schema: ProfileAboutWire, signal: requestSignal(options) });
    },

    async updateAbout(text, options) {
      const about = parseArgs(AboutInput, text, 'text');
      const signal = requestSignal(options);
      return callOperation(ctx, 'updateProfileAbout', {
        json: { text: about, settings: { profile: { about: { text: about } } } },
        schema: ProfileAboutWire,
        signal,
      });
    },

    async retrieveProfilePhoto(options) {
      return callOperationForBytes(ctx, 'retrieveProfilePhoto', { signal: requestSignal(options) });
    },

    async updateProfilePhoto(photo, options) {
      const input = parseArgs(PhotoInput, photo, 'photo');
      const signal = requestSignal(options);
      await callOperationIgnoringBody(ctx, 'updateProfilePhoto', { form: toFormData({ file_encoded: input }), signal });
    },

    async deleteProfilePhoto(options) {
      await callOperationIgnoringBody(ctx, 'deleteProfilePhoto', { signal: requestSignal(options) });
    },

    async refresh(options) {
      await callOperationIgnoringBody(ctx, 'issueSettingsRefreshRequest', { json: {}, signal: requestSignal(options) });
    },

    async refreshStatus(options) {
      return callOperation(ctx, 'checkSettingsRefreshStatus', { schema: RefreshStatusWire, signal: requestSignal(options) });
    },
  };
}
