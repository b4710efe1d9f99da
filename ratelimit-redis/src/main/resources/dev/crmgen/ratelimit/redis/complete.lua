-- A response arrived for slot ARGV[1], reservation ARGV[2]: the slot's time becomes now (the server counted the
-- request somewhere between its start and now), unless a later reservation already holds the slot.
if redis.replicate_commands then
  redis.replicate_commands()
end
if redis.call('HGET', KEYS[1], 'h' .. ARGV[1]) ~= ARGV[2] then
  return 0
end
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000000 + tonumber(clock[2])
local current = tonumber(redis.call('HGET', KEYS[1], 't' .. ARGV[1]))
if current == nil or now <= current then
  return 0
end
redis.call('HSET', KEYS[1], 't' .. ARGV[1], string.format('%.0f', now))
local ttl = redis.call('PTTL', KEYS[1])
local needed = math.ceil(2 * tonumber(ARGV[3]) / 1000)
if ttl >= 0 and ttl < needed then
  redis.call('PEXPIRE', KEYS[1], needed)
end
return 1
