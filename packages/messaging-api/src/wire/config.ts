import * as v from 'valibot';
import { AttachmentSchema } from './common';
import { JsonObject, LooseBoolean, LooseString, listOf, opt, VendorTimestamp } from './liberal';

/** A configured messaging channel (`MsgChannel`), as `GET /config/channels` lists it. */
export const MsgChannelSchema = v.looseObject({
  /** The id to send from (`OutBoundMsg.channelId`), e.g. `wa360:918828218374`. */
  channelId: opt(LooseString),
  /** `WHATSAPP`, `SMS`, `EMAIL`, `FACEBOOK`, ... */
  contactType: opt(LooseString),
  /** The business number or address customers write to. */
  lane: opt(LooseString),
  name: opt(LooseString),
});
/** A configured messaging channel. */
export type MsgChannel = v.InferOutput<typeof MsgChannelSchema>;

/** A global variable (`CompanyVarsConfigDoc`), as `GET /config/global/vars` lists it. */
export const CompanyVarsConfigDocSchema = v.looseObject({
  id: opt(LooseString),
  key: opt(LooseString),
  value: opt(v.unknown()),
  description: opt(LooseString),
  type: opt(LooseString),
  group: opt(LooseString),
  domain: opt(LooseString),
  server: opt(LooseString),
  disabled: opt(LooseBoolean),
  empty: opt(LooseBoolean),
  missing: opt(LooseBoolean),
  present: opt(LooseBoolean),
  primary: opt(LooseBoolean),
  shared: opt(LooseBoolean),
});
/** A global variable. */
export type CompanyVarsConfigDoc = v.InferOutput<typeof CompanyVarsConfigDocSchema>;

/** A template's approval on one channel (`ApprovedChannels`). */
export const ApprovedChannelSchema = v.looseObject({
  channelId: opt(LooseString),
  status: opt(LooseString),
  templateId: opt(LooseString),
});
/** A template's approval on one channel. */
export type ApprovedChannel = v.InferOutput<typeof ApprovedChannelSchema>;

/** A configured HSM (WhatsApp message) template (`HSMTemplateDoc`). */
export const HSMTemplateDocSchema = v.looseObject({
  id: opt(LooseString),
  /** The code templates are sent by (`OutBoundMsg.template.code`). */
  code: opt(LooseString),
  name: opt(LooseString),
  lang: opt(LooseString),
  title: opt(LooseString),
  desc: opt(LooseString),
  header: opt(LooseString),
  body: opt(LooseString),
  footer: opt(LooseString),
  /** The template text, when `body` is absent. */
  template: opt(LooseString),
  category: opt(LooseString),
  categoryType: opt(LooseString),
  contactType: opt(LooseString),
  formatType: opt(LooseString),
  createdBy: opt(LooseString),
  createdStamp: opt(VendorTimestamp),
  approved: listOf(ApprovedChannelSchema),
  attachments: listOf(AttachmentSchema),
  meta: opt(v.unknown()),
  model: opt(v.unknown()),
  options: opt(v.unknown()),
});
/** A configured HSM template. */
export type HSMTemplateDoc = v.InferOutput<typeof HSMTemplateDocSchema>;

/** The part of an HSM template's free-form `options` that carries its buttons (`TmplElement`s). */
export const HSMTemplateOptionsSchema = v.looseObject({
  buttons: listOf(v.looseObject({ type: opt(LooseString), label: opt(LooseString), name: opt(LooseString), url: opt(LooseString), phone: opt(LooseString) })),
});

/** The client app a webhook URL was set on (`ClientApp`). */
export const ClientAppSchema = v.looseObject({
  id: opt(LooseString),
  webhook: opt(LooseString),
  appHook: opt(LooseString),
  appHookFrwrd: opt(LooseString),
  appMode: opt(LooseString),
  appType: opt(LooseString),
  queue: opt(LooseString),
  type: opt(LooseString),
  forward: opt(LooseString),
  keyName: opt(LooseString),
  keyVersion: opt(LooseString),
  agentApp: opt(LooseBoolean),
  feedbackApp: opt(LooseBoolean),
  readOnly: opt(LooseBoolean),
  shared: opt(LooseBoolean),
  config: opt(JsonObject),
  props: opt(JsonObject),
});
/** The client app a webhook URL was set on. */
export type ClientApp = v.InferOutput<typeof ClientAppSchema>;

/** Query of `config.listChannels()`. */
export const ListChannelsQuerySchema = v.strictObject({
  /** Include sandbox channels. */
  sandbox: v.optional(v.boolean()),
});
/** Query of `config.listChannels()`. */
export type ListChannelsQuery = v.InferInput<typeof ListChannelsQuerySchema>;

/** Query of `config.globalVars()`. */
export const GlobalVarsQuerySchema = v.strictObject({
  channelId: v.optional(v.pipe(v.string(), v.nonEmpty('must not be empty'))),
});
/** Query of `config.globalVars()`. */
export type GlobalVarsQuery = v.InferInput<typeof GlobalVarsQuerySchema>;

/** Query of `config.listTemplates()`. */
export const ListTemplatesQuerySchema = v.strictObject({
  /** Only templates approved for this channel. */
  channelId: v.optional(v.pipe(v.string(), v.nonEmpty('must not be empty'))),
  /** Only templates whose approval on the channel has this status. */
  channelStatus: v.optional(v.pipe(v.string(), v.nonEmpty('must not be empty'))),
});
/** Query of `config.listTemplates()`. */
export type ListTemplatesQuery = v.InferInput<typeof ListTemplatesQuerySchema>;

/** Body of `POST /config/webhook` (`WebhookUrlRequest`). */
export const WebhookUrlRequestSchema = v.strictObject({
  url: v.pipe(v.string('must be a string'), v.url('must be an absolute URL')),
});
/** Body of `config.setWebhook()`. */
export type WebhookUrlRequest = v.InferInput<typeof WebhookUrlRequestSchema>;
