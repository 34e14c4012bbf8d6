import { ConfigurationError, issueMessage, type OutboundMessage, type Provider, type TemplateSpec } from '@wamux/core/adapter';
import * as v from 'valibot';
import type { BreakerOptions } from './breaker';
import type { RouteStore } from './route-store';

/** A provider of a router under a name of its own (two accounts of one vendor need two names), with its weight. */
export interface RouteMember {
  /** The name the router knows it by (events, `health()`, `templates`, `webhookHandler`). Default `provider.name`. */
  name?: string | undefined;
  provider: Provider;
  /** Its share of sends under the `weighted` strategy. Default 1. */
  weight?: number | undefined;
}

/**
 * Picks the provider that gets a message first. `candidates` are the
 * providers that can carry the message and whose circuit is not open, in
 * configured order; the others remain the failover order.
 */
export type RouteChooser = (message: OutboundMessage, candidates: readonly Provider[]) => Provider | string | undefined;

/** How a router picks the provider that gets a message first. */
export type RouteStrategy = 'failover' | 'round-robin' | 'weighted' | RouteChooser;

/**
 * How one template is known at each provider, by router member name: the
 * fields that replace the message's (a vendor's template id, another name,
 * another language code). A template message fails over only to providers
 * listed here.
 */
export type TemplateRoutes = Readonly<Record<string, Partial<TemplateSpec>>>;

/** Options of `createRouter`. */
export interface RouterOptions {
  /** The providers, in order of preference. At least one; names must differ. */
  providers: ReadonlyArray<Provider | RouteMember>;
  /** Default `failover`. */
  strategy?: RouteStrategy | undefined;
  /** The router's `name`. Default `router`. */
  name?: string | undefined;
  /** Circuit breaker of each provider. */
  breaker?: BreakerOptions | undefined;
  /**
   * Templates by the name (or id) the app sends, then by member name. See
   * {@link TemplateRoutes}. A template not listed here goes to one provider
   * and is never failed over.
   */
  templates?: Readonly<Record<string, TemplateRoutes>> | undefined;
  /** Where conversation ownership is remembered. Default a bounded in-memory store (10 000 keys). */
  store?: RouteStore | undefined;
  /** Keep conversations with the provider that owns them. Default true. */
  sticky?: boolean | undefined;
  /** The member whose webhooks `parseWebhook()` parses. Default the first. */
  webhookProvider?: string | undefined;
  /** Milliseconds since the epoch (the breaker's cool-downs). Default `Date.now`. */
  clock?: (() => number) | undefined;
  /** A number in [0, 1) for the `weighted` strategy. Default `Math.random`. */
  random?: (() => number) | undefined;
}

const isProvider = (value: unknown): value is Provider =>
  typeof value === 'object' && value !== null && typeof (value as Provider).send === 'function' && typeof (value as Provider).name === 'string';

const Positive = v.pipe(v.number('must be a number'), v.finite('must be finite'), v.gtValue(0, 'must be greater than 0'));
const Fn = <T>() => v.custom<T>((value) => typeof value === 'function', 'must be a function');

const MemberSchema = v.union(
  [
    v.custom<Provider>(isProvider),
    v.object({
      name: v.optional(v.pipe(v.string('must be a string'), v.nonEmpty('must not be empty'))),
      provider: v.custom<Provider>(isProvider, 'must be a wamux Provider'),
      weight: v.optional(Positive),
    }),
  ],
  'must be a wamux Provider or { name?, provider, weight? }',
);

const OptionsSchema = v.object({
  providers: v.pipe(v.array(MemberSchema, 'must be an array of providers'), v.minLength(1, 'must name at least one provider')),
  strategy: v.optional(
    v.union([v.picklist(['failover', 'round-robin', 'weighted']), Fn<RouteChooser>()], "must be 'failover', 'round-robin', 'weighted' or a function"),
  ),
  name: v.optional(v.pipe(v.string('must be a string'), v.nonEmpty('must not be empty'))),
  breaker: v.optional(
    v.object({
      failureThreshold: v.optional(v.pipe(v.number('must be a number'), v.integer('must be a whole number'), v.minValue(1, 'must be at least 1'))),
      cooldown: v.optional(v.pipe(v.number('must be a number'), v.integer('must be a whole number of ms'), v.minValue(0, 'must not be negative'))),
    }),
  ),
  templates: v.optional(
    v.record(v.string(), v.record(v.string(), v.record(v.string(), v.unknown(), 'must be template fields'), 'must map member names to template fields')),
  ),
  store: v.optional(
    v.custom<RouteStore>(
      (value) =>
        typeof value === 'object' && value !== null && typeof (value as RouteStore).get === 'function' && typeof (value as RouteStore).set === 'function',
      'must have get and set',
    ),
  ),
  sticky: v.optional(v.boolean('must be true or false')),
  webhookProvider: v.optional(v.string('must be a string')),
  clock: v.optional(Fn<() => number>()),
  random: v.optional(Fn<() => number>()),
});

/** One provider of a router, as the router holds it. */
export interface Member {
  name: string;
  provider: Provider;
  weight: number;
  index: number;
}

/**
 * Checks the options and names the members; throws a `ConfigurationError`
 * naming the field at fault (`providers.1.name`, `templates.order_update.getchat`).
 */
export function readOptions(options: RouterOptions): { options: RouterOptions; members: Member[] } {
  const result = v.safeParse(OptionsSchema, options);
  if (!result.success) {
    const issue = result.issues[0];
    throw new ConfigurationError(v.getDotPath(issue) ?? '(options)', issueMessage(issue), { provider: 'router' });
  }
  const members = options.providers.map((entry, index): Member => {
    const member = isProvider(entry) ? { provider: entry } : entry;
    return { name: member.name ?? member.provider.name, provider: member.provider, weight: member.weight ?? 1, index };
  });
  const seen = new Set<string>();
  for (const member of members) {
    if (seen.has(member.name)) {
      throw new ConfigurationError(`providers.${member.index}.name`, `two providers are named "${member.name}"; give each a name ({ name, provider })`, {
        provider: 'router',
      });
    }
    seen.add(member.name);
  }
  for (const [template, routes] of Object.entries(options.templates ?? {})) {
    for (const name of Object.keys(routes)) {
      if (!seen.has(name))
        throw new ConfigurationError(`templates.${template}.${name}`, `no provider of the router is named "${name}"`, { provider: 'router' });
    }
  }
  if (options.webhookProvider !== undefined && !seen.has(options.webhookProvider)) {
    throw new ConfigurationError('webhookProvider', `no provider of the router is named "${options.webhookProvider}"`, { provider: 'router' });
  }
  return { options, members };
}
