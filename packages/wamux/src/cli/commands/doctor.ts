import { hasFeature, INTERACTIVE_KINDS, isWamuxError, OUTBOUND_MESSAGE_TYPES, PROVIDER_FEATURES, redactText, type Provider, type ProviderCapabilities } from '@wamux/core';
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

/** URLs (scrubbed), numbers, booleans and plain objects of them are shown; other strings only as "set". */
function shown(key: string, value: unknown): string {
  if (typeof value === 'string') return /url$/i.test(key) ? redactText(value) : '(set)';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object' && value !== null && Object.values(value).every((v) => typeof v === 'number' || typeof v === 'boolean')) return JSON.stringify(value);
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
      if (acceptNotFound && isWamuxError(error) && error.code === 'not_found') return { call, ok: true, detail: `credentials accepted (not found, as expected) in ${ms()}` };
      return { call, ok: false, detail: errorLine(error).replace(/^wamux: /, '') };
    }
  };
  const caps = provider.capabilities;
  if (hasFeature(caps, 'templates.list')) return attempt('listTemplates (limit 1)', async () => void (await provider.listTemplates({ limit: 1 })[Symbol.asyncIterator]().next()));
  if (hasFeature(caps, 'messages.history')) return attempt('listMessages (limit 1)', async () => void (await provider.listMessages({ limit: 1 })[Symbol.asyncIterator]().next()));
  if (hasFeature(caps, 'media.download')) return attempt('downloadMedia (an id that does not exist)', async () => void (await provider.downloadMedia('wamux-doctor-probe')), true);
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
  const row = (label: string, value: string) => out(`  ${label.padEnd(14)}${value}`);
  out('wamux doctor');
  row('provider', `${report.provider} (${report.source})`);
  for (const [key, { from, value }] of Object.entries(report.options)) row(key, `${value}  (${from})`);
  row(report.config === 'ok' ? '✓ config' : '✗ config', report.config === 'ok' ? 'valid' : report.config);
  if (report.check) row(report.check.ok ? '✓ credentials' : '✗ credentials', `${report.check.call}: ${report.check.detail}`);
  if (report.redis) row(report.redis.ok ? '✓ redis' : '✗ redis', report.redis.detail);
  const caps = report.capabilities;
  if (!caps) return;
  out(`capabilities of ${report.provider}`);
  const list = (all: readonly string[], has: readonly string[]) => all.map((item) => `${has.includes(item) ? '✓' : '·'} ${item}`).join('  ');
  row('outbound', list(OUTBOUND_MESSAGE_TYPES, caps.outbound));
  row('interactive', list(INTERACTIVE_KINDS, caps.interactive));
  row('media from', list(['url', 'id', 'data'], caps.mediaSources));
  row('inbound', caps.inbound.join(' '));
  row('statuses', caps.statuses.join(' '));
  row('features', list(PROVIDER_FEATURES, caps.features));
}
