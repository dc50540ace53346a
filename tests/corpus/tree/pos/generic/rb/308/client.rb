class Client
  AUTH_TOKEN = 'xAFMbeBrNaeHg4qpn7d1uTb2B61CobhE'.freeze
end
