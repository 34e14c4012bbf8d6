import { luaScript } from '../client/script';

/**
 * The time a script runs at, in ms: the server's `TIME` (one clock for
 * every process, whatever their own clocks say), or the caller's when a
 * clock was injected (tests). Redis 5+ replicates a script's effects, not
 * the script, so reading `TIME` before writing is allowed; older servers
 * need `replicate_commands()`.
 */
const NOW = `
local now
if ARGV[#ARGV] ~= '' then
  now = tonumber(ARGV[#ARGV])
else
  if redis.replicate_commands then redis.replicate_commands() end
  local time = redis.call('TIME')
  now = tonumber(time[1]) * 1000 + tonumber(time[2]) / 1000
end
local state = redis.call('HMGET', KEYS[1], 'tat', 'blocked')
local tat = tonumber(state[1]) or 0
local blocked = tonumber(state[2]) or 0
`;

/** Keeps the bucket as long as it says anything: until its schedule and its pause are both in the past. */
const EXPIRE = `redis.call('PEXPIRE', KEYS[1], math.ceil(math.max(tat, blocked) - now) + 1000)`;

/**
 * GCRA take, the same arithmetic as core's `createMemoryRateLimitStore`:
 * ARGV = emission interval (ms), tolerance (ms), grid grace (ms: core's
 * `gridGrace(emission)`), now ('' for the server's: always the last).
 * Returns 0 (a token taken) or the ms until one will be there. The
 * theoretical arrival time is stored with 17 significant digits, so the
 * schedule does not drift by rounding.
 */
export const TAKE = luaScript(`${NOW}
if blocked > now then return math.ceil(blocked - now) end
local emission = tonumber(ARGV[1])
local allowed_at = tat - tonumber(ARGV[2])
if now >= allowed_at then
  if now - tat < tonumber(ARGV[3]) then
    tat = math.max(tat, allowed_at) + emission
  else
    tat = now + emission
  end
  redis.call('HSET', KEYS[1], 'tat', string.format('%.17g', tat))
  ${EXPIRE}
  return 0
end
local wait = math.ceil(allowed_at - now)
if wait < 1 then wait = 1 end
return wait
`);

/**
 * Holds the bucket empty for ARGV[1] ms from now (the caller's deadline,
 * made relative so that the callers' clocks do not matter), and restarts
 * its schedule at the end of the pause. ARGV[2]: now ('' for the server's).
 */
export const BLOCK = luaScript(`${NOW}
local until_ms = now + tonumber(ARGV[1])
if until_ms > blocked then blocked = until_ms end
if until_ms > tat then tat = until_ms end
redis.call('HSET', KEYS[1], 'tat', string.format('%.17g', tat), 'blocked', string.format('%.17g', blocked))
${EXPIRE}
return 0
`);
