-- Reserves one request slot in a ring of ARGV[1] slots kept in the hash KEYS[1]; ARGV[2] is the window in
-- microseconds. A slot starts no earlier than one window after the time of the slot it replaces, so no window
-- holds more than ARGV[1] slots. Times come from the Redis server's clock, the one clock every process shares.
-- Returns {slot, reservation number, microseconds to wait}.
if redis.replicate_commands then
  redis.replicate_commands()
end
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000000 + tonumber(clock[2])
local permits = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local issued = redis.call('HINCRBY', KEYS[1], 'issued', 1) - 1
local slot = issued % permits
local start = now
if issued >= permits then
  local replaced = tonumber(redis.call('HGET', KEYS[1], 't' .. slot))
  if replaced and replaced + window > start then
    start = replaced + window
  end
end
-- %.0f: Lua's default number format would round microsecond times to six digits.
-- HubSpot refused a request of the fleet (429): nobody starts before the pause it asked for is over.
local paused = tonumber(redis.call('HGET', KEYS[1], 'pause'))
if paused and paused > start then
  start = paused
end
redis.call('HSET', KEYS[1], 't' .. slot, string.format('%.0f', start), 'h' .. slot, string.format('%.0f', issued))
redis.call('PEXPIRE', KEYS[1], math.ceil((start - now + 2 * window) / 1000))
return {slot, issued, start - now}
