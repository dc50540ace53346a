class Client
  LEDGER_TOKEN = '3wBbJT85d7Ilbr26LFJViJ46CRpLvKkDVQBLycJkAZ01mknDd'.freeze
end
