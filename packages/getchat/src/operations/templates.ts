import * as v from 'valibot';
import type { GetchatContext } from '../client';
import { RefreshStatusWire, VendorTemplateWire, type GetchatRefreshStatus, type GetchatVendorTemplate } from '../wire/templates';
import { callOperation, callOperationIgnoringBody } from '../client/call';
import { parseArgs, requestSignal, type RequestOptions } from '../map/input';
import { PlainListOptionsInput } from './shared/plain-list';
import { listOperation, type ListOptions } from '../client/list';

/**
 * Template categories: the ones the document lists, and Meta's current
 * `MARKETING`, `UTILITY` and `AUTHENTICATION` (the document's list predates them).
 */
export const GETCHAT_TEMPLATE_CATEGORIES = [
  'ACCOUNT_UPDATE',
  'PAYMENT_UPDATE',
  'PERSONAL_FINANCE_UPDATE',
  'SHIPPING_UPDATE',
  'RESERVATION_UPDATE',
  'ISSUE_RESOLUTION',
  'APPOINTMENT_UPDATE',
  'TRANSPORTATION_UPDATE',
  'TICKET_UPDATE',
  'ALERT_UPDATE',
  'AUTO_REPLY',
  'MARKETING',
  'UTILITY',
  'AUTHENTICATION',
] as const;

/** A template category. */
export type GetchatTemplateCategory = (typeof GETCHAT_TEMPLATE_CATEGORIES)[number];

/**
 * One component of a new template, in Meta's format (see WhatsApp's "Message
 * Templates" documentation): `type` plus the fields that type needs, sent as given.
 */
export interface GetchatTemplateComponentInput {
  type: 'HEADER' | 'BODY' | 'FOOTER' | 'BUTTONS';
  [field: string]: unknown;
}

/** Fields of `templates.create`. */
export interface GetchatNewTemplateInput {
  /** Lower-case letters, digits and underscores (Meta's rule). */
  name: string;
  category: GetchatTemplateCategory;
  /** e.g. `en_US`. */
  language: string;
  /** Exactly one `BODY`; at most one `HEADER`, `FOOTER` and `BUTTONS`. */
  components: GetchatTemplateComponentInput[];
}

const TemplateName = v.pipe(
  v.string('must be a string'),
  v.regex(/^[a-z0-9_]+$/, 'must use lower-case letters, digits and underscores only'),
  v.maxLength(512, 'must be at most 512 characters'),
);
const Component = v.looseObject({ type: v.picklist(['HEADER', 'BODY', 'FOOTER', 'BUTTONS'], 'must be HEADER, BODY, FOOTER or BUTTONS') });
const NewTemplateInput = v.strictObject({
  name: TemplateName,
  category: v.picklist(GETCHAT_TEMPLATE_CATEGORIES, `must be one of ${GETCHAT_TEMPLATE_CATEGORIES.join(', ')}`),
  language: v.pipe(v.string('must be a string'), v.regex(/^[a-z]{2,3}(_[A-Za-z]{2,4})?$/, 'must be a language code such as en or en_US')),
  components: v.pipe(
    v.array(Component, 'must be an array of components'),
    v.check((components) => components.filter((component) => component.type === 'BODY').length === 1, 'must contain exactly one BODY component'),
    v.check((components) => new Set(components.map((component) => component.type)).size === components.length, 'must not repeat a component type'),
  ),
});

/** Templates: Meta message templates, proxied by get.chat. */
export interface GetchatTemplatesOperations {
  /**
   * `listTemplates` (`GET /templates/`): every template as get.chat stores it.
   * (`provider.listTemplates()` returns the same templates normalized.)
   */
  list(options?: ListOptions): AsyncGenerator<GetchatVendorTemplate, void, undefined>;
  /**
   * `createTemplate` (`POST /templates/`): submits a template for review.
   * Templates cannot be edited: delete one and create it again.
   */
  create(template: GetchatNewTemplateInput, options?: RequestOptions): Promise<GetchatVendorTemplate>;
  /**
   * `destroyTemplate` (`DELETE /templates/{name}/`, path inferred): deletes a template (every language of it).
   * @experimental The path of `destroyTemplate` is inferred (no public source): override it with the `paths` option if your inbox answers 404.
   */
  destroy(name: string, options?: RequestOptions): Promise<void>;
  /**
   * `issueTemplateRefreshRequest` (`POST /templates/refresh/issue/`): starts
   * reloading templates from WhatsApp unless a refresh is running (otherwise
   * they refresh every few hours). It can take minutes; poll {@link refreshStatus}.
   */
  refresh(options?: RequestOptions): Promise<void>;
  /** `checkTemplateRefreshStatus` (`GET /templates/refresh/status/`). */
  refreshStatus(options?: RequestOptions): Promise<GetchatRefreshStatus>;
}

/** Creates the `templates` namespace. */
export function createTemplatesOperations(ctx: GetchatContext): GetchatTemplatesOperations {
  return {
    list(options) {
      return listOperation(ctx, 'listTemplates', { item: VendorTemplateWire, options: parseArgs(PlainListOptionsInput, options, 'options') });
    },

    async create(template, options) {
      const input = parseArgs(NewTemplateInput, template, 'template');
      const signal = requestSignal(options);
      return callOperation(ctx, 'createTemplate', { json: input, schema: VendorTemplateWire, signal });
    },

    async destroy(name, options) {
      const templateName = parseArgs(TemplateName, name, 'name');
      const signal = requestSignal(options);
      await callOperationIgnoringBody(ctx, 'destroyTemplate', { params: { name: templateName }, signal });
    },

    async refresh(options) {
      const signal = requestSignal(options);
      await callOperationIgnoringBody(ctx, 'issueTemplateRefreshRequest', { json: {}, signal });
    },

    async refreshStatus(options) {
      const signal = requestSignal(options);
      return callOperation(ctx, 'checkTemplateRefreshStatus', { schema: RefreshStatusWire, signal });
    },
  };
}
