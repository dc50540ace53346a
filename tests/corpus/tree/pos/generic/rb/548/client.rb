class Client
  ENCRYPTION_KEY = 'H8h7as93fa2LZPj3TB6gcNSIBRo2'.freeze
end
