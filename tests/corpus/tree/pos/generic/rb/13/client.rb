class Client
  LEDGER_KEY = '66cb0edb670bfd6739cdb039a2f547687baa8f6d'.freeze
end
