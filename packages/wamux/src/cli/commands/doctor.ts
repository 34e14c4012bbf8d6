import {
  hasFeature,
  INTERACTIVE_KINDS,
  isSecretKey,
  isWamuxError,
  OUTBOUND_MESSAGE_TYPES,
  PROVIDER_FEATURES,
  redactText,
  type Provider,
  type ProviderCapabilities,
} from '@wamux/core/adapter';
import { parseCommandLine, type Command } from '../command';
import { errorLine } from '../errors';
import { out, outJson } from '../io';
import { openResolved, resolveTarget, type OpenTarget, type ResolvedTarget } from '../target';
import { TARGET_OPTIONS, TARGET_USAGE } from '../target-flags';
import { checkRedis, redisTarget } from '../redis-check';

const OPTIONS = { ...TARGET_OPTIONS, json: { type: 'boolean' } } as const;

const USAGE = `Usage: wamux doctor [--json]

Checks the configuration (where each option comes from; secret values are
never shown), creates the provider, makes one cheap read-only call to check
the credentials (listTemplates limit 1, else listMessages limit 1, else a
download of a media id that does not exist, where "not found" means the
credentials were accepted) and prints the provider's capabilities. With a
Redis URL (the config's "redis", or WAMUX_REDIS_URL), also checks that
Redis answers. Exits 1 when the config is invalid or a check fails.

${TARGET_USAGE}`;

/** The result of the credentials check. */
interface CheckResult {
  call: string;
  ok: boolean;
  detail: string;
}

/** `wamux doctor`. */
export const doctorCommand: Command = {
  name: 'doctor',
  summary: 'Check the config and credentials with one cheap call; print the capabilities',
  usage: USAGE,
  async run(args) {
    const { values } = parseCommandLine(args, OPTIONS);
    const resolved = await resolveTarget(values, process.env, process.cwd());
    const options = describeOptions(resolved);
    let target: OpenTarget | undefined;
    let configError: string | undefined;
    try {
      target = await openResolved(resolved);
    } catch (error) {
      configError = errorLine(error).replace(/^wamux: /, '');
    }
    try {
      const check = target ? await probe(target.provider) : undefined;
      const redisUrl = redisTarget(resolved, process.env);
      const redis = redisUrl === undefined ? undefined : await checkRedis(redisUrl);
      const report = {
        provider: resolved.provider,
        source: resolved.kind === 'configured' ? resolved.source : `built-in ${resolved.provider} emulator`,
        options,
        config: configError ?? 'ok',
        check,
        redis,
        capabilities: target?.provider.capabilities,
      };
      if (values.json) outJson(report);
      else printReport(report);
      return configError !== undefined || (check !== undefined && !check.ok) || (redis !== undefined && !redis.ok) ? 1 : 0;
    } finally {
      await target?.close();
    }
  },
};

/** Each option's origin and, when it cannot be a secret, its value. */
function describeOptions(target: ResolvedTarget): Record<string, { from: string; value: string }> {
  if (target.kind === 'local') return {};
  const { provider: _provider, ...config } = target.config as Record<string, unknown>;
  const out: Record<string, { from: string; value: string }> = {};
  for (const [key, from] of Object.entries(target.origins)) {
    const value = key in config ? config[key] : from.startsWith('env ') ? process.env[from.slice(4)] : undefined;
    out[key] = { from, value: shown(key, value) };
  }
  return out;
}

/** Options whose string values identify an account without being a secret: shown as they are. */
const SHOWN_STRINGS: ReadonlySet<string> = new Set(['integrationId', 'channelId', 'phoneNumberId', 'wabaId', 'stack', 'username', 'email', 'defaultCountry']);

/**
 * How doctor shows an option's value, the same whatever its source (a
 * config file holds `42`, the environment `"42"`): a credential is always
 * `(set)`; URLs are shown scrubbed; numbers, booleans, plain objects of
 * them and account identifiers are shown; any other string is `(set)`.
 */
export function shown(key: string, value: unknown): string {
  if (isSecretKey(key) || /(secret|token|password|key|apiid)$/i.test(key)) return '(set)';
  if (typeof value === 'string') return /url$/i.test(key) ? redactText(value) : SHOWN_STRINGS.has(key) ? value : '(set)';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object' && value !== null && Object.values(value).every((v) => typeof v === 'number' || typeof v === 'boolean'))
    return JSON.stringify(value);
  return '(set)';
}

/** One cheap read-only call that needs valid credentials. */
async function probe(provider: Provider): Promise<CheckResult> {
  const started = Date.now();
  const ms = () => `${Date.now() - started} ms`;
  const attempt = async (call: string, run: () => Promise<void>, acceptNotFound = false): Promise<CheckResult> => {
    try {
      await run();
      return { call, ok: true, detail: `answered in ${ms()}` };
    } catch (error) {
      if (acceptNotFound && isWamuxError(error) && error.code === 'not_found')
        return { call, ok: true, detail: `credentials accepted (not found, as expected) in ${ms()}` };
      return { call, ok: false, detail: errorLine(error).replace(/^wamux: /, '') };
    }
  };
  const caps = provider.capabilities;
  if (hasFeature(caps, 'templates.list'))
    return attempt('listTemplates (limit 1)', async () => void (await provider.listTemplates({ limit: 1 })[Symbol.asyncIterator]().next()));
  if (hasFeature(caps, 'messages.history'))
    return attempt('listMessages (limit 1)', async () => void (await provider.listMessages({ limit: 1 })[Symbol.asyncIterator]().next()));
  if (hasFeature(caps, 'media.download'))
    return attempt('downloadMedia (an id that does not exist)', async () => void (await provider.downloadMedia('wamux-doctor-probe')), true);
  return { call: 'none', ok: true, detail: 'this provider offers no read-only call; credentials are checked by the first send' };
}

function printReport(report: {
  provider: string;
  source: string;
  options: Record<string, { from: string; value: string }>;
  config: string;
  check: CheckResult | undefined;
  redis: { ok: boolean; detail: string } | undefined;
  capabilities: ProviderCapabilities | undefined;
}): void {
  const rows: Array<[string, string] | string> = ['wamux doctor', ['provider', `${report.provider} (${report.source})`]];
  // The option values line up in their own column, and their sources in the next.
  const valueWidth = Math.max(0, ...Object.values(report.options).map(({ value }) => value.length));
  for (const [key, { from, value }] of Object.entries(report.options)) rows.push([key, `${value.padEnd(valueWidth)}  (${from})`]);
  rows.push([report.config === 'ok' ? '✓ config' : '✗ config', report.config === 'ok' ? 'valid' : report.config]);
  if (report.check) rows.push([report.check.ok ? '✓ credentials' : '✗ credentials', `${report.check.call}: ${report.check.detail}`]);
  if (report.redis) rows.push([report.redis.ok ? '✓ redis' : '✗ redis', report.redis.detail]);
  const caps = report.capabilities;
  if (caps) {
    const list = (all: readonly string[], has: readonly string[]) => all.map((item) => `${has.includes(item) ? '✓' : '·'} ${item}`).join('  ');
    rows.push(
      `capabilities of ${report.provider}`,
      ['outbound', list(OUTBOUND_MESSAGE_TYPES, caps.outbound)],
      ['interactive', list(INTERACTIVE_KINDS, caps.interactive)],
      ['media from', list(['url', 'id', 'data'], caps.mediaSources)],
      ['inbound', caps.inbound.join(' ')],
      ['statuses', caps.statuses.join(' ')],
      ['features', list(PROVIDER_FEATURES, caps.features)],
    );
  }
  // One label column for the whole report, as wide as its longest label.
  const width = Math.max(...rows.map((row) => (typeof row === 'string' ? 0 : row[0].length))) + 2;
  for (const row of rows) out(typeof row === 'string' ? row : `  ${row[0].padEnd(width)}${row[1]}`);
}
