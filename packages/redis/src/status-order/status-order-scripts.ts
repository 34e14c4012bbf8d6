import { DELIVERY_STATUSES, STATUS_BITS } from '@wamux/core/adapter';
import { luaScript } from '../client/script';

/**
 * Core's `statusBehind`, in Lua, from the same bit table, so Redis and the
 * in-memory store decide alike (the shared contract suite runs both).
 * One hash per message: `reached` (the mask of completed statuses), and per
 * claim in flight `c:<status>` (its token) and `x:<status>` (its lease end, ms).
 */
const PRELUDE = `
local BITS = { ${DELIVERY_STATUSES.map((status) => `${status} = ${STATUS_BITS[status]}`).join(', ')} }
local PROGRESS = { 'queued', 'sent', 'delivered', 'read', 'played' }
local RANK = { queued = 1, sent = 2, delivered = 3, read = 4, played = 5 }

local function behind(status, mask)
  if status == 'deleted' then return nil end
  local furthest = 0
  for i = #PROGRESS, 1, -1 do
    if bit.band(mask, BITS[PROGRESS[i]]) ~= 0 then furthest = i break end
  end
  if status == 'failed' then
    if furthest >= RANK.read then return PROGRESS[furthest] end
    return nil
  end
  if furthest > RANK[status] then return PROGRESS[furthest] end
  if bit.band(mask, BITS.failed) ~= 0 and RANK[status] <= RANK.sent then return 'failed' end
  return nil
end
`;

/**
 * ARGV = status, token, lease (ms), ttl (ms), now ('' for the server's).
 * Returns { 'claimed' } | { 'in_flight' } | { 'done' } | { 'stale', current }.
 */
export const CLAIM = luaScript(`${PRELUDE}
local status, token = ARGV[1], ARGV[2]
local now
if ARGV[5] ~= '' then
  now = tonumber(ARGV[5])
else
  if redis.replicate_commands then redis.replicate_commands() end
  local time = redis.call('TIME')
  now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
end
local fields = redis.call('HGETALL', KEYS[1])
local reached = 0
local tokens, ends = {}, {}
for i = 1, #fields, 2 do
  local name, value = fields[i], fields[i + 1]
  if name == 'reached' then
    reached = tonumber(value)
  elseif string.sub(name, 1, 2) == 'c:' then
    tokens[string.sub(name, 3)] = value
  elseif string.sub(name, 1, 2) == 'x:' then
    ends[string.sub(name, 3)] = tonumber(value)
  end
end
if bit.band(reached, BITS[status]) ~= 0 then return { 'done' } end
local in_flight = 0
for claimed, held in pairs(tokens) do
  if (ends[claimed] or 0) > now then
    if claimed == status then
      -- Our own token: an earlier attempt of this call reached Redis and its answer was lost.
      if held == token then return { 'claimed' } end
      return { 'in_flight' }
    end
    in_flight = bit.bor(in_flight, BITS[claimed])
  else
    redis.call('HDEL', KEYS[1], 'c:' .. claimed, 'x:' .. claimed)
  end
end
local current = behind(status, bit.bor(reached, in_flight))
if current then return { 'stale', current } end
-- One status of a message at a time: this one waits for the one being processed.
if in_flight ~= 0 then return { 'in_flight' } end
redis.call('HSET', KEYS[1], 'c:' .. status, token, 'x:' .. status, string.format('%d', now + tonumber(ARGV[3])))
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return { 'claimed' }
`);

/** ARGV = status, token, ttl (ms). Marks the status reached, unless another caller took it over. */
export const COMPLETE = luaScript(`${PRELUDE}
local status, token = ARGV[1], ARGV[2]
local held = redis.call('HGET', KEYS[1], 'c:' .. status)
if held and held ~= token then return 0 end
redis.call('HDEL', KEYS[1], 'c:' .. status, 'x:' .. status)
local reached = tonumber(redis.call('HGET', KEYS[1], 'reached') or '0')
redis.call('HSET', KEYS[1], 'reached', bit.bor(reached, BITS[status]))
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1
`);

/** ARGV = status, token. Forgets the claim, for its holder only. */
export const RELEASE = luaScript(`
if redis.call('HGET', KEYS[1], 'c:' .. ARGV[1]) == ARGV[2] then
  return redis.call('HDEL', KEYS[1], 'c:' .. ARGV[1], 'x:' .. ARGV[1])
end
return 0
`);
