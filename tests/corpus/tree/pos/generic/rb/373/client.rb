class Client
  LEDGER_TOKEN = 'RstdoGMc0Df3zCBEEMfR8RkVrJ7RVkJdyAKpDd26OB'.freeze
end
