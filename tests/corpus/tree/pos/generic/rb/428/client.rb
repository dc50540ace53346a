class Client
  BEARER_TOKEN = 'cP8TW1ouDbn9Z0rwqIKje81hkJ-BKvPrG'.freeze
end
