import { createHash } from 'node:crypto';
import * as v from 'valibot';
import { isRouterConfig } from '../../router-config';
import { UsageError } from '../command';
import type { ResolvedTarget } from '../target';
import type { JournalEntry } from './journal';

// A journal says who was sent the message, and is worth only as much as
// "where": a recipient recorded as sent through an emulator, or through
// another account of the same vendor, has received nothing from this one.
// So each run line records the target, and a journal is resumed only
// against the target it was written for.

/** Where a bulk run sends: the provider, its API base URL and the sending account. */
export const JournalTargetSchema = v.object({
  provider: v.string(),
  baseUrl: v.string(),
  /** What identifies the sending account (`integrationId 42`, `channelId abc`), or a fingerprint of the credential when nothing else does. */
  account: v.optional(v.string()),
});

/** Where a bulk run sends (see {@link JournalTargetSchema}). */
export type JournalTarget = v.InferOutput<typeof JournalTargetSchema>;

/** Options that name the sending account without being a secret, in the order they are looked for. */
const ACCOUNT_OPTIONS = ['integrationId', 'channelId', 'phoneNumberId', 'wabaId', 'apiId', 'stack', 'username', 'email'] as const;
/** Credentials that identify the account when nothing else does; recorded only as a short fingerprint, never as they are. */
const CREDENTIAL_OPTIONS = ['apiKey', 'token', 'd360ApiKey'] as const;

/** The target of a resolved CLI target, as the journal records it. */
export function journalTargetOf(target: ResolvedTarget): JournalTarget {
  if (target.kind === 'local') return { provider: target.provider, baseUrl: `built-in ${target.provider} emulator` };
  if (isRouterConfig(target.config)) {
    // A router sends through each of its providers: all of them are the target.
    const members = target.config.router.providers.map((member) => accountTarget(String(member.provider), member as Record<string, unknown>));
    return {
      provider: `router(${members.map((m) => m.provider).join(',')})`,
      baseUrl: members.map((m) => m.baseUrl).join(' '),
      account: members.map((m) => m.account ?? '-').join(' '),
    };
  }
  return accountTarget(target.provider, target.options);
}

function accountTarget(provider: string, options: Record<string, unknown>): JournalTarget {
  const baseUrl = typeof options.baseUrl === 'string' ? options.baseUrl.replace(/\/+$/, '') : `${provider} default`;
  const named = ACCOUNT_OPTIONS.find((key) => isIdentifier(options[key]));
  if (named !== undefined) return { provider, baseUrl, account: `${named} ${String(options[named])}` };
  const credential = CREDENTIAL_OPTIONS.find((key) => typeof options[key] === 'string' && options[key] !== '');
  if (credential !== undefined)
    return { provider, baseUrl, account: `${credential} sha256:${createHash('sha256').update(String(options[credential])).digest('hex').slice(0, 12)}` };
  return { provider, baseUrl };
}

function isIdentifier(value: unknown): boolean {
  return (typeof value === 'string' && value !== '') || typeof value === 'number';
}

/** One line naming a target: `getchat at https://acme.getchat.app (integrationId 42)`. */
export function describeTarget(target: JournalTarget): string {
  return `${target.provider} at ${target.baseUrl}${target.account ? ` (${target.account})` : ''}`;
}

/** True when two targets are the same provider, base URL and account. */
export function sameTarget(a: JournalTarget, b: JournalTarget): boolean {
  return a.provider === b.provider && a.baseUrl === b.baseUrl && (a.account ?? '') === (b.account ?? '');
}

/**
 * The target a journal was written for, when it was written for another
 * than `current`: the first run line whose target differs, or whose target
 * is not recorded (an older journal: where it sent cannot be told).
 * `undefined` when the journal may be resumed.
 */
export function foreignTarget(entries: readonly JournalEntry[], current: JournalTarget): JournalTarget | 'unrecorded' | undefined {
  for (const entry of entries) {
    if (entry.type !== 'run') continue;
    if (entry.target === undefined) return 'unrecorded';
    if (!sameTarget(entry.target, current)) return entry.target;
  }
  // Sends recorded with no run line at all: a journal written by hand or truncated.
  if (entries.length > 0 && !entries.some((entry) => entry.type === 'run')) return 'unrecorded';
  return undefined;
}

/**
 * Refuses to resume a journal written for another target: the recipients
 * it records as sent got nothing from this one.
 */
export function refuseForeignJournal(entries: readonly JournalEntry[], current: JournalTarget, resultsPath: string): void {
  const foreign = foreignTarget(entries, current);
  if (foreign === undefined) return;
  const written = foreign === 'unrecorded' ? 'does not record where it sent (an older or hand-made journal)' : `was written for ${describeTarget(foreign)}`;
  throw new UsageError(
    `${resultsPath} ${written}, and this run sends to ${describeTarget(current)}: recipients it records as sent got nothing from this target. ` +
      'Pass --new-journal to start a new journal (the old one is kept beside it), or --results <file> for another file',
  );
}
