class Client
  JWT_SECRET = 'RYa6YgIYtrKTFA1M2j64PPk2x8'.freeze
end
