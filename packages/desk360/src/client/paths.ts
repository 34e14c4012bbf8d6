/**
 * Desk360's endpoint paths, below the base URL. The document writes them as
 * `https://public-api.desk360.com/v1/...`; its templates list heading drops a
 * slash (`.comv1/...`) and its pagination example adds `/api` — both read as
 * the `/v1/...` every other example uses.
 */
export const paths = {
  login: 'v1/login',
  integrations: 'v1/integrations',
  templates: (integrationId: number) => `${conversations(integrationId)}/templates`,
  templateSend: (integrationId: number) => `${conversations(integrationId)}/templates/send`,
  templateSendBulk: (integrationId: number) => `${conversations(integrationId)}/templates/send/bulk`,
  /** Text; the location table also names this path (see `locations`). */
  messages: (integrationId: number) => `${conversations(integrationId)}/messages`,
  /** Location, as the document's examples send it. */
  locations: (integrationId: number) => `${conversations(integrationId)}/messages/locations`,
  contacts: (integrationId: number) => `${conversations(integrationId)}/messages/contacts`,
  medias: (integrationId: number) => `${conversations(integrationId)}/messages/medias`,
  media: (integrationId: number, mediaId: string) => `${conversations(integrationId)}/messages/medias/${encodeURIComponent(mediaId)}`,
  interactive: (integrationId: number) => `${conversations(integrationId)}/messages/interactive`,
  locationRequest: (integrationId: number) => `${conversations(integrationId)}/messages/interactive/location-request`,
  reads: (integrationId: number) => `${conversations(integrationId)}/messages/reads`,
} as const;

function conversations(integrationId: number): string {
  return `v1/integrations/${integrationId}/conversations`;
}
