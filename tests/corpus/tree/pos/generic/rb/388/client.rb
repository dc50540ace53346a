class Client
  SERVICE_TOKEN = '1f1ffa47622027e1dfa4ea0ff8897a2ac16f10b57ade98497b4a0f6f23e50abb'.freeze
end
