import {
  createWebhookHandler,
  customerKey,
  deliveryOf,
  isWamuxError,
  OutboundMessageSchema,
  parseInput,
  SPECIFICATION_VERSION,
  StoreUnavailableError,
  UnsupportedFeatureError,
  unsupportedFeature,
  type CallOptions,
  type HistoryQuery,
  type ListOptions,
  type OutboundMessage,
  type Provider,
  type ProviderFeature,
  type SendResult,
  type WamuxError,
  type WebhookEvent,
  type WebhookHandler,
  type WebhookHandlerOptions,
  type WebhookParseResult,
} from '@wamux/core/adapter';
import { EventEmitter } from 'eventemitter3';
import { createBreaker, type Breaker, type CircuitState } from './breaker';
import { mediaIdOf, referencedMessageId, unionCapabilities } from './capabilities';
import { readOptions, type Member, type RouterOptions } from './options';
import { attemptOrder, createPicker } from './order';
import { createMemoryRouteStore } from './route-store';

/** What `router.send()` returns: the provider's result, and which provider sent it. */
export interface RoutedSendResult extends SendResult {
  /** The member name of the provider that sent the message. */
  provider: string;
}

/** The state of one provider of a router. */
export interface RouteHealth {
  /** Its member name. */
  provider: string;
  /** `up` (closed), `down` (open) or `probing` (half-open: the next send is a trial). */
  state: CircuitState;
  /** Consecutive provider failures since its last success. */
  failures: number;
  /** When `down`: when the trial send becomes possible. */
  retryAt?: Date | undefined;
}

/** Events of a router (eventemitter3). */
export interface RouterEvents {
  /** A provider's circuit opened: it is skipped while another can send, until `retryAt`. */
  provider_down: (event: { provider: string; error: WamuxError | Error; retryAt: Date }) => void;
  /** A provider's circuit closed again after a successful send. */
  provider_up: (event: { provider: string }) => void;
  /** A send was not sent by `from` (`delivery: 'not_sent'`) and goes to `to`. */
  failover: (event: { from: string; to: string; error: WamuxError | Error }) => void;
  /** The route store failed; the router went on without it. */
  error: (error: StoreUnavailableError) => void;
}

/** A router: a {@link Provider} in front of several, plus what only a router has. */
export interface Router extends Provider {
  send(message: OutboundMessage, options?: CallOptions): Promise<RoutedSendResult>;
  /** Every member name, in configured order. */
  readonly providers: readonly string[];
  /** The member named `name` (to call it directly). Throws for an unknown name. */
  provider(name: string): Provider;
  /** The circuit of every member, in configured order. */
  health(): RouteHealth[];
  /**
   * A webhook handler for the member named `name`: mount one per vendor, at
   * the URL configured at that vendor. The router learns from it which
   * provider owns each conversation and message (for `markRead`, replies).
   */
  webhookHandler(name: string, options?: WebhookHandlerOptions): WebhookHandler;
  on<E extends keyof RouterEvents>(event: E, listener: RouterEvents[E]): this;
  once<E extends keyof RouterEvents>(event: E, listener: RouterEvents[E]): this;
  off<E extends keyof RouterEvents>(event: E, listener?: RouterEvents[E]): this;
}

/** Errors after which the same message would fail the same way anywhere, or the caller stopped it. */
const NOT_FAILED_OVER = new Set(['validation_failed', 'aborted', 'configuration_invalid']);

const customerRoute = (address: string) => `customer:${customerKey(address)}`;
const messageRoute = (id: string) => `message:${id}`;
const mediaRoute = (id: string) => `media:${id}`;

/**
 * Creates a router: one {@link Provider} in front of several.
 *
 * ```ts
 * const router = createRouter({ providers: [desk360, getchat], strategy: 'failover' });
 * await router.send({ type: 'text', to: '+905551112233', text: 'Hello' });
 * ```
 *
 * A message goes only to providers that can carry it (else
 * `UnsupportedFeatureError` before any I/O), first to the provider that owns
 * the customer's conversation, else to the strategy's pick. It is offered to
 * the next provider only when the error says it was `not_sent`; an
 * `unknown` outcome is thrown to the caller and never sent elsewhere. A
 * template message fails over only to providers listed for it in
 * `templates`. Each provider has a circuit breaker (`health()`,
 * `provider_down`, `provider_up`). See docs/routing.md.
 */
export function createRouter(options: RouterOptions): Router {
  const { members } = readOptions(options);
  const routerName = options.name ?? 'router';
  const clock = options.clock ?? Date.now;
  const store = options.store ?? createMemoryRouteStore();
  const sticky = options.sticky ?? true;
  const picker = createPicker(options.strategy ?? 'failover', options.random ?? Math.random);
  const breakers = new Map<Member, Breaker>(members.map((member) => [member, createBreaker(options.breaker ?? {}, clock)]));
  const byName = new Map(members.map((member) => [member.name, member]));
  const webhookMember = byName.get(options.webhookProvider ?? '') ?? (members[0] as Member);
  const emitter = new EventEmitter<RouterEvents>();
  const capabilities = unionCapabilities(members.map((member) => member.provider.capabilities));

  const breakerOf = (member: Member) => breakers.get(member) as Breaker;
  const storeFailed = (cause: unknown) => {
    emitter.emit(
      'error',
      new StoreUnavailableError('the route store failed; the router went on without conversation stickiness', { provider: routerName, store: 'route', cause }),
    );
  };
  const recall = async (key: string): Promise<Member | undefined> => {
    try {
      const name = await store.get(key);
      return name === undefined ? undefined : byName.get(name);
    } catch (error) {
      storeFailed(error);
      return undefined;
    }
  };
  const remember = async (entries: ReadonlyArray<readonly [string, Member]>): Promise<void> => {
    try {
      for (const [key, member] of entries) await store.set(key, member.name);
    } catch (error) {
      storeFailed(error);
    }
  };
  const succeeded = (member: Member) => {
    const change = breakerOf(member).success();
    if (change?.to === 'up') emitter.emit('provider_up', { provider: member.name });
  };
  const failed = (member: Member, error: unknown) => {
    const change = breakerOf(member).failure(isWamuxError(error) ? error : {});
    if (change?.to === 'down') emitter.emit('provider_down', { provider: member.name, error: error as Error, retryAt: change.retryAt as Date });
  };
  const unsupported = (what: string): never => {
    throw new UnsupportedFeatureError(what, { provider: routerName });
  };
  /** Members declaring `feature`, the conversation's owner first, then those whose circuit is closed. */
  const holders = (feature: ProviderFeature, owner?: Member): Member[] => {
    const all = members.filter((member) => member.provider.capabilities.features.includes(feature));
    if (all.length === 0) unsupported(feature);
    const up = all.filter((member) => breakerOf(member).available());
    const ordered = [...up, ...all.filter((member) => !up.includes(member))];
    return owner !== undefined && all.includes(owner) ? [owner, ...ordered.filter((m) => m !== owner)] : ordered;
  };
  /** Runs a non-send operation on one member, recording its outcome in the breaker. */
  const call = async <T>(member: Member, run: (provider: Provider) => Promise<T>): Promise<T> => {
    breakerOf(member).begin();
    try {
      const result = await run(member.provider);
      succeeded(member);
      return result;
    } catch (error) {
      failed(member, error);
      throw error;
    }
  };
  /** Records what a webhook delivery says about who owns which conversation, message and media. */
  const learn = async (member: Member, events: readonly WebhookEvent[]): Promise<void> => {
    const entries: Array<readonly [string, Member]> = [];
    for (const event of events) {
      if (event.type !== 'message') continue;
      const { message } = event;
      entries.push([messageRoute(message.id), member]);
      // Every identifier the customer came with: a reply goes to `from` (the phone number when known), a store keyed by BSUID asks by BSUID.
      if (sticky) {
        const ids = new Set([message.from, message.customer.phone, message.customer.bsuid, message.customer.parentBsuid]);
        for (const id of ids) if (id !== undefined) entries.push([customerRoute(id), member]);
      }
      const media = (message.content as { media?: { id?: unknown } }).media;
      if (typeof media?.id === 'string') entries.push([mediaRoute(media.id), member]);
    }
    if (entries.length > 0) await remember(entries);
  };
  const learning = (member: Member): Provider => {
    const wrapped: Provider = Object.create(member.provider) as Provider;
    return Object.assign(wrapped, {
      async parseWebhook(request: Parameters<Provider['parseWebhook']>[0]): Promise<WebhookParseResult> {
        const result = await member.provider.parseWebhook(request);
        await learn(member, result.events);
        return result;
      },
    });
  };
  /** The template fields each member knows the message's template by, or `undefined` when it is not mapped. */
  const templateKey = (message: OutboundMessage) => (message.type === 'template' ? (message.template.name ?? message.template.id) : undefined);
  const templateRoutes = (message: OutboundMessage) => {
    const key = templateKey(message);
    return key === undefined ? undefined : options.templates?.[key];
  };

  const send = async (input: OutboundMessage, callOptions?: CallOptions): Promise<RoutedSendResult> => {
    const message = parseInput(OutboundMessageSchema, input, { root: 'message', provider: routerName });
    let capable = members.filter((member) => unsupportedFeature(message, member.provider.capabilities) === undefined);
    if (capable.length === 0) unsupported(unsupportedFeature(message, capabilities) ?? `this ${message.type} message on any of its providers`);
    // A media id or a message id names something in one vendor's store: only that vendor can send it.
    const mediaId = mediaIdOf(message);
    const pinned =
      (mediaId !== undefined ? await recall(mediaRoute(mediaId)) : undefined) ??
      (referencedMessageId(message) !== undefined ? await recall(messageRoute(referencedMessageId(message) as string)) : undefined);
    if (pinned !== undefined) {
      if (!capable.includes(pinned)) unsupported(`this message on ${pinned.name}, the provider that holds what it refers to`);
      capable = [pinned];
    }
    const routes = templateRoutes(message);
    if (routes !== undefined) {
      capable = capable.filter((member) => routes[member.name] !== undefined);
      if (capable.length === 0) unsupported(`template "${templateKey(message) ?? ''}" on any provider that can carry it (see the router's templates option)`);
    }
    const owner = sticky ? await recall(customerRoute(message.to)) : undefined;
    const order = attemptOrder({ message, capable, available: (member) => breakerOf(member).available(), owner, picker });
    // A template the router has no mapping for is known at one provider at most: never failed over.
    const attempts = message.type === 'template' && routes === undefined ? order.slice(0, 1) : order;
    let lastError: unknown;
    for (const [index, member] of attempts.entries()) {
      const routed =
        routes?.[member.name] !== undefined && message.type === 'template'
          ? { ...message, template: { ...message.template, ...routes[member.name] } }
          : message;
      breakerOf(member).begin();
      try {
        const result = await member.provider.send(routed as OutboundMessage, callOptions ?? {});
        succeeded(member);
        const entries: Array<readonly [string, Member]> = [[messageRoute(result.id), member]];
        if (sticky) entries.push([customerRoute(message.to), member]);
        await remember(entries);
        return { ...result, provider: member.name };
      } catch (error) {
        failed(member, error);
        lastError = error;
        const code = isWamuxError(error) ? error.code : undefined;
        const next = attempts[index + 1];
        if (
          deliveryOf(error) !== 'not_sent' ||
          (code !== undefined && NOT_FAILED_OVER.has(code)) ||
          callOptions?.signal?.aborted === true ||
          next === undefined
        )
          throw error;
        emitter.emit('failover', { from: member.name, to: next.name, error: error as Error });
      }
    }
    throw lastError;
  };

  const router: Router = {
    specificationVersion: SPECIFICATION_VERSION,
    name: routerName,
    capabilities,
    providers: members.map((member) => member.name),
    send,
    parseWebhook: async (request) => {
      const result = await webhookMember.provider.parseWebhook(request);
      await learn(webhookMember, result.events);
      return result;
    },
    // The subscription handshake belongs to the provider that receives the webhooks.
    verifySubscription: (request) => webhookMember.provider.verifySubscription(request),
    async uploadMedia(media, callOptions) {
      const [member] = holders('media.upload');
      const uploaded = await call(member as Member, (provider) => provider.uploadMedia(media, callOptions));
      await remember([[mediaRoute(uploaded.id), member as Member]]);
      return uploaded;
    },
    async downloadMedia(mediaId, callOptions) {
      const owner = typeof mediaId === 'string' ? await recall(mediaRoute(mediaId)) : undefined;
      const [member] = holders('media.download', owner);
      return call(member as Member, (provider) => provider.downloadMedia(mediaId, callOptions));
    },
    async markRead(messageId, callOptions) {
      const owner = typeof messageId === 'string' ? await recall(messageRoute(messageId)) : undefined;
      const [member] = holders('messages.markRead', owner);
      return call(member as Member, (provider) => provider.markRead(messageId, callOptions));
    },
    listTemplates(listOptions?: ListOptions) {
      const [member] = holders('templates.list');
      return (member as Member).provider.listTemplates(listOptions);
    },
    async sendTemplateBulk(request, callOptions) {
      const [member] = holders('templates.bulkSend');
      return call(member as Member, (provider) => provider.sendTemplateBulk(request, callOptions));
    },
    listMessages(query?: HistoryQuery) {
      const [first] = holders('messages.history');
      return (async function* () {
        const owner = typeof query?.contact === 'string' && sticky ? await recall(customerRoute(query.contact)) : undefined;
        const member = owner?.provider.capabilities.features.includes('messages.history') ? owner : (first as Member);
        yield* member.provider.listMessages(query);
      })();
    },
    async close() {
      const results = await Promise.allSettled(members.map((member) => member.provider.close()));
      const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
      if (failure !== undefined) throw failure.reason;
    },
    provider(name: string) {
      const member = byName.get(name);
      if (member === undefined) throw new RangeError(`no provider of the router is named "${name}"`);
      return member.provider;
    },
    health: () =>
      members.map((member) => {
        const breaker = breakerOf(member);
        const state = breaker.state();
        return { provider: member.name, state, failures: breaker.failures(), ...(state === 'down' ? { retryAt: breaker.retryAt() } : {}) };
      }),
    webhookHandler(name: string, handlerOptions?: WebhookHandlerOptions) {
      const member = byName.get(name);
      if (member === undefined) throw new RangeError(`no provider of the router is named "${name}"`);
      return createWebhookHandler(learning(member), handlerOptions);
    },
    on<E extends keyof RouterEvents>(event: E, listener: RouterEvents[E]) {
      emitter.on(event, listener as never);
      return this;
    },
    once<E extends keyof RouterEvents>(event: E, listener: RouterEvents[E]) {
      emitter.once(event, listener as never);
      return this;
    },
    off<E extends keyof RouterEvents>(event: E, listener?: RouterEvents[E]) {
      emitter.off(event, listener as never);
      return this;
    },
  };
  return router;
}
