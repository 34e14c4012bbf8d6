import { ConfigurationError, type OutboundMessage } from '@wamux/core/adapter';
import type { Member } from './options';
import type { RouteStrategy } from './options';

/** Picks the first member under a strategy; the router tries the rest in configured order. */
export interface StrategyPicker {
  first(message: OutboundMessage, candidates: readonly Member[]): Member | undefined;
}

/** Builds the picker of a strategy. `random` returns a number in [0, 1). */
export function createPicker(strategy: RouteStrategy, random: () => number): StrategyPicker {
  if (typeof strategy === 'function') {
    return {
      first(message, candidates) {
        if (candidates.length === 0) return undefined;
        const chosen = strategy(
          message,
          candidates.map((member) => member.provider),
        );
        if (chosen === undefined) return candidates[0];
        const member = candidates.find((m) => (typeof chosen === 'string' ? m.name === chosen : m.provider === chosen));
        if (member === undefined)
          throw new ConfigurationError('strategy', 'the custom strategy returned a provider that is not one of the candidates it was given', {
            provider: 'router',
          });
        return member;
      },
    };
  }
  switch (strategy) {
    case 'failover':
      return { first: (_message, candidates) => candidates[0] };
    case 'round-robin': {
      let turn = 0;
      return {
        first(_message, candidates) {
          if (candidates.length === 0) return undefined;
          const member = candidates[turn % candidates.length];
          turn = (turn + 1) % Number.MAX_SAFE_INTEGER;
          return member;
        },
      };
    }
    case 'weighted':
      return {
        first(_message, candidates) {
          const total = candidates.reduce((sum, member) => sum + member.weight, 0);
          let point = random() * total;
          for (const member of candidates) {
            point -= member.weight;
            if (point < 0) return member;
          }
          return candidates.at(-1);
        },
      };
  }
}

/**
 * The order in which a message is offered: the conversation's owner (when
 * it can take it), then the strategy's pick, then the other members whose
 * circuit is closed, in configured order, then those whose circuit is open
 * (a last resort: the breaker orders providers, it never refuses a send
 * that some provider might still take).
 */
export function attemptOrder(input: {
  message: OutboundMessage;
  capable: readonly Member[];
  available: (member: Member) => boolean;
  owner: Member | undefined;
  picker: StrategyPicker;
}): Member[] {
  const { capable, available, owner } = input;
  const up = capable.filter(available);
  const order: Member[] = [];
  if (owner !== undefined && up.includes(owner)) order.push(owner);
  const rest = up.filter((member) => member !== owner);
  if (order.length === 0) {
    const first = input.picker.first(input.message, rest);
    if (first !== undefined) order.push(first);
  }
  for (const member of rest) if (!order.includes(member)) order.push(member);
  for (const member of capable) if (!order.includes(member)) order.push(member);
  return order;
}
