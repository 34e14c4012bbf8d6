import type { EmulatorRoute } from '@wamux/emulator';
import { bodyOf, fieldErrors, noContent, notFound, ok, operationRoute } from './http';
import type { OperationsEmulatorState } from './state';

/** `/settings/`: business profile, about, profile photo, and their refresh. */
export function settingsRoutes(state: OperationsEmulatorState): EmulatorRoute[] {
  const aboutJson = () => ({ settings: { profile: { about: { text: state.about } } } });
  return [
    operationRoute('retrieveBusinessProfileSettings', () => ok(state.businessProfile)),
    operationRoute('partialUpdateBusinessProfileSettings', (request) => {
      const body = bodyOf(request);
      const known = ['address', 'description', 'email', 'messaging_product', 'vertical', 'websites'];
      for (const field of known) if (field in body) state.businessProfile[field] = body[field];
      return ok(state.businessProfile);
    }),
    operationRoute('retrieveProfileAbout', () => ok(aboutJson())),
    operationRoute('updateProfileAbout', (request) => {
      const body = bodyOf(request);
      // The document's `{settings: {profile: {about: {text}}}}`, or the web inbox's `{text}`.
      const nested = (body.settings as { profile?: { about?: { text?: unknown } } } | undefined)?.profile?.about?.text;
      const text = nested ?? body.text;
      if (typeof text !== 'string') return fieldErrors({ settings: 'This field is required.' });
      state.about = text;
      return ok(aboutJson());
    }),
    operationRoute('retrieveProfilePhoto', () =>
      state.profilePhoto ? { status: 200, body: state.profilePhoto.data, headers: { 'content-type': state.profilePhoto.mimeType } } : notFound(),
    ),
    operationRoute('updateProfilePhoto', async (request) => {
      const file = request.form?.get('file_encoded');
      if (!(file instanceof Blob)) return fieldErrors({ file_encoded: 'No file was submitted.' });
      state.profilePhoto = { data: new Uint8Array(await file.arrayBuffer()), mimeType: file.type || 'application/octet-stream' };
      return ok({});
    }),
    operationRoute('deleteProfilePhoto', () => {
      state.profilePhoto = undefined;
      return noContent();
    }),
    operationRoute('checkSettingsRefreshStatus', () => {
      const currently = state.settingsRefreshing;
      state.settingsRefreshing = false;
      return ok({ currently_refreshing: currently });
    }),
    operationRoute('issueSettingsRefreshRequest', () => {
      state.settingsRefreshing = true;
      return ok({});
    }),
  ];
}
