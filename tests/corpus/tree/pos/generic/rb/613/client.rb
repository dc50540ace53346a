class Client
  LEDGER_TOKEN = 'ZClsyros9L8tihlRbh-4Y8BMi'.freeze
end
