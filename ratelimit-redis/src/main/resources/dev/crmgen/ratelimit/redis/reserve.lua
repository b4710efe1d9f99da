-- Reserves ARGV[3] consecutive request slots in a ring of ARGV[1] slots kept in the hash KEYS[1]; ARGV[2] is the
-- window in microseconds. A slot starts no earlier than one window after the time of the slot it replaces, so no
-- window holds more than ARGV[1] slots. Times come from the Redis server's clock, the one clock every process shares.
-- ARGV[4] is how long (microseconds) after its start a slot may still be used: the caller keeps the slots it does not
-- use at once as a lease, so each slot is timed as if used as late as that. ARGV[5], ARGV[6], ... are pairs of slot
-- and reservation number leased earlier and never used: their successors need not wait for them.
-- Returns {slot, reservation number, microseconds to wait} for each slot reserved, in order.
if redis.replicate_commands then
  redis.replicate_commands()
end
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000000 + tonumber(clock[2])
local permits = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local count = tonumber(ARGV[3])
local hold = tonumber(ARGV[4])
-- %.0f: Lua's default number format would round microsecond times to six digits.
for i = 5, #ARGV, 2 do
  if redis.call('HGET', KEYS[1], 'h' .. ARGV[i]) == ARGV[i + 1] then
    redis.call('HSET', KEYS[1], 't' .. ARGV[i], '0')
  end
end
-- HubSpot refused a request of the fleet (429): nobody starts before the pause it asked for is over.
local paused = tonumber(redis.call('HGET', KEYS[1], 'pause'))
local first = redis.call('HINCRBY', KEYS[1], 'issued', count) - count
local reply = {}
local latest = now
for issued = first, first + count - 1 do
  local slot = issued % permits
  local start = now
  if issued >= permits then
    local replaced = tonumber(redis.call('HGET', KEYS[1], 't' .. slot))
    if replaced and replaced + window > start then
      start = replaced + window
    end
  end
  if paused and paused > start then
    start = paused
  end
  local timed = string.format('%.0f', start + hold)
  redis.call('HSET', KEYS[1], 't' .. slot, timed, 'h' .. slot, string.format('%.0f', issued))
  reply[#reply + 1] = slot
  reply[#reply + 1] = issued
  reply[#reply + 1] = start - now
  if start > latest then
    latest = start
  end
end
redis.call('PEXPIRE', KEYS[1], math.ceil((latest + hold - now + 2 * window) / 1000))
return reply
