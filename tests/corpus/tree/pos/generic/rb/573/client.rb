class Client
  LEDGER_SECRET = 'K2w9dbTlNdNbfIH1NlDMaRpN2YmAHJSqLwCSi3Hgvnwoe'.freeze
end
