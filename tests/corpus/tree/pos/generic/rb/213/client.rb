class Client
  CRM_KEY = '86sBwhkkwwRlaXaPf4fwf_GTNT4KVg3lO2pi5'.freeze
end
