-- A response arrived for slot ARGV[1], reservation ARGV[2]: the slot's time becomes now (the server counted the
-- request somewhere between its start and now), unless a later reservation already holds the slot. ARGV[3] is the
-- window, ARGV[4] a pause for the whole fleet (HubSpot answered 429), both in microseconds.
if redis.replicate_commands then
  redis.replicate_commands()
end
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000000 + tonumber(clock[2])
local pause = tonumber(ARGV[4])
if pause > 0 then
  local until_ = now + pause
  local paused = tonumber(redis.call('HGET', KEYS[1], 'pause'))
  if paused == nil or until_ > paused then
    redis.call('HSET', KEYS[1], 'pause', string.format('%.0f', until_))
    local ttl = redis.call('PTTL', KEYS[1])
    if ttl < math.ceil(pause / 1000) + 1000 then
      redis.call('PEXPIRE', KEYS[1], math.ceil(pause / 1000) + 1000)
    end
  end
end
if redis.call('HGET', KEYS[1], 'h' .. ARGV[1]) ~= ARGV[2] then
  return 0
end
local current = tonumber(redis.call('HGET', KEYS[1], 't' .. ARGV[1]))
if current == nil or now <= current then
  return 0
end
redis.call('HSET', KEYS[1], 't' .. ARGV[1], string.format('%.0f', now))
local ttl = redis.call('PTTL', KEYS[1])
local needed = math.ceil(2 * tonumber(ARGV[3]) / 1000)
if ttl < needed then
  redis.call('PEXPIRE', KEYS[1], needed)
end
return 1
