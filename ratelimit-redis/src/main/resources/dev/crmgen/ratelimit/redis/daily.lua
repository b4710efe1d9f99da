-- Records HubSpot's daily budget (ARGV[1] limit, ARGV[2] remaining) in the hash KEYS[1]. Responses from several
-- processes arrive out of order, so a lower remaining count always wins; a higher one (the budget was reset) only
-- once the stored count has not been confirmed for ARGV[3] milliseconds.
if redis.replicate_commands then
  redis.replicate_commands()
end
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
local remaining = tonumber(ARGV[2])
local stored = tonumber(redis.call('HGET', KEYS[1], 'remaining'))
local at = tonumber(redis.call('HGET', KEYS[1], 'at'))
if stored ~= nil and at ~= nil and remaining > stored and now - at < tonumber(ARGV[3]) then
  return 0
end
redis.call('HSET', KEYS[1], 'limit', ARGV[1], 'remaining', ARGV[2], 'at', string.format('%.0f', now))
redis.call('PEXPIRE', KEYS[1], 86400000)
return 1
